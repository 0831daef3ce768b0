/** The webview entry: finds the DuckDB and HiGHS files next to this script and starts the app. */
import { locateLinearSolver } from '@monitor/engine/browser';
import { startPreviewApp, type WebviewApi } from './preview-app.js';

declare function acquireVsCodeApi(): WebviewApi;

const script = document.currentScript as HTMLScriptElement | null;
const base = script?.src ?? location.href;
// Disclosure control solves linear programmes with HiGHS: its .wasm lies beside this script too.
locateLinearSolver((file) => new URL(file, base).href);
startPreviewApp(document.getElementById('app') ?? document.body, acquireVsCodeApi(), {
    workerUrl: new URL('duckdb-browser-eh.worker.js', base).href,
    wasmUrl: new URL('duckdb-eh.wasm', base).href,
});
