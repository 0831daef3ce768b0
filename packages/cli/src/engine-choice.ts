/**
 * Which DuckDB computes: `--engine auto|native|wasm` of every computing command (`check`, `run`,
 * `report`, `diff`, `audit`). `auto` (the default) takes native DuckDB (`@duckdb/node-api`, an
 * optional dependency) when its binary loads on this platform, else the embedded DuckDB-WASM; both
 * give identical rows (packages/engine/test/native-engine.test.ts). `MONITOR_NATIVE_DUCKDB=off`
 * makes the native binary count as absent. Which DuckDB `auto` takes is `startDuckDB` of the
 * engine, shared with the language server's worker; this file adds PostgreSQL and the `--debug` line.
 */
// Only a type at the top: run-monitor.ts imports this file, and `--version` loads no DuckDB.
import type { Engine } from '@monitor/engine';

/** The engines a user can name, `auto` first (the default). */
export const ENGINE_CHOICES = ['auto', 'native', 'wasm', 'postgres'] as const;

/** A value of `--engine`. */
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/** An engine that runs queries, by name. */
export type EngineKind = Exclude<EngineChoice, 'auto'>;

let chosen: EngineChoice = 'auto';
let report = false;

/** Sets the engine of this process's computing commands; `say` writes the engine used to stderr. */
export function chooseEngine(choice: EngineChoice, say = false): void {
    chosen = choice;
    report = say;
}

/** The engine chosen with `--engine` (default `auto`). */
export function chosenEngine(): EngineChoice {
    return chosen;
}

/**
 * Starts the engine of `choice`: `auto` tries native DuckDB and falls back to DuckDB-WASM when the
 * optional binary is missing or cannot load; a named engine that cannot start is an error.
 */
export async function startEngine(choice: EngineChoice = chosen): Promise<Engine> {
    // Never chosen by `auto`: a PostgreSQL server computes only when asked for (postgres-choice.ts).
    if (choice === 'postgres') {
        const engine = await (await import('./postgres-choice.js')).startPostgresEngine();
        if (report) process.stderr.write('monitor: engine postgres\n');
        return engine;
    }
    const started = await (await import('@monitor/engine')).startDuckDB(choice);
    if (report) {
        process.stderr.write(choice !== 'auto' ? `monitor: engine ${choice}\n`
            : started.fallback === undefined ? 'monitor: engine native (auto)\n' : `monitor: engine wasm (auto; ${started.fallback})\n`);
    }
    return started.engine;
}
