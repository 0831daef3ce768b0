/**
 * One preview panel beside a `.monitor` editor. It asks the language server for the program
 * (`monitor/program`), reads the declared data files (once, then again only when they change on disk:
 * `DataFileReader`), and posts both to the webview, which computes with DuckDB-WASM. A monitor of
 * database tables is computed by the server instead (`monitor/rows`, on PostgreSQL: `server-rows.ts`),
 * and its rows go to the webview, which never connects to a database. Edits recompute debounced; a
 * watcher on each declared file recomputes when it changes.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    isWebviewMessage, PROGRAM_REQUEST_METHOD, type DataFileRef, type HostMessage, type PreviewLang,
    type PreviewProblem, type ProgramParams, type ProgramResult, type WebviewMessage,
} from '@monitor/protocol';
import { dataFilePath, DataFileReader } from './data-file-reader.js';
import { messageHtml, previewHtml } from './preview-html.js';
import { saveExport } from './save-export.js';
import { readsTables, serverComputed } from './server-rows.js';
import { vegaEditorUrl } from './vega-editor-url.js';

/** The part of the language client the panel uses. */
export type ProgramClient = Pick<BaseLanguageClient, 'sendRequest'>;

const DEBOUNCE_MS = 300;

/** The setting that allows the "Vega editor" button (it sends a chart to a public web site). */
const VEGA_EDITOR_SETTING = 'monitor.preview.vegaEditor';

function vegaEditorEnabled(): boolean {
    return vscode.workspace.getConfiguration().get<boolean>(VEGA_EDITOR_SETTING) === true;
}

/**
 * The UI language, the same as the language server's (lenses, hover, diagnostics): the setting
 * `monitor.language` (`en`, `nl`), or with `auto` VS Code's display language. So the preview's own
 * words and the first error it shows from the server are in one language.
 */
