/**
 * Editor commands answered by the language server through `workspace/executeCommand`:
 * `monitor.server.showSql` [uri, indicator] → SQL text, `monitor.server.exportRows` [uri, { raw }] → CSV
 * of the rows after disclosure control (formula-like text escaped unless `monitor.export.csvRaw`). The server's messages arrive already in the user's language.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { declaredIndicators, indicatorAt } from './indicator-names.js';

/** Server command ids (packages/server/src/monitor-command-handler.ts). */
export const SERVER_SHOW_SQL = 'monitor.server.showSql';
/** See SERVER_SHOW_SQL. */
export const SERVER_EXPORT_ROWS = 'monitor.server.exportRows';

/** The part of the client the commands use. */
export type CommandClient = Pick<BaseLanguageClient, 'sendRequest'>;

/** The `.monitor` document a command is about: its argument (a URI or its string), else the active editor's. */
export async function monitorDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : undefined;
    if (doc?.languageId === 'monitor') return doc;
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a .monitor file first.'));
    return undefined;
}

async function runServerCommand(client: CommandClient, command: string, args: unknown[]): Promise<string | undefined> {
    try {
        const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
        return typeof result === 'string' ? result : undefined;
    } catch (error) {
        // A ResponseError carries the server's message (English or Dutch); anything else is unexpected.
        const message = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(vscode.l10n.t('Monitor: {0}', message));
        return undefined;
    }
}

/** Asks which indicator, offering the one under the cursor first. */
async function pickIndicator(doc: vscode.TextDocument, given: unknown): Promise<string | undefined> {
    if (typeof given === 'string' && given) return given;
    const text = doc.getText();
    const names = declaredIndicators(text).map(d => d.name);
    if (names.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This monitor declares no indicators.'));
        return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const here = editor?.document === doc ? indicatorAt(text, doc.offsetAt(editor.selection.active)) : undefined;
    if (here && names.length === 1) return here;
    const ordered = here ? [here, ...names.filter(n => n !== here)] : names;
    return vscode.window.showQuickPick(ordered, { placeHolder: vscode.l10n.t('Indicator to show the SQL of') });
}

/** `monitor.showSql` [uri?, indicator?]: the generated DuckDB SQL of one indicator, in a new editor. */
export async function showSql(client: CommandClient, uriArg?: unknown, indicatorArg?: unknown): Promise<void> {
    const doc = await monitorDocument(uriArg);
    if (!doc) return;
    const indicator = await pickIndicator(doc, indicatorArg);
    if (!indicator) return;
    const sql = await runServerCommand(client, SERVER_SHOW_SQL, [doc.uri.toString(), indicator]);
    if (sql === undefined) return;
    const shown = await vscode.workspace.openTextDocument({ language: 'sql', content: sql });
    await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** `monitor.exportResults` [uri?]: the safe rows of a monitor as CSV, saved where the user chooses. */
export async function exportResults(client: CommandClient, uriArg?: unknown): Promise<void> {
    const doc = await monitorDocument(uriArg);
    if (!doc) return;
    if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Results are not computed in an untrusted workspace. Trust the folder to export them.'));
        return;
    }
    const csv = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Computing {0}…', baseName(doc.uri)) },
        () => runServerCommand(client, SERVER_EXPORT_ROWS, [doc.uri.toString(), { raw: vscode.workspace.getConfiguration('monitor').get<boolean>('export.csvRaw') === true }]),
    );
    if (csv === undefined) return;
    const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(doc.uri, '..', `${baseName(doc.uri).replace(/\.monitor$/, '')}.csv`),
        filters: { CSV: ['csv'] },
        title: vscode.l10n.t('Export results'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
    const open = vscode.l10n.t('Open');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Results saved to {0}.', vscode.workspace.asRelativePath(target)), open);
    if (choice === open) await vscode.window.showTextDocument(target);
}

function baseName(uri: vscode.Uri): string {
    return uri.path.split('/').pop() ?? uri.path;
}
