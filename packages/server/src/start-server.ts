/**
 * Starts the Monitor language server on a connection (stdio by default): Langium's features plus
 * the data stage, computed hover and lenses, and the `monitor/program` request.
 */
import { CodeLensRefreshRequest, createConnection, ProposedFeatures, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { DocumentState, URI } from 'langium';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMonitorServices, localeFromTag, setImportGuard, setLocale } from '@monitor/language';
import { confineImport } from './data-paths.js';
import { ProgramRequest, RowsRequest, STATUS_NOTIFICATION_METHOD, type StatusParams } from '@monitor/protocol';
import { DiagnosticsMerger } from './diagnostics-merger.js';
import { DocumentAnalyses, type Analysis } from './document-analysis.js';
import { answerProgramRequest } from './program-request.js';
import { answerRowsRequest } from './rows-request.js';
import type { ServerContext } from './server-context.js';
import { createServerModule, createSharedServerModule } from './server-module.js';
import { defaultSettings, readLimits, workspaceRootOf } from './server-settings.js';
import { WorkspaceFileSystemProvider } from './workspace-file-system.js';

/** How long after the last edit the data stage runs again. */
const DEBOUNCE_MS = 300;

/** The data findings of an analysis as LSP diagnostics, per document they point into. */
function dataDiagnostics(shared: LangiumSharedServices, analysis: Analysis): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const issue of analysis.issues) {
        const text = shared.workspace.LangiumDocuments.getDocument(URI.parse(issue.span.uri))?.textDocument;
        if (!text) continue;
        const range = { start: text.positionAt(issue.span.offset), end: text.positionAt(issue.span.offset + issue.span.length) };
        const list = out.get(issue.span.uri) ?? [];
        list.push({ range, severity: issue.severity === 'error' ? 1 : 2, code: issue.code, source: 'monitor', message: issue.message, data: { code: issue.code } });
        out.set(issue.span.uri, list);
    }
    return out;
}

/** Stdio unless the client asked for another transport (`--node-ipc`, `--socket=N`, `--pipe=NAME`). */
function defaultConnection(): Connection {
    if (process.argv.some(a => /^--(node-ipc|socket|pipe)/.test(a))) return createConnection(ProposedFeatures.all);
    // Standard output is the protocol channel: stray logging goes to standard error.
    console.log = console.info = console.debug = console.error;
    return createConnection(ProposedFeatures.all, process.stdin, process.stdout);
}

/**
 * The last line of defence: an error that escapes every handler (a timer, a stream, a promise nobody
 * awaits) is logged on standard error, and the server goes on serving the other documents.
 */
function survive(): void {
    process.on('uncaughtException', error => console.error('monitor: an error escaped (the server keeps running):', error));
    process.on('unhandledRejection', reason => console.error('monitor: a promise failed unobserved (the server keeps running):', reason));
}

/** Starts the server; returns the shared services (tests and the benchmark may use them). */
export function startMonitorServer(connection: Connection = defaultConnection()): LangiumSharedServices {
    survive();
    const settings = defaultSettings();
    const ctx = { settings } as ServerContext;
    const { shared } = createMonitorServices({ connection, fileSystemProvider: () => new WorkspaceFileSystemProvider() }, createServerModule(ctx), createSharedServerModule(ctx));
    ctx.shared = () => shared;
    // Imports stay inside the workspace folder of the importing file, like data paths (docs/security.md).
    setImportGuard(shared, (from, target, importPath) => from.scheme === 'file' && target.scheme === 'file'
        ? confineImport(target.fsPath, workspaceRootOf(settings, from.toString()) ?? path.dirname(from.fsPath), importPath) : undefined);
    const send = connection.sendDiagnostics.bind(connection);
    const merger = new DiagnosticsMerger(params => void send(params));
    // Langium publishes the language stages; route them through the merger so data findings stay.
    connection.sendDiagnostics = async params => merger.fromLanguage(params);
    let lensRefresh = false;
    ctx.analyses = new DocumentAnalyses(shared, settings, (uri, analysis) => {
        merger.fromData(uri, dataDiagnostics(shared, analysis));
        // Lenses show the new value without waiting for an edit (only for clients that asked for it).
        if (lensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, undefined, computing => {
        const params: StatusParams = { computing };
        void connection.sendNotification(STATUS_NOTIFICATION_METHOD, params).catch(() => undefined);
    });

    shared.lsp.LanguageServer.onInitialize(params => {
        const options = (params.initializationOptions ?? {}) as { trusted?: boolean; locale?: string } & Parameters<typeof readLimits>[1];
        // Editors without workspace trust (Neovim, Helix, Emacs) start `monitor lsp` on folders they chose.
        settings.trusted = options.trusted !== false;
        settings.locale = localeFromTag(options.locale ?? params.locale);
        setLocale(settings.locale);
        readLimits(settings, options);
        lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
        const folders = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
        settings.folders = folders.filter(u => u.startsWith('file:')).map(u => fileURLToPath(u));
    });

    const schedule = (uri: string) => ctx.analyses.schedule(uri, DEBOUNCE_MS);
    const isOpen = (uri: string) => shared.workspace.TextDocuments.get(uri) !== undefined;
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => {
        const uri = doc.uri.toString();
        // Only open documents run the data stage: a DuckDB per file of a large workspace would not fit.
        if (isOpen(uri)) schedule(uri);
    });
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        // A data file changed on disk: its documents' cache keys (modification times) changed too.
        if (params.changes.some(c => !c.uri.endsWith('.monitor'))) ctx.analyses.uris().filter(isOpen).forEach(schedule);
    });
    shared.workspace.TextDocuments.onDidClose(event => {
        ctx.analyses.forget(event.document.uri);
        merger.forget(event.document.uri);
        // A document that is no file (untitled:, git:, a notebook cell) exists only while it is open.
        // Left in the workspace, every later build asked the service registry for its language by its
        // (missing) file extension, threw, and no document was validated again (monitor/program hung).
        if (!event.document.uri.startsWith('file:')) {
            const gone = URI.parse(event.document.uri);
            void shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([], [gone], token))
                .catch(error => console.error(`monitor: could not forget the closed document ${event.document.uri}:`, error));
        }
    });

    // The analysis worker ends with the server.
    connection.onShutdown(() => ctx.analyses.dispose());
    startLanguageServer(shared);
    connection.onRequest(ProgramRequest.method, (params: ProgramRequest.Params) => answerProgramRequest(ctx, params));
    connection.onRequest(RowsRequest.method, (params: RowsRequest.Params) => answerRowsRequest(ctx, params));
    return shared;
}
