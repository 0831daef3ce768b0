/**
 * `startDuckDB`, the engine choice of the CLI and the analysis worker: `auto` takes native DuckDB
 * where it loads and DuckDB-WASM otherwise (its absence simulated with MONITOR_NATIVE_DUCKDB=off),
 * saying why; a named engine is that engine or an error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startDuckDB, type StartedDuckDB } from '../src/start-duckdb.js';
import { nativeOrSkip } from './helpers/native.js';

const native = await nativeOrSkip();
const SQL = "SELECT 6 * 7 AS answer, version() LIKE 'v%' AS versioned";

let started: StartedDuckDB | undefined;
afterEach(async () => { await started?.engine.close(); started = undefined; delete process.env.MONITOR_NATIVE_DUCKDB; });

describe('startDuckDB', () => {
    it('wasm: DuckDB-WASM, no fallback to explain', async () => {
        started = await startDuckDB('wasm');
        expect(started.kind).toBe('wasm');
        expect(started.fallback).toBeUndefined();
        expect(await started.engine.query(SQL)).toEqual([{ answer: 42, versioned: true }]);
    });

    it('auto without the native binary: DuckDB-WASM, and the reason', async () => {
        process.env.MONITOR_NATIVE_DUCKDB = 'off';
        started = await startDuckDB('auto');
        expect(started.kind).toBe('wasm');
        expect(started.fallback).toMatch(/MONITOR_NATIVE_DUCKDB=off/);
        expect(started.fallback).not.toContain('\n');
        expect(await started.engine.query(SQL)).toEqual([{ answer: 42, versioned: true }]);
    });

    it('native without the native binary: an error, no quiet fallback', async () => {
        process.env.MONITOR_NATIVE_DUCKDB = 'off';
        await expect(startDuckDB('native')).rejects.toThrow(/switched off/);
    });

    it.skipIf(!native.available)('auto with the native binary: native DuckDB, the same answer', async () => {
        started = await startDuckDB('auto');
        expect(started.kind).toBe('native');
        expect(started.fallback).toBeUndefined();
        expect(await started.engine.query(SQL)).toEqual([{ answer: 42, versioned: true }]);
    });
});
