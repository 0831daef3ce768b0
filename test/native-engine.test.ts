/** `monitor run --engine native` gives exactly the rows of the default DuckDB-WASM engine. */
import { describe, expect, test } from 'vitest';
import { monitor } from './cli-helpers.js';

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

describe.skipIf(!available)('monitor run --engine native', () => {
    test('gives the same rows as the WASM engine for the jeugd example', () => {
        const wasm = monitor(['run', 'examples/jeugd/jeugd.monitor', '--format', 'json']);
        const native = monitor(['run', 'examples/jeugd/jeugd.monitor', '--format', 'json', '--engine', 'native']);
        expect(wasm.code, wasm.stderr).toBe(0);
        expect(native.code, native.stderr).toBe(0);
        const rows = JSON.parse(wasm.stdout) as unknown[];
        expect(rows.length).toBeGreaterThan(100);
        expect(JSON.parse(native.stdout)).toEqual(rows);
    });
});

test('an unknown engine is a usage error', () => {
    const r = monitor(['run', 'examples/jeugd/jeugd.monitor', '--engine', 'sqlite']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--engine must be one of wasm, native');
});
