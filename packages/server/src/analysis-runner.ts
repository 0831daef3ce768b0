/**
 * Runs `computeAnalysis` in a worker thread (`analysis-worker.js` next to this file) and replaces
 * the worker when it dies or takes too long. Without the worker file (tests on the TypeScript
 * sources) it computes in this thread.
 *
 * Stopping a job: DuckDB-WASM computes on the worker's own thread, so the worker is ended. Native
 * DuckDB computes on threads of its own, which ending the worker does not stop (its exit then waits
 * for the query, and so would the server's): the worker is asked to interrupt the query and is
 * ended once it has answered, i.e. once its engine is closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProgramIR } from '@monitor/ir';
import type { Locale } from '@monitor/language';
import type { ComputedAnalysis } from './compute-analysis.js';
import type { AnalysisEngineChoice } from './engine-setting.js';
import type { PostgresLink } from './postgres-setting.js';

/** A job for the worker: plain data, as `postMessage` copies it. */
export interface AnalysisJob {
    id: number;
    program: ProgramIR;
    root: string;
    locale: Locale;
    maxRows: number;
    engine: AnalysisEngineChoice;
    /** The configured PostgreSQL connection (its variable's name, never the string); null: none. */
    postgres: PostgresLink | null;
}

/** What the server sends the worker: a job, or a request to stop one. */
export type WorkerMessage = AnalysisJob | { stop: number };

/** The limits of one analysis (`monitor.engine.maxRows`, `monitor.engine.timeoutSeconds`) and its engine (`monitor.engine.duckdb`). */
export interface AnalysisLimits {
    maxRows: number;
    timeoutSeconds: number;
    engine?: AnalysisEngineChoice;
    postgres?: PostgresLink | null;
}

/** An analysis stopped because it took longer than its time limit. */
export class AnalysisTimeout extends Error {
    constructor(readonly seconds: number) {
        super(`the analysis took longer than ${seconds} s`);
    }
}

/** The worker's messages about a job: the engine it started, then its result or error. */
export type AnalysisReply =
    | { id: number; result: ComputedAnalysis }
    | { id: number; error: string }
    | { id: number; engine: 'native' | 'wasm' | 'postgres'; fallback?: string };

/** How long a stopped worker may take to close a native engine before it is ended anyway. */
const STOP_GRACE_MS = 10_000;

/** Where the worker is: beside the running file, both in `dist/` and in a CommonJS bundle. */
export function defaultWorkerFile(): string {
    // A CommonJS bundle (the VS Code extension) has __filename; the ESM build has import.meta.url.
    const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
    return path.join(path.dirname(here), 'analysis-worker.js');
}

interface Waiting {
    resolve: (r: ComputedAnalysis) => void;
    reject: (e: Error) => void;
    timer: NodeJS.Timeout;
    engine?: 'native' | 'wasm' | 'postgres';
}

/** One worker with its jobs; `stopping` holds the jobs asked to stop that have not answered yet. */
interface Slot {
    worker: Worker;
    jobs: Map<number, Waiting>;
    stopping: Set<number>;
}

/** Computes analyses off the server's event loop. */
export class AnalysisRunner {
    private slot: Slot | undefined;
    private nextId = 1;
    /** The engine each started worker reported last (for the server's log and tests). */
    lastEngine: { kind: 'native' | 'wasm' | 'postgres'; fallback?: string } | undefined;

    constructor(private readonly workerFile: string | undefined = defaultWorkerFile()) {}

    /**
     * Computes one program; rejects when the worker fails, or with `AnalysisTimeout` after the time
     * limit (a monitor on large data may take long, but a job that never ends must not stall every later one).
     */
    run(program: ProgramIR, root: string, locale: Locale, limits: AnalysisLimits): Promise<ComputedAnalysis> {
        const engine = limits.engine ?? 'auto';
        if (!this.workerFile || !fs.existsSync(this.workerFile)) {
            // Loaded only here: the server's own thread never needs DuckDB's module otherwise (faster start).
            return import('./compute-analysis.js').then(m => m.computeAnalysis(program, root, { maxRows: limits.maxRows }, { engine, postgres: limits.postgres ?? null }));
        }
        const slot = this.ensureSlot(this.workerFile);
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => this.retire(slot, new AnalysisTimeout(limits.timeoutSeconds)), limits.timeoutSeconds * 1000);
            slot.jobs.set(id, { resolve, reject, timer, engine: engine === 'wasm' ? 'wasm' : undefined });
            slot.worker.postMessage({ id, program, root, locale, maxRows: limits.maxRows, engine, postgres: limits.postgres ?? null } satisfies AnalysisJob);
        });
    }

    /** Stops the worker (server shutdown). */
    dispose(): void {
        if (this.slot) this.retire(this.slot, new Error('the language server is shutting down'));
    }

    private ensureSlot(file: string): Slot {
        if (this.slot) return this.slot;
        const worker = new Worker(file);
        // The worker must not keep a server alive whose client has gone.
        worker.unref();
        const slot: Slot = { worker, jobs: new Map(), stopping: new Set() };
        worker.on('message', (reply: AnalysisReply) => {
            if ('engine' in reply) {
                const job = slot.jobs.get(reply.id);
                if (job) job.engine = reply.engine;
                // Logged when it changes: which DuckDB the editor's numbers come from, and why not native.
                if (this.lastEngine?.kind !== reply.engine) {
                    console.error(`monitor: analyses compute on ${{ native: 'native DuckDB', wasm: 'DuckDB-WASM', postgres: 'PostgreSQL' }[reply.engine]}${reply.fallback ? ` (${reply.fallback})` : ''}`);
                }
                this.lastEngine = { kind: reply.engine, fallback: reply.fallback };
                return;
            }
            if (slot.stopping.delete(reply.id)) {
                // A stopped job answered: its engine is closed. End the worker once all have.
                if (slot.stopping.size === 0) void worker.terminate();
                return;
            }
            const job = slot.jobs.get(reply.id);
            if (!job) return;
            slot.jobs.delete(reply.id);
            clearTimeout(job.timer);
            if ('result' in reply) job.resolve(reply.result);
            else job.reject(new Error(reply.error));
        });
        worker.on('error', error => this.retire(slot, error));
        worker.on('exit', code => this.retire(slot, new Error(`the analysis worker stopped (exit code ${code})`)));
        this.slot = slot;
        return slot;
    }

    /**
     * Rejects every job of a worker and ends it; the next job starts a fresh worker. A worker whose
     * jobs may compute on native DuckDB is asked to stop them first and ended when they have answered.
     */
    private retire(slot: Slot, error: Error): void {
        if (this.slot === slot) this.slot = undefined;
        const jobs = [...slot.jobs.entries()];
        slot.jobs.clear();
        for (const [, job] of jobs) { clearTimeout(job.timer); job.reject(error); }
        // Not yet reported counts as native: the engine may be starting.
        // PostgreSQL computes on its server: ending the worker closes the connection, and the server stops the query.
        const native = jobs.filter(([, job]) => job.engine === undefined || job.engine === 'native').map(([id]) => id);
        if (native.length === 0 || jobs.length > native.length) {
            // A job on DuckDB-WASM blocks the worker's thread: no message would reach it.
            void slot.worker.terminate();
            return;
        }
        for (const id of native) { slot.stopping.add(id); slot.worker.postMessage({ stop: id } satisfies WorkerMessage); }
        setTimeout(() => void slot.worker.terminate(), STOP_GRACE_MS).unref();
    }
}
