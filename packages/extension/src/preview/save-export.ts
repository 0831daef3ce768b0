/** Saves an export the webview made (already validated) where the user chooses, next to the monitor by default. */
import * as vscode from 'vscode';
import type { ExportMessage, PreviewLang } from '@monitor/protocol';

const EXT: Record<ExportMessage['format'], string> = { png: 'png', svg: 'svg', 'vl.json': 'vl.json', csv: 'csv', 'vega-editor': 'vl.json' };

/** Asks for a file name and writes the export; returns the saved URI or undefined when cancelled. */
export async function saveExport(document: vscode.Uri, message: ExportMessage, lang: PreviewLang): Promise<vscode.Uri | undefined> {
    const name = `${message.indicator}.${EXT[message.format]}`;
    const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(document, '..', name),
        title: lang === 'nl' ? `Grafiek ${message.indicator} exporteren` : `Export chart ${message.indicator}`,
    });
    if (!target) return undefined;
    const bytes = message.format === 'png' ? Buffer.from(message.content, 'base64') : Buffer.from(message.content, 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    return target;
}
