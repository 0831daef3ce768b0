/**
 * The extension's bundled language server (packages/extension/scripts/build.mjs): one CommonJS file
 * with its worker, the PostgreSQL client and DuckDB-WASM (brotli-compressed in media/) beside it, no
 * node_modules — as it runs from an installed VSIX. Started as a process on this Node (20: the
 * polyfill must come first) over real LSP stdio; it unpacks the .wasm into a scratch cache folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildExtension } from '../packages/extension/scripts/build.mjs';
import { startLspClient, type LspClient } from './lsp-client.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../examples/jeugd');

/** 0-based position of `needle` plus `shift` characters. */
function pos(text: string, needle: string, shift = 0): { line: number; character: number } {
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`'${needle}' not in text`);
    const before = text.slice(0, at + shift);
    return { line: before.split('\n').length - 1, character: at + shift - before.lastIndexOf('\n') - 1 };
}

describe('bundled language server of the extension', () => {
    let build: string;
    let out: string;
    let work: string;
    let cache: string;
    let client: LspClient;
    let file: string;
    let text: string;
    let uri: string;

    beforeAll(async () => {
        build = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-ext-build-'));
        out = path.join(build, 'dist');
        await buildExtension({ out, preview: false });
        // Nothing to resolve from: the bundle sits in a folder without node_modules above it.
        work = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-ext-ws-'));
        cache = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-ext-cache-'));
        fs.cpSync(EXAMPLE, work, { recursive: true });
        file = path.join(work, 'jeugd.monitor');
        text = fs.readFileSync(file, 'utf8');
        client = await startLspClient({ root: work, trusted: true, locale: 'nl', command: [process.execPath, path.join(out, 'server.cjs')], env: { MONITOR_WASM_CACHE: cache } });
        uri = client.open(file, text);
    });
    afterAll(async () => {
        await client?.stop();
        for (const dir of [build, work, cache]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('the bundle holds the client, the server, its worker and pg once, the DuckDB and HiGHS wasm once in media/, and no vscode module', () => {
        const files = fs.readdirSync(out).sort();
        expect(files).toEqual(['analysis-worker.js', 'extension.cjs', 'pg.cjs', 'server.cjs']);
        // One copy of DuckDB-WASM and of HiGHS, in media/, for the webview and the server's worker alike.
        expect(fs.readdirSync(path.join(build, 'media')).sort()).toEqual(['duckdb-eh.wasm.br', 'highs.wasm.br', 'wasm.json']);
        // One copy of the PostgreSQL client: server and worker require dist/pg.cjs, neither carries its own.
        for (const bundle of ['server.cjs', 'analysis-worker.js']) {
            const code = fs.readFileSync(path.join(out, bundle), 'utf8');
            expect(code, bundle).toContain('require("./pg.cjs")');
            expect(code, bundle).not.toMatch(/require\("pg"\)|pg-protocol|SCRAM-SHA-256/);
        }
        expect(fs.readFileSync(path.join(out, 'pg.cjs'), 'utf8')).toContain('SCRAM-SHA-256');
        const client = fs.readFileSync(path.join(out, 'extension.cjs'), 'utf8');
        expect(client).toContain('require("vscode")');
        expect(fs.readFileSync(path.join(out, 'server.cjs'), 'utf8')).not.toContain('require("vscode")');
    });

    test('the bundled server computes with DuckDB-WASM: hover shows the latest value in Dutch', async () => {
        const at = pos(text, 'indicator verblijf', 10);
        const end = Date.now() + 240_000;
        let value = '';
        while (Date.now() < end && !/laatst: \d/.test(value)) {
            const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: at });
            value = hover?.contents.value ?? '';
            if (!/laatst: \d/.test(value)) await new Promise(r => setTimeout(r, 250));
        }
        expect(value).toMatch(/laatst: [\d.,]+ per 1\.000 jongeren/);
        // The universal VSIX has no native binary: `auto` falls back to DuckDB-WASM, says why, and reports no error.
        expect(client.stderr()).toMatch(/analyses compute on DuckDB-WASM \(Native DuckDB \(@duckdb\/node-api\) cannot be loaded/);
        expect(client.diagnostics.get(uri)?.map(d => d.code)).not.toContain('data-engine-unavailable');
        expect(client.diagnostics.get(uri)?.map(d => d.code)).not.toContain('data-wasm-unavailable');
        // DuckDB came from the compressed copy, unpacked once into the cache folder the environment names.
        const [key] = fs.readdirSync(path.join(cache, 'wasm'));
        const manifest = JSON.parse(fs.readFileSync(path.join(build, 'media', 'wasm.json'), 'utf8'));
        expect(fs.statSync(path.join(cache, 'wasm', key, 'duckdb-eh.wasm')).size).toBe(manifest['duckdb-eh.wasm'].bytes);
    });

    test('the bundled server runs the data stage: a declared column missing from the file is reported', async () => {
        const broken = text.replace('        status           text', '        status           text\n        leeftijd         integer');
        client.change(file, broken, 2);
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'data-missing-column'));
        expect(diagnostics.find(x => x.code === 'data-missing-column')?.range.start).toEqual(pos(broken, 'leeftijd'));
    });

    test('a cache folder that cannot be written is data-wasm-unavailable at the header, naming the folder, not a silent or crashed server', async () => {
        // A file where the folder should be: nobody, not even root, can create folders under it.
        const blocked = path.join(cache, 'not-a-folder');
        fs.writeFileSync(blocked, 'x');
        const other = await startLspClient({ root: work, trusted: true, locale: 'en', command: [process.execPath, path.join(out, 'server.cjs')], env: { MONITOR_WASM_CACHE: blocked } });
        try {
            const at = other.open(file, text);
            const d = await other.waitForDiagnostics(at, ds => ds.some(x => x.code === 'data-wasm-unavailable'), 120_000);
            const issue = d.find(x => x.code === 'data-wasm-unavailable')!;
            expect(issue.range.start).toEqual(pos(text, 'monitor jeugd'));
            expect(issue.message).toMatch(/duckdb-eh\.wasm .*not-a-folder/);
        } finally {
            await other.stop();
        }
    });
});
