/**
 * DuckDB-WASM in a browser or VS Code webview: the async build in a Worker made from a Blob URL, with
 * the .wasm fetched by the page and handed over as a blob URL (PLATFORM.md: inside a webview the
 * worker's own fetch of the .wasm is not served).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { createEngine } from './create-engine.js';
import type { Engine, PlainRow, SqlConnection } from './engine-types.js';
import { plainRows } from './plain-value.js';

/** Where the page finds the DuckDB files it ships (absolute URLs; in a webview: `asWebviewUri`). */
export interface BrowserDuckDBAssets {
    /** The async worker script, e.g. `duckdb-browser-eh.worker.js`. */
    workerUrl: string;
    /** The matching .wasm, e.g. `duckdb-eh.wasm`. */
    wasmUrl: string;
    /** How long `instantiate` may take before it counts as failed (it hangs when the worker fails). */
    timeoutMs?: number;
}

/** One DuckDB-WASM instance that can hand out fresh engines (each one a new, unlocked database). */
export interface BrowserDatabase {
    /** Resets the database and returns an engine on it; an engine handed out before stops working. */
    newEngine(): Promise<Engine>;
    /** Stops the worker. */
    terminate(): Promise<void>;
}

/** Minimal view of the DOM globals this file needs; the engine compiles without the DOM library. */
interface BrowserGlobals {
    Worker: new (url: string) => unknown;
    URL: { createObjectURL(blob: Blob): string; revokeObjectURL(url: string): void };
}

async function blobUrl(url: string, type: string): Promise<string> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}.`);
    const blob = new Blob([await response.arrayBuffer()], { type });
    return (globalThis as unknown as BrowserGlobals).URL.createObjectURL(blob);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms.`)), ms);
        promise.then(v => { clearTimeout(timer); resolve(v); }, e => { clearTimeout(timer); reject(e); });
    });
}

function connectionOver(db: duckdb.AsyncDuckDB, conn: duckdb.AsyncDuckDBConnection): SqlConnection {
    return {
        async query(sql: string): Promise<PlainRow[]> {
            return plainRows(await conn.query(sql));
        },
        // The buffer is transferred to the worker; a copy keeps the caller's bytes usable.
        registerFile: async (name, bytes) => { await db.registerFileBuffer(name, bytes.slice()); },
        dropFile: async (name) => { await db.dropFile(name); },
        close: async () => { await conn.close(); },
    };
}

/** Starts DuckDB-WASM in a Worker; rejects (instead of hanging) when it does not come up in time. */
export async function startBrowserDatabase(assets: BrowserDuckDBAssets): Promise<BrowserDatabase> {
    const g = globalThis as unknown as BrowserGlobals;
    const workerUrl = await blobUrl(assets.workerUrl, 'text/javascript');
    const wasmUrl = await blobUrl(assets.wasmUrl, 'application/wasm');
    const worker = new g.Worker(workerUrl);
    // The Worker type of the DOM library is not in the engine's compile; the instance is a real Worker.
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker as ConstructorParameters<typeof duckdb.AsyncDuckDB>[1]);
    try {
        await withTimeout(db.instantiate(wasmUrl), assets.timeoutMs ?? 30_000, 'Starting DuckDB-WASM');
    } catch (error) {
        await db.terminate().catch(() => undefined);
        throw error;
    } finally {
        g.URL.revokeObjectURL(workerUrl);
        g.URL.revokeObjectURL(wasmUrl);
    }
    let current: duckdb.AsyncDuckDBConnection | null = null;
    return {
        async newEngine() {
            if (current) {
                await current.close().catch(() => undefined);
                // A fresh database: the previous one was locked (configuration and external access).
                await db.reset();
            }
            await db.open({});
            current = await db.connect();
            return createEngine(connectionOver(db, current));
        },
        terminate: () => db.terminate(),
    };
}
