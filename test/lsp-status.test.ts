/**
 * The server's `monitor/status` notification over real LSP stdio: it tells the client how many
 * documents it is computing, so the VS Code status bar can show a spinner. A trusted document with
 * data goes 1 → 0; in an untrusted workspace nothing is computed, so nothing is announced.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, startLspClient, type LspClient } from './lsp-client.js';

const MONITOR = `monitor t {
    grain year
    range 2020 .. 2021
    privacy none "testgegevens"
}
source meldingen from "m.csv" {
    events on datum
    columns { datum date  wijk text }
}
indicator aantal { title "Aantal" value count from meldingen }
`;

describe('monitor/status over stdio', () => {
    let dir: string;
    const clients: LspClient[] = [];
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-status-'));
        const rows = Array.from({ length: 30 }, (_, i) => `202${i % 2}-0${1 + (i % 9)}-1${i % 9},noord`);
        fs.writeFileSync(path.join(dir, 'm.csv'), ['datum,wijk', ...rows].join('\n') + '\n');
        fs.writeFileSync(path.join(dir, 'a.monitor'), MONITOR);
    });
    afterAll(async () => {
        await Promise.all(clients.map(c => c.stop()));
        fs.rmSync(dir, { recursive: true, force: true });
    });

    test('computing an open document is announced, and its end too', async () => {
        const client = await startLspClient({ root: dir });
        clients.push(client);
        const uri = client.open(path.join(dir, 'a.monitor'), MONITOR);
        await client.waitForDiagnostics(uri, () => true);
        await eventually(async () => client.statuses().join(','), /^1(,\d+)*,0$/);
        // An edit computes again: another rise and fall, ending idle.
        client.change(path.join(dir, 'a.monitor'), MONITOR.replace('"Aantal"', '"Meldingen"'), 2);
        await eventually(async () => client.statuses().join(','), /^1,0,1(,\d+)*,0$/);
        expect(client.statuses().every(n => n >= 0)).toBe(true);
    });

    test('an untrusted workspace computes nothing, so nothing is announced', async () => {
        const client = await startLspClient({ root: dir, trusted: false });
        clients.push(client);
        const uri = client.open(path.join(dir, 'a.monitor'), MONITOR);
        await client.waitForDiagnostics(uri, () => true);
        // Wait past the debounce and a hover (which schedules an analysis too), then check.
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 12 } });
        await new Promise(r => setTimeout(r, 1500));
        expect(client.statuses()).toEqual([]);
    });
});
