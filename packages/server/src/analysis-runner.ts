/**
 * Runs `computeAnalysis` in a worker thread (`analysis-worker.js` next to this file), one job at a
 * time, and restarts the worker when it dies or takes too long. Without the worker file (tests on
 * the TypeScript sources) it computes in this thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProgramIR } from '@monitor/ir';
import type { Locale } from '@monitor/language';
import type { ComputedAnalysis } from './compute-analysis.js';

/** A job for the worker: plain data, as `postMessage` copies it. */
export interface AnalysisJob {
    id: number;
    program: ProgramIR;
    root: string;
    locale: Locale;
    maxRows: number;
}

/** The limits of one analysis (`monitor.engine.maxRows`, `monitor.engine.timeoutSeconds`). */
export interface AnalysisLimits {
    maxRows: number;
    timeoutSeconds: number;
}

/** An analysis stopped because it took longer than its time limit. */
export class AnalysisTimeout extends Error {
    constructor(readonly seconds: number) {
        super(`the analysis took longer than ${seconds} s`);
    }
}

/** The worker's answer to a job. */
export type AnalysisReply = { id: number; result: ComputedAnalysis } | { id: number; error: string };

/** Where the worker is: beside the running file, both in `dist/` and in a CommonJS bundle. */
export function defaultWorkerFile(): string {
    // A CommonJS bundle (the VS Code extension) has __filename; the ESM build has import.meta.url.
    const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
    return path.join(path.dirname(here), 'analysis-worker.js');
}

/** Computes analyses off the server's event loop. */
export class AnalysisRunner {
    private worker: Worker | undefined;
    private nextId = 1;
    private readonly waiting = new Map<number, { resolve: (r: ComputedAnalysis) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

    constructor(private readonly workerFile: string | undefined = defaultWorkerFile()) {}

    /**
     * Computes one program; rejects when the worker fails, or with `AnalysisTimeout` after the time
     * limit (a monitor on large data may take long, but a job that never ends must not stall every later one).
     */
    run(program: ProgramIR, root: string, locale: Locale, limits: AnalysisLimits): Promise<ComputedAnalysis> {
        if (!this.workerFile || !fs.existsSync(this.workerFile)) {
            // Loaded only here: the server's own thread never needs DuckDB's module otherwise (faster start).
            return import('./compute-analysis.js').then(m => m.computeAnalysis(program, root, { maxRows: limits.maxRows }));
        }
        const worker = this.ensureWorker(this.workerFile);
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            // Terminating the worker stops DuckDB mid-query; the next job starts a fresh worker.
            const timer = setTimeout(() => this.fail(new AnalysisTimeout(limits.timeoutSeconds)), limits.timeoutSeconds * 1000);
            this.waiting.set(id, { resolve, reject, timer });
            worker.postMessage({ id, program, root, locale, maxRows: limits.maxRows } satisfies AnalysisJob);
        });
    }

    /** Stops the worker (server shutdown). */
    dispose(): void {
        this.fail(new Error('the language server is shutting down'));
    }

    private ensureWorker(file: string): Worker {
        if (this.worker) return this.worker;
        const worker = new Worker(file);
        // The worker must not keep a server alive whose client has gone.
        worker.unref();
        worker.on('message', (reply: AnalysisReply) => {
            const job = this.waiting.get(reply.id);
            if (!job) return;
            this.waiting.delete(reply.id);
            clearTimeout(job.timer);
            if ('result' in reply) job.resolve(reply.result);
            else job.reject(new Error(reply.error));
        });
        worker.on('error', error => { if (this.worker === worker) this.fail(error); });
        worker.on('exit', code => { if (this.worker === worker) this.fail(new Error(`the analysis worker stopped (exit code ${code})`)); });
        this.worker = worker;
        return worker;
    }

    /** Rejects every waiting job and drops the worker; the next job starts a fresh one. */
    private fail(error: Error): void {
        const worker = this.worker;
        this.worker = undefined;
        for (const job of this.waiting.values()) { clearTimeout(job.timer); job.reject(error); }
        this.waiting.clear();
        void worker?.terminate();
    }
}
