/**
 * An edit re-links exactly the files that can see it (the server's document builder follows import
 * statements): over real LSP stdio, a change in an imported file reaches its importers, transitively.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLspClient, type LspClient } from './lsp-client.js';

const HUB = `monitor m {
    grain year
    range 2020 .. 2021
    privacy none "testgegevens"
}
source meldingen from "m.csv" {
    events on datum
    columns { datum date  wijk text }
}
indicator totaal { value count from meldingen }
`;
const MIDDLE = 'import "hub.monitor"\n\nindicator dubbel { value totaal * 2 }\n';
const LEAF = 'import "middle.monitor"\n\nindicator vierdubbel { value dubbel * 2 }\nindicator ook_totaal { value totaal + 0 }\n';

describe('relinking after an edit in an imported file', () => {
    let dir: string;
    let client: LspClient;
    const uris: Record<string, string> = {};
    const unknown = (uri: string) => (client.diagnostics.get(uri) ?? []).filter(d => d.code === 'unknown-indicator').map(d => d.message);

    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-relink-'));
        fs.writeFileSync(path.join(dir, 'm.csv'), 'datum,wijk\n2020-01-01,noord\n');
        for (const [name, text] of Object.entries({ hub: HUB, middle: MIDDLE, leaf: LEAF })) fs.writeFileSync(path.join(dir, `${name}.monitor`), text);
        // Untrusted: only the language stages, which are what relinking is about.
        client = await startLspClient({ root: dir, trusted: false });
        for (const [name, text] of Object.entries({ hub: HUB, middle: MIDDLE, leaf: LEAF })) {
            uris[name] = client.open(path.join(dir, `${name}.monitor`), text);
            await client.waitForDiagnostics(uris[name], d => d.length === 0);
        }
    });
    afterAll(async () => {
        await client?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    test('renaming an indicator in a file breaks the references in files that import it, directly and through another', async () => {
        client.change(path.join(dir, 'hub.monitor'), HUB.replace('indicator totaal', 'indicator totaal2'), 2);
        await client.waitForDiagnostics(uris.middle, d => d.some(x => x.code === 'unknown-indicator'));
        await client.waitForDiagnostics(uris.leaf, d => d.some(x => x.code === 'unknown-indicator'));
        expect(unknown(uris.middle)).toHaveLength(1);
        expect(unknown(uris.leaf)).toHaveLength(1);
        expect(unknown(uris.leaf)[0]).toContain("'totaal'");
    });

    test('renaming it back resolves those references again', async () => {
        client.change(path.join(dir, 'hub.monitor'), HUB, 3);
        await client.waitForDiagnostics(uris.middle, d => !d.some(x => x.code === 'unknown-indicator'));
        await client.waitForDiagnostics(uris.leaf, d => !d.some(x => x.code === 'unknown-indicator'));
        expect(unknown(uris.leaf)).toEqual([]);
    });

    test('an edit in the importing file leaves the imported file alone', async () => {
        // The hub's own publication for the previous test's edit may still be on its way: wait until its
        // list has stayed the same for a second, so that any later publication comes from this edit.
        let before = client.diagnostics.get(uris.hub);
        for (let quiet = 0; quiet < 5;) {
            await new Promise(r => setTimeout(r, 200));
            const now = client.diagnostics.get(uris.hub);
            quiet = now === before ? quiet + 1 : 0;
            before = now;
        }
        client.change(path.join(dir, 'leaf.monitor'), LEAF.replace('value dubbel', 'value dubbl'), 2);
        await client.waitForDiagnostics(uris.leaf, d => d.some(x => x.code === 'unknown-indicator'));
        await new Promise(r => setTimeout(r, 500));
        // A re-validated hub would have been published again (a new list), even with the same content.
        expect(client.diagnostics.get(uris.hub)).toBe(before);
    });
});