export function previewLang(): PreviewLang {
    const setting = vscode.workspace.getConfiguration('monitor').get<string>('language', 'auto');
    if (setting === 'en' || setting === 'nl') return setting;
    return vscode.env.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** A live preview of one document. */
export class PreviewPanel implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private watchers = new Map<string, vscode.FileSystemWatcher>();
    private readonly reader = new DataFileReader(() => (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath));
    private refs: DataFileRef[] = [];
    private program: ProgramResult['program'] = null;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private ready = false;
    private disposed = false;
    /** The indicator a Preview lens asked for, sent once the page is ready. */
    private scrollTarget: string | undefined;

    constructor(
        readonly panel: vscode.WebviewPanel,
        readonly document: vscode.Uri,
        private readonly client: ProgramClient,
        private readonly media: vscode.Uri,
        private readonly log: (text: string) => void,
        /** The folder of the .wasm files (wasm-folder.ts); the page is shown once it is ready, or why it is not. */
        wasm: Promise<vscode.Uri> = Promise.resolve(media),
    ) {
        const webview = panel.webview;
        void wasm.then(
            folder => {
                if (this.disposed) return;
                webview.html = previewHtml({
                    cspSource: webview.cspSource,
                    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
                    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
                    wasmUri: `${webview.asWebviewUri(folder).toString()}/`,
                });
            },
            (error: unknown) => {
                this.log(String((error as Error)?.message ?? error));
                if (!this.disposed) webview.html = messageHtml(webview.cspSource, vscode.l10n.t('Monitor preview'), String((error as Error)?.message ?? error));
            },
        );
        this.disposables.push(
            webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
            vscode.workspace.onDidChangeTextDocument(e => { if (e.document.uri.toString() === document.toString()) this.schedule(); }),
            vscode.workspace.onDidSaveTextDocument(d => { if (d.languageId === 'monitor') this.schedule(); }),
            vscode.workspace.onDidGrantWorkspaceTrust(() => { this.reader.forget(); this.schedule(0); }),
            // A new language: the server restarts with it (client-settings.ts); the preview redraws in it.
            vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('monitor.language')) this.schedule(500); }),
            vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(VEGA_EDITOR_SETTING)) this.schedule(0); }),
            panel.onDidDispose(() => this.dispose()),
        );
    }

    /** Scrolls the page to an indicator's card (now, or as soon as the page is ready). */
    scrollTo(indicator: string): void {
        this.scrollTarget = indicator;
        if (this.ready) this.sendScroll();
    }

    private sendScroll(): void {
        if (this.scrollTarget) this.post({ type: 'scroll', indicator: this.scrollTarget });
        this.scrollTarget = undefined;
    }

    /** Recomputes after `delay` ms; later calls within the delay replace earlier ones. */
    schedule(delay = DEBOUNCE_MS): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update().catch(e => this.log(`Preview update failed: ${String(e)}`)), delay);
    }

    private async receive(raw: unknown): Promise<void> {
        // Invariant: nothing from the webview is used before it passed its type check.
        if (!isWebviewMessage(raw)) { this.log('The preview sent a message of an unknown shape; it was ignored.'); return; }
        const message: WebviewMessage = raw;
        switch (message.type) {
            case 'ready':
                this.ready = true;
                // A (re)loaded page has no data yet: send every file again.
                this.reader.forget();
                await this.update();
                this.sendScroll();
                return;
            case 'reveal': return this.reveal(message.indicator);
            case 'export': {
                if (message.format === 'vega-editor') return this.openInVegaEditor(message.indicator, message.content);
                const saved = await saveExport(this.document, message, previewLang());
                if (saved) this.log(`Exported ${message.indicator} to ${saved.fsPath}`);
                return;
            }
            case 'rendered': this.log(`Preview: ${message.indicators} indicators, ${message.rows} rows in ${Math.round(message.millis)} ms.`); return;
            case 'error': this.log(`Preview: ${message.message}`); return;
        }
    }

    private post(message: HostMessage): void {
        if (!this.disposed) void this.panel.webview.postMessage(message);
    }

    private async update(): Promise<void> {
        if (!this.ready || this.disposed) return;
        const lang = previewLang();
        if (!vscode.workspace.isTrusted) { this.post({ type: 'untrusted', lang }); return; }
        const result = await this.client.sendRequest<ProgramResult>(PROGRAM_REQUEST_METHOD, { uri: this.document.toString() } satisfies ProgramParams);
        if (result.program) {
            this.program = result.program;
            this.watch(result.dataFiles);
        }
        const base = { type: 'update', uri: this.document.toString(), lang, vegaEditor: vegaEditorEnabled() } as const;
        if (readsTables(result.program)) {
            // Table sources: the server computes (and says why not); the page draws its rows as they are.
            // Until they come (a warehouse may take a while) the page says the server is computing.
            this.post({ ...base, program: result.program, problem: null, files: [], unreadable: [], server: { engine: 'postgres', rows: null, problems: [] } });
            const { program, server } = await serverComputed(this.client, this.document.toString(), lang);
            if (program) this.program = program;
            const shown = program ?? result.program;
            this.post({ ...base, program: shown, problem: null, files: [], unreadable: [], server });
            return;
        }
        const { files, unreadable } = result.program ? await this.reader.read(this.refs, lang) : { files: [], unreadable: [] };
        this.post({ ...base, program: result.program, problem: result.program ? null : this.firstError(result.errors, lang), files, unreadable });
    }

    /** Watches exactly the declared files; a change on disk recomputes (the reader sends what changed). */
    private watch(refs: DataFileRef[]): void {
        this.refs = refs;
        const uris = refs.flatMap(r => { const p = dataFilePath(r); return p ? [vscode.Uri.file(p)] : []; });
        const keep = new Set(uris.map(u => u.toString()));
        for (const [key, w] of this.watchers) if (!keep.has(key)) { w.dispose(); this.watchers.delete(key); }
        for (const uri of uris) {
            const key = uri.toString();
            if (this.watchers.has(key)) continue;
            const pattern = new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop() ?? '');
            const watcher = vscode.workspace.createFileSystemWatcher(pattern);
            const changed = () => this.schedule();
            watcher.onDidChange(changed);
            watcher.onDidCreate(changed);
            watcher.onDidDelete(changed);
            this.watchers.set(key, watcher);
        }
    }

    private firstError(count: number, lang: PreviewLang): PreviewProblem {
        const first = vscode.languages.getDiagnostics(this.document)
            .filter(d => d.severity === vscode.DiagnosticSeverity.Error)
            .sort((a, b) => a.range.start.compareTo(b.range.start))[0];
        if (first) return { message: first.message, line: first.range.start.line + 1, column: first.range.start.character + 1 };
        const message = lang === 'nl' ? `Het bestand bevat ${count} fout(en); zie het venster Problemen.` : `The file has ${count} error(s); see the Problems panel.`;
        return { message, line: 1, column: 1 };
    }

    /**
     * Opens the chart's spec (safe rows only, after disclosure control) in the online Vega editor: only
     * when the setting allows it, and after the user confirmed what leaves the machine.
     */
    private async openInVegaEditor(indicator: string, specJson: string): Promise<void> {
        if (!vegaEditorEnabled()) { this.log('The preview asked for the Vega editor, which the setting monitor.preview.vegaEditor turns off; ignored.'); return; }
        const url = vegaEditorUrl(specJson);
        if (!url) { this.log('The preview sent a chart for the Vega editor that is not a JSON object; it was ignored.'); return; }
        const open = vscode.l10n.t('Send to vega.github.io');
        const answer = await vscode.window.showWarningMessage(
            vscode.l10n.t('Open the chart of "{0}" in the online Vega editor?', indicator),
            {
                modal: true,
                detail: vscode.l10n.t('This sends the chart to the public web site vega.github.io, outside this computer: every figure the chart shows (after the privacy rules), the periods, breakdown names, title, unit and notes. No data file and no hidden count is sent. The figures travel in the address after "#", which the browser does not send to the server, but they are in your browser history.'),
            },
            open,
        );
        if (answer === open) await vscode.env.openExternal(vscode.Uri.parse(url));
    }

    private async reveal(indicator: string): Promise<void> {
        // The span comes from the host's own program, never from the webview.
        const span = this.program?.indicators.find(i => i.name === indicator)?.span;
        if (!span) return;
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(span.uri));
        const range = new vscode.Range(doc.positionAt(span.offset), doc.positionAt(span.offset + span.length));
        const column = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === doc.uri.toString())?.viewColumn ?? vscode.ViewColumn.One;
        await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(range.start, range.start) });
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        clearTimeout(this.timer);
        for (const w of this.watchers.values()) w.dispose();
        for (const d of this.disposables) d.dispose();
        this.panel.dispose();
    }
}
