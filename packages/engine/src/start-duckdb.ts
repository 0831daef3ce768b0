/**
 * The DuckDB of a Node process, shared by the CLI (`--engine auto|native|wasm`) and the language
 * server's analysis worker (`monitor.engine.duckdb`): `auto` takes native DuckDB (`@duckdb/node-api`,
 * an optional dependency) where its binary loads, else DuckDB-WASM; both give identical rows
 * (test/native-engine.test.ts). `MONITOR_NATIVE_DUCKDB=off` makes the binary count as absent.
 */
import type { Engine } from './engine-types.js';
import type { NativeConnectionOptions } from './native-connection.js';

/** Which DuckDB: `auto` (native where it loads), `native` or `wasm`. */
export type DuckDBChoice = 'auto' | 'native' | 'wasm';

/** A started DuckDB engine: which one, and why `auto` fell back to WASM. */
export interface StartedDuckDB {
    engine: Engine;
    kind: 'native' | 'wasm';
    /** Why `auto` took WASM: the first line of the native engine's error. */
    fallback?: string;
}

/**
 * Starts the DuckDB of `choice`; `options` go to native DuckDB (a signal that stops its running
 * query). A named engine that cannot start is an error; `auto` then takes DuckDB-WASM. Each engine
 * is loaded only when chosen: a process on WASM never opens the native binary, and the reverse.
 */
export async function startDuckDB(choice: DuckDBChoice, options: NativeConnectionOptions = {}): Promise<StartedDuckDB> {
    const native = async (): Promise<StartedDuckDB> =>
        ({ engine: await (await import('./create-native-engine.js')).createNativeEngine(options), kind: 'native' });
    const wasm = async (): Promise<StartedDuckDB> => ({ engine: await (await import('./create-node-engine.js')).createNodeEngine(), kind: 'wasm' });
    if (choice === 'native') return native();
    if (choice === 'wasm') return wasm();
    try {
        return await native();
    } catch (error) {
        return { ...(await wasm()), fallback: String((error as Error)?.message ?? error).split('\n')[0].trim() };
    }
}
