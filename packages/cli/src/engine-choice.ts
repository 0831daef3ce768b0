/**
 * Which DuckDB computes: `--engine auto|native|wasm` of every computing command (`check`, `run`,
 * `report`, `diff`, `audit`). `auto` (the default) takes native DuckDB (`@duckdb/node-api`, an
 * optional dependency) when its binary loads on this platform, else the embedded DuckDB-WASM; both
 * give identical rows (packages/engine/test/native-engine.test.ts). `MONITOR_NATIVE_DUCKDB=off`
 * makes the native binary count as absent. A new engine is one more entry in `STARTERS`.
 */
import type { Engine } from '@monitor/engine';

/** The engines a user can name, `auto` first (the default). */
export const ENGINE_CHOICES = ['auto', 'native', 'wasm', 'postgres'] as const;

/** A value of `--engine`. */
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/** An engine that runs queries, by name. */
export type EngineKind = Exclude<EngineChoice, 'auto'>;

const STARTERS: Record<EngineKind, () => Promise<Engine>> = {
    native: async () => (await import('@monitor/engine/native')).createNativeEngine(),
    wasm: async () => (await import('@monitor/engine')).createNodeEngine(),
    // Never chosen by `auto`: a PostgreSQL server computes only when asked for (postgres-choice.ts).
    postgres: async () => (await import('./postgres-choice.js')).startPostgresEngine(),
};

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
    if (choice !== 'auto') {
        const engine = await STARTERS[choice]();
        if (report) process.stderr.write(`monitor: engine ${choice}\n`);
        return engine;
    }
    try {
        const engine = await STARTERS.native();
        if (report) process.stderr.write('monitor: engine native (auto)\n');
        return engine;
    } catch (error) {
        if (report) process.stderr.write(`monitor: engine wasm (auto; ${(error as Error).message.split('\n')[0].trim()})\n`);
        return STARTERS.wasm();
    }
}
