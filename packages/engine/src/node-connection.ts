/** A `SqlConnection` over the blocking DuckDB-WASM build in Node (PLATFORM.md). */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PlainRow, SqlConnection } from './engine-types.js';
import { plainRows } from './plain-value.js';

/** Starts DuckDB-WASM in this Node process and connects to an in-memory database. */
export async function createNodeConnection(): Promise<SqlConnection> {
    const require = createRequire(import.meta.url);
    const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
    const bundles: duckdb.DuckDBBundles = {
        mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
        eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
    };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    db.open({});
    const conn = db.connect();
    return {
        async query(sql: string): Promise<PlainRow[]> {
            return plainRows(conn.query(sql));
        },
        async registerFile(name, bytes) { db.registerFileBuffer(name, bytes); },
        async dropFile(name) { db.dropFile(name); },
        async close() { conn.close(); await db.reset(); },
    };
}
