/** The native entry (`@monitor/engine/native`): an Engine on native DuckDB, for large data. */
import path from 'node:path';
import { createEngine } from './create-engine.js';
import type { Engine } from './engine-types.js';
import { loadSource } from './load-source.js';
import { createNativeConnection, type NativeConnectionOptions } from './native-connection.js';

/**
 * Starts native DuckDB and returns an unlocked engine with the offline settings applied. Loading
 * runs the shared data stage (`loadSource`), so checks and tables are the same as on WASM.
 */
export async function createNativeEngine(options: NativeConnectionOptions = {}): Promise<Engine> {
    const conn = await createNativeConnection(options);
    const engine = await createEngine(conn);
    let files = 0;
    let locked = false;
    return {
        ...engine,
        async loadSource(source, bytes) {
            if (locked) throw new Error('The engine is locked; load every source before calling lock().');
            files += 1;
            // Native DuckDB looks up a relative name in the working folder first, so it gets the
            // absolute path of its private copy instead.
            return loadSource(conn, source, bytes, path.join(conn.dir, `monitor_source_${files}.csv`));
        },
        async lock() {
            if (locked) return;
            await engine.lock();
            locked = true;
        },
    };
}
