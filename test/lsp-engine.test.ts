/**
 * Which DuckDB the language server's analysis worker computes on, over real LSP stdio: native DuckDB
 * where its binary loads (`auto`, the default), DuckDB-WASM when it is absent (simulated with
 * `MONITOR_NATIVE_DUCKDB=off`) or when the setting `monitor.engine.duckdb` (initialization option
 * `engine`) says `wasm`; both give the same hover value. `native` where it cannot start is an error
 * at the monitor's header. A timed-out analysis on native DuckDB leaves no query running: the
 * server answers, computes again, cleans up its engine and exits when asked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { eventually, hoverText, openExample, positionOf, type ExampleSession } from './lsp-client.js';

const NATIVE_LOADS = await import('@duckdb/node-api').then(() => true, () => false);
const OFF = { MONITOR_NATIVE_DUCKDB: 'off' };
/** The hover of `verblijf` once its latest value is computed. */
const VALUE = /latest: \d/;

const sessions: ExampleSession[] = [];
async function open(options: Parameters<typeof openExample>[0]): Promise<ExampleSession> {
    const session = await openExample({ timeoutMs: 120_000, ...options });
    sessions.push(session);
    return session;
}
afterAll(async () => { await Promise.all(sessions.map(s => s.close())); });

async function latest(s: ExampleSession): Promise<string> {
    return eventually(() => hoverText(s.client, s.uri, positionOf(s.text, 'indicator verblijf', 10)), VALUE);
}

describe.skipIf(!NATIVE_LOADS)('the analysis engine of the language server', () => {
    test('auto computes on native DuckDB, on DuckDB-WASM when the binary is absent, and both hover the same value', async () => {
        const [native, wasm] = await Promise.all([open({}), open({ env: OFF })]);
        const [onNative, onWasm] = await Promise.all([latest(native), latest(wasm)]);
        expect(onNative).toMatch(/latest: [\d.,]+ per 1\.000 jongeren \(\d{4}-Q\d\)/);
        expect(onWasm).toBe(onNative);
        expect(native.client.stderr()).toContain('analyses compute on native DuckDB');
        expect(native.client.stderr()).not.toContain('DuckDB-WASM');
        expect(wasm.client.stderr()).toMatch(/analyses compute on DuckDB-WASM \(Native DuckDB .*switched off/);
        // Falling back is no error: nothing at the header.
        expect(wasm.client.diagnostics.get(wasm.uri)?.map(d => d.code)).not.toContain('data-engine-unavailable');
    }, 300_000);

    test('the setting chooses the engine: wasm although native loads, and native where it cannot start is an error at the header', async () => {
        const [wasm, nativeOff, native] = await Promise.all([
            open({ initOptions: { engine: 'wasm' } }),
            open({ initOptions: { engine: 'native' }, env: OFF }),
            open({ initOptions: { engine: 'native' } }),
        ]);
        expect(await latest(wasm)).toBe(await latest(native));
        expect(wasm.client.stderr()).toContain('analyses compute on DuckDB-WASM');
        expect(wasm.client.stderr()).not.toContain('native DuckDB');
        expect(native.client.stderr()).toContain('analyses compute on native DuckDB');
        const unavailable = await nativeOff.client.waitForDiagnostics(nativeOff.uri, d => d.some(x => x.code === 'data-engine-unavailable'), 120_000);
        const at = unavailable.find(d => d.code === 'data-engine-unavailable')!;
        expect(at.severity).toBe(1);
        expect(at.range.start.line).toBe(nativeOff.text.slice(0, nativeOff.text.indexOf('\nmonitor ') + 1).split('\n').length - 1);
        expect(await hoverText(nativeOff.client, nativeOff.uri, positionOf(nativeOff.text, 'indicator verblijf', 10))).not.toMatch(VALUE);
    }, 300_000);

    test('a timed-out analysis on native DuckDB leaves no query running: the server answers, times out again on an edit, closes its engines and exits', async () => {
        // The server's own temporary folder: the native engine keeps its copies of the data there until it is closed.
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-engine-tmp-'));
        try {
            const s = await open({ initOptions: { engine: 'native', timeoutSeconds: 0.05 }, env: { TMPDIR: tmp } });
            await s.client.waitForDiagnostics(s.uri, d => d.some(x => x.code === 'data-timeout'), 120_000);
            expect(await hoverText(s.client, s.uri, positionOf(s.text, 'indicator verblijf', 10))).toContain('took longer than 0.05 s');
            // An edit starts a fresh worker, which times out in turn (the server is not stuck on the first).
            const before = s.client.statuses().length;
            s.client.change(s.file, s.text.replace('title "', 'title "x'), 2);
            await eventually(async () => s.client.statuses().slice(before).join(','), /1,0/, 120_000);
            expect(s.client.diagnostics.get(s.uri)?.map(d => d.code)).toContain('data-timeout');
            // Every native engine was closed after its query was interrupted: no copy of the data is left.
            await eventually(async () => fs.readdirSync(tmp).filter(f => f.startsWith('monitor-native-')).join(',') || 'none', /^none$/, 60_000);
            // A worker with a native query still running would hold the process: it exits on `exit`.
            await s.client.stop();
            expect(s.client.process.exitCode).toBe(0);
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    }, 300_000);
});
