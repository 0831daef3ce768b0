/** Syntax errors over real LSP stdio are written in the locale the server was started with. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLspClient, type LspClient } from './lsp-client.js';

const BROKEN = 'monitor t {\n    grain year\n    range 2020 .. 2021\n}\nindicatr x {}\n';

describe('syntax error messages over stdio', () => {
    let dir: string;
    const clients: LspClient[] = [];
    beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-syntax-')); });
    afterAll(async () => {
        await Promise.all(clients.map(c => c.stop()));
        fs.rmSync(dir, { recursive: true, force: true });
    });

    async function firstError(locale: string): Promise<{ message: string; range: unknown }> {
        // Untrusted: only the language stages run, which is all a syntax error needs.
        const client = await startLspClient({ root: dir, locale, trusted: false });
        clients.push(client);
        const uri = client.open(path.join(dir, `broken-${locale}.monitor`), BROKEN);
        const diagnostics = await client.waitForDiagnostics(uri, d => d.length > 0);
        return diagnostics[0];
    }

    test('a server started with locale nl reports a misspelt block word in Dutch with a suggestion', async () => {
        const d = await firstError('nl');
        expect(d.message).toMatch(/^Verwacht een nieuw blok \('import', 'monitor', .*\) of het einde van het bestand maar vond 'indicatr'\. Bedoelt u 'indicator'\?$/);
        expect(d.range).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: 8 } });
    });

    test('a server started with locale en reports the same error in English', async () => {
        const d = await firstError('en');
        expect(d.message).toMatch(/^Expecting a new block \('import', 'monitor', .*\) or the end of the file but found 'indicatr'\. Did you mean 'indicator'\?$/);
    });
});
