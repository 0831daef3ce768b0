/**
 * `monitor.openPreview`: opens (or reveals) the live preview of a `.monitor` document beside the editor.
 * The webview may load only the extension's media folder; the workspace's data reaches it as bytes.
 */
import * as vscode from 'vscode';
import { PreviewPanel, previewLang, type ProgramClient } from './preview-panel.js';

const panels = new Map<string, PreviewPanel>();
let output: vscode.OutputChannel | undefined;

/** Opens the preview of `uri` beside the editor, or reveals the one already open. */
export function openPreview(context: vscode.ExtensionContext, client: ProgramClient, uri: vscode.Uri): PreviewPanel {
    const key = uri.toString();
    const open = panels.get(key);
    if (open) {
        open.panel.reveal(vscode.ViewColumn.Beside, true);
        return open;
    }
    output ??= vscode.window.createOutputChannel('Monitor Preview');
    context.subscriptions.push(output);
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    const name = uri.path.split('/').pop() ?? 'monitor';
    const panel = vscode.window.createWebviewPanel('monitor.preview', `${previewLang() === 'nl' ? 'Voorbeeld' : 'Preview'}: ${name}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            // Invariant: the page can load nothing but the bundled preview and DuckDB files.
            localResourceRoots: [media],
            enableCommandUris: false,
        });
    const log = (text: string) => output?.appendLine(text);
    const preview = new PreviewPanel(panel, uri, client, media, log);
    panels.set(key, preview);
    panel.onDidDispose(() => panels.delete(key));
    context.subscriptions.push(preview);
    return preview;
}
