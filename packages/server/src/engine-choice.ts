/**
 * Which DuckDB the analysis worker computes on: the editor setting `monitor.engine.duckdb`
 * (initialization option `engine`: `auto`, `native` or `wasm`). `auto` (the default) takes native
 * DuckDB (`@duckdb/node-api`) when its binary loads here, else DuckDB-WASM: a VSIX without the
 * native binary falls back cleanly. Both give identical rows (packages/engine/test/native-engine.test.ts).
 * `MONITOR_NATIVE_DUCKDB=off` makes the native binary count as absent, as in the CLI.
 */
import { startDuckDB, type Engine, type StartedDuckDB } from '@monitor/engine';
import type { AnalysisEngineChoice } from './engine-setting.js';

/** An engine that computes, as started. */
export interface StartedEngine {
    engine: Engine;
    /** `postgres`: a monitor of table sources computed on the server (postgres-analysis-engine.ts). */
    kind: StartedDuckDB['kind'] | 'postgres';
    /** Why `auto` took WASM: the first line of the native engine's error. */
    fallback?: string;
}

/**
 * Starts the engine of `choice` (`startDuckDB` of the engine, shared with the CLI). A native engine
 * stops its running query when `signal` aborts (the analysis time limit). `native` that cannot start
 * is an error; `auto` then takes WASM.
 */
export async function startAnalysisEngine(choice: AnalysisEngineChoice, signal?: AbortSignal): Promise<StartedEngine> {
    return startDuckDB(choice, { signal });
}
