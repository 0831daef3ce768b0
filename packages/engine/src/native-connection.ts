/**
 * A `SqlConnection` over native DuckDB (`@duckdb/node-api`, an optional dependency): about twice as
 * fast as DuckDB-WASM on large data and multi-threaded. Native DuckDB cannot read buffers by name,
 * so registered files are written to a private temporary folder and removed again when dropped.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import type { PlainRow, SqlConnection } from './engine-types.js';

// DuckDB type ids (DuckDBTypeId in @duckdb/node-api) of the types that come back as JS Date values.
const DATE_TYPE = 13;

/** Options for the native connection. */
export interface NativeConnectionOptions {
    /** A query running longer than this is interrupted and fails (default 10 minutes). */
    timeoutMs?: number;
    /**
     * Stops the connection from outside (the language server's analysis time limit): the running
     * query is interrupted, and every later query fails at once. DuckDB's own threads run a query,
     * so ending the thread that waits for it would leave the query running (and block its exit).
     */
    signal?: AbortSignal;
}

/** Thrown when a query ran past its time box and was interrupted. */
export class QueryTimeoutError extends Error {}

/** Thrown by a query on a connection whose `signal` was aborted (while it ran, or before). */
export class QueryInterruptedError extends Error {
    constructor() { super('The query was interrupted: the connection was stopped.'); }
}

/** The same plain values as the WASM connection: numbers, strings, booleans, dates as ISO text. */
function plainNative(value: unknown, type: DuckDBType): string | number | boolean | null {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) {
        return type.typeId === DATE_TYPE ? value.toISOString().slice(0, 10) : value.toISOString().replace('.000Z', 'Z');
    }
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    return String(value);
}

/**
 * Loads native DuckDB; throws an Error with a readable message when the optional dependency or its
 * prebuilt binary is missing on this platform.
 */
async function loadNative(): Promise<typeof import('@duckdb/node-api')> {
    // Makes the binary count as absent: the fallback to DuckDB-WASM can be tried on any machine.
    if (process.env.MONITOR_NATIVE_DUCKDB === 'off') {
        throw new Error('Native DuckDB (@duckdb/node-api) is switched off (MONITOR_NATIVE_DUCKDB=off). Use the WASM engine instead.');
    }
    try {
        return await import('@duckdb/node-api');
    } catch (error) {
        throw new Error(`Native DuckDB (@duckdb/node-api) cannot be loaded on this platform: ${(error as Error).message.split('\n')[0]} `
            + 'Use the default WASM engine instead.');
    }
}

/** Starts native DuckDB in memory with extension autoloading off from the start. */
export async function createNativeConnection(options: NativeConnectionOptions = {}): Promise<SqlConnection & { dir: string }> {
    const { DuckDBInstance } = await loadNative();
    const instance = await DuckDBInstance.create(':memory:', {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        // Period lists are small (tens of rows): a nested-loop range join against them beats the
        // merge join DuckDB picks by default — measured 2x on 1M episodes (bench/). WASM is not
        // helped by it (single-threaded), so only the native engine sets it.
        nested_loop_join_threshold: '64',
    });
    const conn: DuckDBConnection = await instance.connect();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'monitor-native-'));
    const timeoutMs = options.timeoutMs ?? 600_000;
    const { signal } = options;

    /** Where a registered name lives; names never leave the private folder. */
    const fileOf = (name: string): string => {
        const file = path.resolve(dir, name);
        if (path.dirname(file) !== dir) throw new Error(`A registered file name must be a plain name inside the engine's folder, not '${name}'.`);
        return file;
    };

    async function runLast(sql: string): Promise<PlainRow[]> {
        const statements = await conn.extractStatements(sql);
        let rows: PlainRow[] = [];
        // Like DuckDB-WASM, several statements run in order and the last one's rows are returned.
        for (let i = 0; i < statements.count; i++) {
            if (signal?.aborted) throw new QueryInterruptedError();
            const prepared = await statements.prepare(i);
            try {
                const reader = await prepared.runAndReadAll();
                const names = reader.columnNames();
                const types = reader.columnTypes();
                rows = reader.getRowsJS().map((values) => {
                    const row: PlainRow = {};
                    names.forEach((name, c) => { row[name] = plainNative(values[c], types[c]); });
                    return row;
                });
            } finally {
                prepared.destroySync();
            }
        }
        return rows;
    }

    return {
        dir,
        async query(sql) {
            if (signal?.aborted) throw new QueryInterruptedError();
            let timedOut = false;
            // An interrupt reaches only a query that already runs: repeat it until this one has stopped.
            let repeat: NodeJS.Timeout | undefined;
            const interrupt = () => { conn.interrupt(); repeat ??= setInterval(() => conn.interrupt(), 50); };
            const timer = setTimeout(() => { timedOut = true; interrupt(); }, timeoutMs);
            signal?.addEventListener('abort', interrupt, { once: true });
            try {
                return await runLast(sql);
            } catch (error) {
                if (timedOut) throw new QueryTimeoutError(`The query was stopped after ${Math.round(timeoutMs / 1000)} s.`);
                if (signal?.aborted) throw new QueryInterruptedError();
                throw error;
            } finally {
                clearTimeout(timer);
                clearInterval(repeat);
                signal?.removeEventListener('abort', interrupt);
            }
        },
        async registerFile(name, bytes) { await fs.writeFile(fileOf(name), bytes); },
        async dropFile(name) { await fs.rm(fileOf(name), { force: true }); },
        async close() {
            conn.closeSync();
            instance.closeSync();
            await fs.rm(dir, { recursive: true, force: true });
        },
    };
}
