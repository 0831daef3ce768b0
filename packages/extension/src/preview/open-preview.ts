/**
 * `monitor.openPreview`: opens (or reveals) the live preview of a `.monitor` document beside the editor,
 * scrolled to an indicator when a Preview lens asked for one. The webview may load only the extension's
 * media folder; the workspace's data reaches it as bytes. A preview open when the window reloads comes
 * back (`registerPreviewSerializer`).
 */
import * as vscode from 'vscode';
import { wasmFolder, wasmResourceRoot } from '../wasm-folder.js';
import { PreviewPanel, previewLang, type ProgramClient } from './preview-panel.js';

/** The webview panel type; VS Code restores panels of this type through the serializer. */
export const PREVIEW_VIEW_TYPE = 'monitor.preview';

const panels = new Map<string, PreviewPanel>();
let output: vscode.OutputChannel | undefined;

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    // Invariant: the page can load nothing but the bundled preview and the DuckDB and HiGHS files
    // (unpacked into the extension's global storage: wasm-folder.ts).
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media'), wasmResourceRoot(context)], enableCommandUris: false };
}

function title(uri: vscode.Uri): string {
    const name = uri.path.split('/').pop() ?? 'monitor';
    // Not "Voorbeeld": that is a place name in the examples (gemeente Voorbeeld).
    return `${previewLang() === 'nl' ? 'Grafieken' : 'Preview'}: ${name}`;
}

/** Wires a (new or restored) webview panel to the preview of `uri`. */
function adopt(context: vscode.ExtensionContext, client: ProgramClient, uri: vscode.Uri, panel: vscode.WebviewPanel): PreviewPanel {
    output ??= vscode.window.createOutputChannel('Monitor Preview');
    context.subscriptions.push(output);
    const key = uri.toString();
    panel.webview.options = webviewOptions(context);
    panel.title = title(uri);
    const log = (text: string) => output?.appendLine(text);
    const preview = new PreviewPanel(panel, uri, client, vscode.Uri.joinPath(context.extensionUri, 'media'), log, wasmFolder(context));
    panels.set(key, preview);
    panel.onDidDispose(() => { if (panels.get(key) === preview) panels.delete(key); });
    context.subscriptions.push(preview);
    return preview;
}

/** Opens the preview of `uri` beside the editor, or reveals the one already open; scrolls to `indicator` if given. */
export function openPreview(context: vscode.ExtensionContext, client: ProgramClient, uri: vscode.Uri, indicator?: string): PreviewPanel {
    const open = panels.get(uri.toString());
    if (open) {
        open.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    const preview = open ?? adopt(context, client, uri, vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, title(uri),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context)));
    if (indicator) preview.scrollTo(indicator);
    return preview;
}

/** Asks every open preview for the program again (the language server restarted). */
export function refreshPreviews(): void {
    for (const preview of panels.values()) preview.schedule(0);
}

/**
 * Restores previews after a window reload. The webview keeps its document's URI in its state; that
 * state comes from the page, so it is checked (a `.monitor` file or an untitled document) before use.
 */
export function registerPreviewSerializer(context: vscode.ExtensionContext, client: () => Promise<ProgramClient>): void {
    context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
            const raw = typeof state === 'object' && state !== null ? (state as { uri?: unknown }).uri : undefined;
            let uri: vscode.Uri | undefined;
            try { uri = typeof raw === 'string' && raw.length < 4096 ? vscode.Uri.parse(raw, true) : undefined; } catch { uri = undefined; }
            if (!uri || !(uri.scheme === 'untitled' || (uri.scheme === 'file' && uri.path.endsWith('.monitor')))) { panel.dispose(); return; }
            adopt(context, await client(), uri, panel);
        },
    }));
}
