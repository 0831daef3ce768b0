/** The webview entry: finds the DuckDB files next to this script and starts the app. */
import { startPreviewApp, type WebviewApi } from './preview-app.js';

declare function acquireVsCodeApi(): WebviewApi;

const script = document.currentScript as HTMLScriptElement | null;
const base = script?.src ?? location.href;
startPreviewApp(document.getElementById('app') ?? document.body, acquireVsCodeApi(), {
    workerUrl: new URL('duckdb-browser-eh.worker.js', base).href,
    wasmUrl: new URL('duckdb-eh.wasm', base).href,
});
