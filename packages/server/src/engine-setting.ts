/**
 * The editor setting `monitor.engine.duckdb` (initialization option `engine`): which DuckDB the
 * analysis worker computes on. Apart from engine-choice.ts, which starts the engine, so that the
 * server's own thread reads the setting without bundling DuckDB (the VSIX's server.cjs).
 */

/** The values of `monitor.engine.duckdb`, `auto` first (the default). */
export const ANALYSIS_ENGINES = ['auto', 'native', 'wasm'] as const;

/** A value of `monitor.engine.duckdb`. */
export type AnalysisEngineChoice = (typeof ANALYSIS_ENGINES)[number];

/** The choice an initialization option names; anything else is `auto`. */
export function readEngineChoice(value: unknown): AnalysisEngineChoice {
    return ANALYSIS_ENGINES.find(c => c === value) ?? 'auto';
}
