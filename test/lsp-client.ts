/**
 * A real LSP client for tests and the benchmark: spawns the built language server as a process
 * and speaks JSON-RPC over its standard input and output (vscode-jsonrpc).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';

/** The built server: `npx tsc -b` writes it. */
export const SERVER_MAIN = path.resolve(import.meta.dirname, '../packages/server/dist/main.js');

/** A published diagnostic as the client receives it. */
export interface WireDiagnostic {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    message: string;
    data?: { code?: string; suggestion?: string };
}

/** A running server with the last published diagnostics per document. */
export interface LspClient {
    connection: MessageConnection;
    process: ChildProcess;
    diagnostics: Map<string, WireDiagnostic[]>;
    stderr: () => string;
    /** How often the server asked the client to refresh its code lenses (`workspace/codeLens/refresh`). */
    lensRefreshes: () => number;
    /** Every `monitor/status` notification's `computing`, in the order received. */
    statuses: () => number[];
    request<R = unknown>(method: string, params: unknown): Promise<R>;
    open(file: string, text: string, version?: number): string;
    change(file: string, text: string, version: number): void;
    /**
     * Resolves with the first published list for `uri` that satisfies `test` (also one already received).
     * `timeoutMs` (240 s) only turns a hang into a message with the last list, inside the 300 s test timeout.
     */
    waitForDiagnostics(uri: string, test: (d: WireDiagnostic[]) => boolean, timeoutMs?: number): Promise<WireDiagnostic[]>;
    stop(): Promise<void>;
}

/** Options of `startLspClient`. */
export interface ClientOptions {
    root: string;
    trusted?: boolean;
    locale?: string;
    /** The command that starts the server; the built server.js by default. */
    command?: string[];
    /** More initialization options (`privacyMinimum`, `maxRows`, `timeoutSeconds`). */
    initOptions?: Record<string, unknown>;
    /** Announce `workspace.codeLens.refreshSupport`. */
    lensRefresh?: boolean;
    /** More environment variables for the server (e.g. `MONITOR_NATIVE_DUCKDB=off`, `TMPDIR`). */
    env?: Record<string, string>;
}

