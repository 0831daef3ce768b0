/**
 * The worker thread that computes analyses, so DuckDB (blocking WASM) never holds up the language
 * server's event loop: typing, completion and hover stay answered while a monitor is computed.
 * Built as `dist/analysis-worker.js`, next to the server's own file.
 */
import '@monitor/language/polyfill';
import { parentPort } from 'node:worker_threads';
import { setLocale } from '@monitor/language';
import { computeAnalysis } from './compute-analysis.js';
import type { AnalysisJob, AnalysisReply } from './analysis-runner.js';

parentPort?.on('message', (job: AnalysisJob) => {
    setLocale(job.locale);
    computeAnalysis(job.program, job.root, { maxRows: job.maxRows }).then(
        result => parentPort!.postMessage({ id: job.id, result } satisfies AnalysisReply),
        (error: unknown) => parentPort!.postMessage({ id: job.id, error: String((error as Error)?.message ?? error) } satisfies AnalysisReply),
    );
});
