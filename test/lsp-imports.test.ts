/**
 * The language server confines imports to the workspace folder like the CLI (issue 15, item 3): over
 * real LSP stdio, an import of a file outside the folder is an error even when that file is open in the
 * editor (so loaded), and an import inside the folder is fine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLspClient, type LspClient } from './lsp-client.js';

const OUTSIDE = 'source geheim from "geheim.csv" {\n    events on datum\n    columns { datum date }\n}\n';
const MAIN = (p: string) => `import "${p}"\n\nmonitor m {\n    grain year\n    range 2020 .. 2021  privacy none "test data"\n}\nindicator n { value count from geheim }\n`;

describe('imports in the language server', () => {
    let base: string;
    let client: LspClient;
    beforeAll(async () => {
        base = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-imports-'));
        fs.mkdirSync(path.join(base, 'ws'));
        fs.mkdirSync(path.join(base, 'outside'));
        fs.writeFileSync(path.join(base, 'outside/x.monitor'), OUTSIDE);
        fs.writeFileSync(path.join(base, 'ws/inside.monitor'), OUTSIDE);
        fs.writeFileSync(path.join(base, 'ws/uit.monitor'), MAIN('../outside/x.monitor'));
        fs.writeFileSync(path.join(base, 'ws/binnen.monitor'), MAIN('inside.monitor'));
        client = await startLspClient({ root: path.join(base, 'ws'), trusted: false });
    });
    afterAll(async () => {
        await client?.stop();
        fs.rmSync(base, { recursive: true, force: true });
    });

    test('an import leading outside the workspace folder is import-outside-root, also when that file is open', async () => {
        client.open(path.join(base, 'outside/x.monitor'), OUTSIDE);
        const uri = client.open(path.join(base, 'ws/uit.monitor'), MAIN('../outside/x.monitor'));
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'import-outside-root'));
        expect(diagnostics.find(x => x.code === 'import-outside-root')?.range.start.line).toBe(0);
        expect(diagnostics.some(x => x.code === 'unknown-import')).toBe(false);
    });
    test('an import inside the workspace folder is accepted', async () => {
        const uri = client.open(path.join(base, 'ws/binnen.monitor'), MAIN('inside.monitor'));
        const diagnostics = await client.waitForDiagnostics(uri, () => true);
        expect(diagnostics.filter(x => x.code?.toString().startsWith('import-') || x.code === 'unknown-import')).toEqual([]);
    });
});
