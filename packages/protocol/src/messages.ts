/**
 * Messages between the preview panel host (extension) and the preview webview. Plain data; each side
 * validates what it receives (`validate-messages.ts`) before using it.
 */
import type { ProgramIR, ResultRow } from '@monitor/ir';
import type { ServerEngine, ServerProblem } from './rows-request.js';

/** A UI language of the preview. */
export type PreviewLang = 'en' | 'nl';

/** The bytes of one declared data file; sent only when the file changed on disk (or on first load). */
export interface DataFilePayload {
    source: string;
    bytes: Uint8Array;
}

/** The first error of the document, for the banner over the last good result. Line and column 1-based. */
export interface PreviewProblem {
    message: string;
    line: number;
    column: number;
}

/**
 * Rows the language server computed for a monitor of table sources (`monitor/rows`): the webview
 * draws them as they are, exactly like rows it computed itself, and computes nothing.
 */
export interface ServerComputed {
    engine: ServerEngine;
    /** Safe rows (after disclosure control and targets); null when the server could not compute them. */
    rows: ResultRow[] | null;
    /** Why the server computed nothing (then shown as a banner), or its warnings. */
    problems: ServerProblem[];
}

/**
 * Host → webview: a new state of the document. `program` is null while the file has errors (the
 * preview keeps its last good result). `files` holds only files that changed since the last update.
 */
export interface UpdateMessage {
    type: 'update';
    uri: string;
    lang: PreviewLang;
    program: ProgramIR | null;
    problem: PreviewProblem | null;
    files: DataFilePayload[];
    /** Sources whose file the host could not read (missing, outside the workspace), with a reason. */
    unreadable: { source: string; reason: string }[];
    /**
     * Whether the charts offer "Vega editor" (the setting `monitor.preview.vegaEditor`: it sends a
     * chart to a public web site, so it is off unless enabled). Absent: off.
     */
    vegaEditor?: boolean;
    /**
     * Present for a monitor of table sources: the rows the language server computed on PostgreSQL
     * (the webview never connects to a database). Absent: the webview computes with DuckDB-WASM.
     */
    server?: ServerComputed;
}

/** Host → webview: scroll to an indicator's card (its Preview lens was clicked); kept until the card exists. */
export interface ScrollMessage {
    type: 'scroll';
    indicator: string;
}

/** Host → webview: the workspace is not trusted, so no data is read. */
export interface UntrustedMessage {
    type: 'untrusted';
    lang: PreviewLang;
}

/** Everything the host sends. */
export type HostMessage = UpdateMessage | UntrustedMessage | ScrollMessage;

/** Webview → host: the page is listening; send the current state. */
export interface ReadyMessage { type: 'ready' }

/** Webview → host: show the definition of an indicator in the editor (the host looks up its span). */
export interface RevealMessage { type: 'reveal'; indicator: string }

/** The export formats of a chart. */
export type ExportFormat = 'png' | 'svg' | 'vl.json' | 'csv' | 'vega-editor';

/** Webview → host: save an export of one chart. `content` is text, or base64 for PNG. */
export interface ExportMessage { type: 'export'; indicator: string; format: ExportFormat; content: string }

/** Webview → host: a computation finished; for logs and benchmarks. */
export interface RenderedMessage { type: 'rendered'; indicators: number; rows: number; millis: number }

/** Webview → host: something failed inside the webview; the host logs it. */
export interface ErrorMessage { type: 'error'; message: string }

/** Everything the webview sends. */
export type WebviewMessage = ReadyMessage | RevealMessage | ExportMessage | RenderedMessage | ErrorMessage;
