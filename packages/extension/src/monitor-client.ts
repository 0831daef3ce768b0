/**
 * The language client: starts the bundled language server (`dist/server.cjs`, with DuckDB-WASM beside
 * it) as a Node process over IPC and keeps it in step with workspace trust and settings.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { initOptions, RESTART_SETTINGS } from './client-settings.js';
import { wasmServerEnv } from './wasm-folder.js';

/** Files whose change on disk the server hears about: monitors and the data files they read. */
const WATCHED = '**/*.{monitor,csv,tsv,txt,parquet,json}';

/**
 * A larger young generation for the server: parsing and linking a workspace allocates many short-lived
 * objects, and with V8's default the cold build of 1,000 files spends a third of its time in scavenges
 * (`npm run bench`: 5.1 s → 3.2 s). bench/lsp.mjs starts the server with the same flag.
 */
const SERVER_EXEC_ARGV = ['--max-semi-space-size=32'];

/** Creates (does not start) the client for the bundled server of this extension. */
export function createMonitorClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
    const module = context.asAbsolutePath('dist/server.cjs');
    // The server's worker unpacks DuckDB's .wasm into the same folder as the preview (wasm-folder.ts).
    const env = { ...process.env, ...wasmServerEnv(context) };
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV, env } },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'], env } },
    };
    const watcher = vscode.workspace.createFileSystemWatcher(WATCHED);
    context.subscriptions.push(watcher);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'monitor' }, { scheme: 'untitled', language: 'monitor' }],
        synchronize: { fileEvents: watcher },
        // A function: evaluated again at every (re)start, so trust and settings are current.
        initializationOptions: () => initOptions(),
        outputChannel: output,
    };
    return new LanguageClient('monitor', 'Monitor', serverOptions, clientOptions);
}

/**
 * Restarts the client when the workspace becomes trusted (the data stage may run now) or when a
 * setting the server reads at `initialize` changes.
 */
export function restartOnChanges(context: vscode.ExtensionContext, restart: () => Promise<void>): void {
    context.subscriptions.push(
        vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
        vscode.workspace.onDidChangeConfiguration(event => {
            if (RESTART_SETTINGS.some(s => event.affectsConfiguration(s))) void restart();
        }),
    );
}
