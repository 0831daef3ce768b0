/** The engine over any `SqlConnection`: loading with validation, lock-down, queries. */
import type { Engine, SqlConnection } from './engine-types.js';
import { loadSource } from './load-source.js';

/** Settings that keep DuckDB from reaching for the network: extensions fail at once instead of hanging. */
export const OFFLINE_SETTINGS = 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;';

/** Wraps a fresh connection into an Engine; runs the offline settings first. */
export async function createEngine(conn: SqlConnection): Promise<Engine> {
    await conn.query(OFFLINE_SETTINGS);
    let files = 0;
    let locked = false;
    return {
        async loadSource(source, bytes) {
            if (locked) throw new Error('The engine is locked; load every source before calling lock().');
            files += 1;
            return loadSource(conn, source, bytes, `monitor_source_${files}.csv`);
        },
        async lock() {
            if (locked) return;
            // Invariant: external access off also blocks registered files, so this comes after loading.
            await conn.query('SET enable_external_access = false; SET lock_configuration = true;');
            locked = true;
        },
        query: (sql) => conn.query(sql),
        close: () => conn.close(),
    };
}