/** Spawns the server, sends `initialize`/`initialized`, and returns a client. */
export async function startLspClient(options: ClientOptions): Promise<LspClient> {
    const [cmd, ...args] = options.command ?? [process.execPath, SERVER_MAIN];
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ? { ...process.env, ...options.env } : process.env });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const diagnostics = new Map<string, WireDiagnostic[]>();
    const waiters: { uri: string; test: (d: WireDiagnostic[]) => boolean; resolve: (d: WireDiagnostic[]) => void }[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: WireDiagnostic[] }) => {
        diagnostics.set(p.uri, p.diagnostics);
        for (const w of [...waiters]) {
            if (w.uri === p.uri && w.test(p.diagnostics)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p.diagnostics); }
        }
    });
    // The server registers file watchers and asks for configuration; answer like a minimal editor.
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('window/workDoneProgress/create', () => null);
    let lensRefreshes = 0;
    connection.onRequest('workspace/codeLens/refresh', () => { lensRefreshes++; return null; });
    const statuses: number[] = [];
    connection.onNotification('monitor/status', (p: { computing: number }) => { statuses.push(p.computing); });
    connection.listen();
    const rootUri = pathToFileURL(options.root).toString();
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }],
        capabilities: {
            workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, ...(options.lensRefresh ? { codeLens: { refreshSupport: true } } : {}) },
            textDocument: { completion: { completionItem: { snippetSupport: false } } },
        },
        initializationOptions: { trusted: options.trusted ?? true, locale: options.locale ?? 'en', ...options.initOptions },
    });
    await connection.sendNotification('initialized', {});
    const uriOf = (file: string) => pathToFileURL(file).toString();
    return {
        connection, process: child, diagnostics, stderr: () => stderr, lensRefreshes: () => lensRefreshes, statuses: () => [...statuses],
        request: (method, params) => connection.sendRequest(method, params),
        open(file, text, version = 1) {
            const uri = uriOf(file);
            void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'monitor', version, text } });
            return uri;
        },
        change(file, text, version) {
            void connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: [{ text }] });
        },
        waitForDiagnostics(uri, test, timeoutMs = 240_000) {
            const now = diagnostics.get(uri);
            if (now && test(now)) return Promise.resolve(now);
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(diagnostics.get(uri))}\n${stderr}`)), timeoutMs);
                waiters.push({ uri, test, resolve: d => { clearTimeout(timer); resolve(d); } });
            });
        },
        async stop() {
            try {
                await Promise.race([connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 2000))]);
                await connection.sendNotification('exit');
            } catch { /* the process may be gone already */ }
            connection.dispose();
            if (child.exitCode === null) await new Promise(r => { child.once('exit', r); setTimeout(() => { child.kill(); r(undefined); }, 2000); });
        },
    };
}

/** A text edit as LSP sends it. */
export interface WireTextEdit {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
}

/** Applies LSP text edits to a text (the edits may come in any order; they must not overlap). */
export function applyEdits(text: string, edits: WireTextEdit[]): string {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const offset = (p: { line: number; character: number }) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    return sorted.reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

/**
 * Polls until `read` gives text matching `re` (hover and lens values are computed in the background).
 * `timeoutMs` (240 s) only turns a hang into a message with the last text, inside the 300 s test timeout:
 * the first analysis starts DuckDB-WASM, which on a busy 2-core machine took more than 40 s.
 */
export async function eventually(read: () => Promise<string>, re: RegExp, timeoutMs = 240_000): Promise<string> {
    const end = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < end) {
        last = await read();
        if (re.test(last)) return last;
        await new Promise(r => setTimeout(r, 200));
    }
    throw new Error(`timed out; last text: ${last}`);
}

/** An LSP position: 0-based line and character. */
export interface WirePosition { line: number; character: number }

/** 0-based position of the n-th occurrence of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, nth = 0): WirePosition {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not in text`);
    const before = text.slice(0, at + shift);
    return { line: before.split('\n').length - 1, character: at + shift - before.lastIndexOf('\n') - 1 };
}

/** The markdown of a hover, or '' when there is none. */
export async function hoverText(client: LspClient, uri: string, position: WirePosition): Promise<string> {
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
    return hover?.contents.value ?? '';
}

/** The examples folder of the project. */
export const EXAMPLES = path.resolve(import.meta.dirname, '../examples');

/** A temporary copy of `examples/<name>`, with `extra` files (name → text) written beside it. */
export function copyExample(name = 'jeugd', extra: Record<string, string> = {}): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `monitor-lsp-${name}-`));
    fs.cpSync(path.join(EXAMPLES, name), dir, { recursive: true });
    for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
}

/** A server on a copy of an example with its main file open and free of errors. */
export interface ExampleSession {
    dir: string;
    client: LspClient;
    file: string;
    text: string;
    uri: string;
    /** Stops the server and removes the copy. */
    close(): Promise<void>;
}

/**
 * The start-up every LSP test shares: copy `examples/<example>` (plus `extra` files), start the
 * server on it, open `<file>` and wait until its diagnostics hold no error.
 */
export async function openExample(options: Partial<ClientOptions> & { example?: string; file?: string; extra?: Record<string, string>; timeoutMs?: number } = {}): Promise<ExampleSession> {
    const example = options.example ?? 'jeugd';
    const dir = copyExample(example, options.extra);
    const file = path.join(dir, options.file ?? `${example}.monitor`);
    const text = fs.readFileSync(file, 'utf8');
    const client = await startLspClient({ trusted: true, locale: 'en', ...options, root: dir });
    const uri = client.open(file, text);
    await client.waitForDiagnostics(uri, d => d.every(x => x.severity !== 1), options.timeoutMs ?? 240_000);
    return {
        dir, client, file, text, uri,
        async close() {
            await client.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}
