/** The Node entry: an Engine on DuckDB-WASM (blocking build) in this process. */
import { createEngine } from './create-engine.js';
import type { Engine } from './engine-types.js';
import { createNodeConnection } from './node-connection.js';

/** Starts DuckDB-WASM in Node (~1 s) and returns an unlocked engine with the offline settings applied. */
export async function createNodeEngine(): Promise<Engine> {
    return createEngine(await createNodeConnection());
}
