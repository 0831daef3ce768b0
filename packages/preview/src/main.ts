/** The webview entry: finds the DuckDB and HiGHS files (next to this script, or where `data-wasm` says) and starts the app. */
import { locateLinearSolver } from '@monitor/engine/browser';
import { startPreviewApp, type WebviewApi } from './preview-app.js';

declare function acquireVsCodeApi(): WebviewApi;

const script = document.currentScript as HTMLScriptElement | null;
const base = script?.src ?? location.href;
// The .wasm files lie beside this script, or where the host says (`data-wasm`: an installed VSIX
// unpacks them into the extension's storage).
const wasmBase = script?.dataset.wasm ? new URL(script.dataset.wasm, base).href : base;
// Disclosure control solves linear programmes with HiGHS.
locateLinearSolver((file) => new URL(file, wasmBase).href);
startPreviewApp(document.getElementById('app') ?? document.body, acquireVsCodeApi(), {
    workerUrl: new URL('duckdb-browser-eh.worker.js', base).href,
    wasmUrl: new URL('duckdb-eh.wasm', wasmBase).href,
});
