/**
 * The CLI's engine choice (packages/cli/src/engine-choice.ts): native DuckDB by default where its
 * binary loads, DuckDB-WASM otherwise, with identical rows; `--engine` overrides. The binary's
 * absence is simulated with MONITOR_NATIVE_DUCKDB=off, which the engine's loader honours.
 */
import { describe, expect, test } from 'vitest';
import { monitorInProcess, ROOT } from './cli-helpers.js';

async function nativeLoads(): Promise<boolean> {
    try {
        await import('@duckdb/node-api');
        return true;
    } catch (error) {
        console.warn(`SKIP native DuckDB CLI test: @duckdb/node-api does not load here (${(error as Error).message.split('\n')[0]}).`);
        return false;
    }
}

const available = await nativeLoads();

/** `monitor …args` with MONITOR_NATIVE_DUCKDB=off: as on a platform without the native binary (the loader reads it at each start). */
function withoutNative(args: string[]) {
    return monitorInProcess(args, ROOT, { MONITOR_NATIVE_DUCKDB: 'off' });
}

/** `monitor …args` in this process (cli-helpers.ts): the same command without a Node and DuckDB start per run. */
const monitor = (args: string[]) => monitorInProcess(args, ROOT);

const RUN = ['run', 'examples/jeugd/jeugd.monitor', '--format', 'json', '--debug'];

describe.skipIf(!available)('the engine of monitor run', () => {
    test('is native by default, WASM when the native binary is absent, with identical rows', async () => {
        const auto = await monitor(RUN);
        const fallback = await withoutNative(RUN);
        const wasm = await monitor([...RUN, '--engine', 'wasm']);
        for (const r of [auto, fallback, wasm]) expect(r.code, r.stderr).toBe(0);
        expect(auto.stderr).toContain('monitor: engine native (auto)');
        expect(fallback.stderr).toContain('monitor: engine wasm (auto; Native DuckDB (@duckdb/node-api) is switched off');
        expect(wasm.stderr).toContain('monitor: engine wasm');
        const rows = JSON.parse(wasm.stdout) as unknown[];
        expect(rows.length).toBeGreaterThan(100);
        expect(JSON.parse(auto.stdout)).toEqual(rows);
        expect(JSON.parse(fallback.stdout)).toEqual(rows);
    }, 240_000);

    test('--engine native where the binary is absent is an error that names the way out', async () => {
        const r = await withoutNative(['run', 'examples/jeugd/jeugd.monitor', '--engine', 'native']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('MONITOR_NATIVE_DUCKDB=off');
        expect(r.stderr).toContain('Use the WASM engine instead');
        expect(r.stdout).toBe('');
    });

    test('check falls back too: the same findings on both engines', async () => {
        const args = ['check', 'examples/jeugd', '--format', 'json'];
        const native = await monitor([...args, '--engine', 'native']);
        const fallback = await withoutNative(args);
        expect(fallback.code, fallback.stderr).toBe(native.code);
        expect(JSON.parse(fallback.stdout)).toEqual(JSON.parse(native.stdout));
    }, 240_000);
});

test('an unknown engine is a usage error', async () => {
    const r = await monitor(['run', 'examples/jeugd/jeugd.monitor', '--engine', 'sqlite']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--engine must be one of auto, native, wasm, postgres');
});
