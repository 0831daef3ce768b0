/**
 * Which DuckDB the analysis worker computes on: the editor setting `monitor.engine.duckdb`
 * (initialization option `engine`: `auto`, `native` or `wasm`). `auto` (the default) takes native
 * DuckDB (`@duckdb/node-api`) when its binary loads here, else DuckDB-WASM: a VSIX without the
 * native binary falls back cleanly. Both give identical rows (packages/engine/test/native-engine.test.ts).
 * `MONITOR_NATIVE_DUCKDB=off` makes the native binary count as absent, as in the CLI.
 */
import type { Engine } from '@monitor/engine';
import type { AnalysisEngineChoice } from './engine-setting.js';

/** An engine that computes, as started. */
export interface StartedEngine {
    engine: Engine;
    /** `postgres`: a monitor of table sources computed on the server (postgres-analysis-engine.ts). */
    kind: 'native' | 'wasm' | 'postgres';
    /** Why `auto` took WASM: the first line of the native engine's error. */
    fallback?: string;
}

/**
 * Starts the engine of `choice`. A native engine stops its running query when `signal` aborts
 * (the analysis time limit). `native` that cannot start is an error; `auto` then takes WASM.
 */
export async function startAnalysisEngine(choice: AnalysisEngineChoice, signal?: AbortSignal): Promise<StartedEngine> {
    // Loaded only when chosen: a worker on WASM never opens the native binary, and the reverse.
    const native = async (): Promise<StartedEngine> =>
        ({ engine: await (await import('@monitor/engine/native')).createNativeEngine({ signal }), kind: 'native' });
    const wasm = async (): Promise<StartedEngine> => ({ engine: await (await import('@monitor/engine')).createNodeEngine(), kind: 'wasm' });
    if (choice === 'native') return native();
    if (choice === 'wasm') return wasm();
    try {
        return await native();
    } catch (error) {
        return { ...(await wasm()), fallback: String((error as Error)?.message ?? error).split('\n')[0].trim() };
    }
}
