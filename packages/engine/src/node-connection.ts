/** A `SqlConnection` over the blocking DuckDB-WASM build in Node (PLATFORM.md). */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PlainRow, SqlConnection } from './engine-types.js';
import { plainRows } from './plain-value.js';

/**
 * One DuckDB-WASM instance kept, reset, for the next connection of this process: starting an instance
 * costs 2–3 s of CPU (its dynamic linking and first open), reopening a reset one under 0.1 s. The
 * language server connects once per analysis and the tests once per case. A reset instance holds
 * no table, no setting and no registered file; it keeps its WebAssembly memory (which never shrinks) until the next use.
 */
let idle: duckdb.DuckDBBindings | undefined;

async function startDuckDB(): Promise<duckdb.DuckDBBindings> {
    const require = createRequire(import.meta.url);
    const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
    const bundles: duckdb.DuckDBBundles = {
        mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
        eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
    };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    return db;
}

/** Starts DuckDB-WASM in this Node process (or reuses the reset instance) and connects to a new in-memory database. */
export async function createNodeConnection(): Promise<SqlConnection> {
    const db = idle ?? await startDuckDB();
    idle = undefined;
    db.open({});
    const conn = db.connect();
    // A trap inside WebAssembly may leave the instance broken: it is then not kept.
    let trapped = false;
    return {
        async query(sql: string): Promise<PlainRow[]> {
            try {
                return plainRows(conn.query(sql));
            } catch (error) {
                if (error instanceof Error && error.name === 'RuntimeError') trapped = true;
                throw error;
            }
        },
        async registerFile(name, bytes) { db.registerFileBuffer(name, bytes); },
        async dropFile(name) { db.dropFile(name); },
        async close() {
            conn.close();
            // Registered files outlive a reset: drop them all, so no later connection reads them.
            db.dropFiles();
            await db.reset();
            if (!trapped && !idle) idle = db;
        },
    };
}
