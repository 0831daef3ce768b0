/**
 * The worker thread that computes analyses, so DuckDB never holds up the language server's event
 * loop: typing, completion and hover stay answered while a monitor is computed. It tells the server
 * which engine computes a job, and stops a job on `{ stop: id }` (native DuckDB interrupts its
 * query; DuckDB-WASM blocks this thread, so the server ends the worker instead).
 * Built as `dist/analysis-worker.js`, next to the server's own file.
 */
import '@monitor/language/polyfill';
import { parentPort } from 'node:worker_threads';
import { setLocale } from '@monitor/language';
import { computeAnalysis } from './compute-analysis.js';
import type { AnalysisJob, AnalysisReply, WorkerMessage } from './analysis-runner.js';

const running = new Map<number, AbortController>();

parentPort?.on('message', (message: WorkerMessage) => {
    if ('stop' in message) { running.get(message.stop)?.abort(); return; }
    const job: AnalysisJob = message;
    const stop = new AbortController();
    running.set(job.id, stop);
    setLocale(job.locale);
    const onEngine = (engine: 'native' | 'wasm' | 'postgres', fallback?: string) => parentPort!.postMessage({ id: job.id, engine, fallback } satisfies AnalysisReply);
    computeAnalysis(job.program, job.root, { maxRows: job.maxRows }, { engine: job.engine, signal: stop.signal, onEngine, postgres: job.postgres }).then(
        result => parentPort!.postMessage({ id: job.id, result } satisfies AnalysisReply),
        (error: unknown) => parentPort!.postMessage({ id: job.id, error: String((error as Error)?.message ?? error) } satisfies AnalysisReply),
    ).finally(() => running.delete(job.id));
});
