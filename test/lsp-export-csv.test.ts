/**
 * The editor's "export results" (issue 15, item 6) through the server's `workspace/executeCommand`
 * over stdio: text that starts like a spreadsheet formula is escaped by default, as in `monitor run
 * --format csv`; only the option `{ raw: true }` (the extension's `monitor.export.csvRaw`) leaves it raw.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLspClient, type LspClient } from './lsp-client.js';

const MONITOR = `monitor m {
    title "T"
    grain quarter
    range 2024-Q1 .. 2024-Q2  privacy none "test data"
}
source s from "data.csv" {
    events on datum
    columns { id text  datum date  wijk text }
}
dimension gebied { s.wijk }
indicator n { value count from s by gebied desired up }
`;
const DATA = 'id,datum,wijk\nc1,2024-01-05,=HYPERLINK("http://x")\nc2,2024-02-05,@SUM(A1)\nc3,2024-04-05,-5\nc4,2024-05-05,+1\n';
let dir: string;
let client: LspClient;
let uri: string;

beforeAll(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-export-')));
    fs.writeFileSync(path.join(dir, 'data.csv'), DATA);
    fs.writeFileSync(path.join(dir, 'm.monitor'), MONITOR);
    client = await startLspClient({ root: dir, trusted: true, locale: 'en' });
    uri = client.open(path.join(dir, 'm.monitor'), MONITOR);
    // The export answers from the built document: wait for its diagnostics (it failed once on a busy
    // machine with "The monitor has errors or no indicators" when asked before the first build).
    await client.waitForDiagnostics(uri, (d) => d.every((x) => x.severity !== 1));
});
afterAll(async () => { await client?.stop(); });

const exportRows = (args: unknown[]) => client.request<string>('workspace/executeCommand', { command: 'monitor.server.exportRows', arguments: args });

describe('the editor\'s CSV export', () => {
    test('escapes formula-like text by default, like monitor run', async () => {
        // The counts are not asserted here: an analysis that ran before the document was linked can give
        // all 4 rows to 2024-Q1 (an open bug of the server's analysis, see the issue-15 report).
        const csv = await exportRows([uri]);
        expect(csv).toContain(`n,actual,2024-Q1,"'=HYPERLINK(""http://x"")",`);
        expect(csv).toContain(`n,actual,2024-Q1,'@SUM(A1),`);
        expect(csv).toContain(`n,actual,2024-Q2,'-5,`);
        expect(csv).toContain(`n,actual,2024-Q2,'+1,`);
        expect(csv).not.toMatch(/,[=@+-][A-Z0-9]/);
        // Only `raw: true` turns the escaping off; another value keeps it.
        for (const options of [{ raw: 'yes' }, null, 'raw']) {
            const other = await exportRows([uri, options]);
            expect(other).toContain(`'@SUM(A1),'@SUM(A1),`);
            expect(other).not.toMatch(/,[=@+-][A-Z0-9]/);
        }
    });
    test('leaves text raw with { raw: true } (the setting monitor.export.csvRaw)', async () => {
        const csv = await exportRows([uri, { raw: true }]);
        expect(csv).toContain(`n,actual,2024-Q1,"=HYPERLINK(""http://x"")",`);
        expect(csv).toContain(`n,actual,2024-Q1,@SUM(A1),`);
        expect(csv).toContain(`n,actual,2024-Q2,-5,`);
        expect(csv).not.toContain(`'`);
    });
});
