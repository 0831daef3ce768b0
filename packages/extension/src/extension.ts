/**
 * The Monitor extension: the language client for the bundled language server, the editor commands
 * (preview, SQL, export, new file, restart) and the status-bar item. Only this package imports `vscode`.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createMonitorClient, restartOnChanges } from './monitor-client.js';
import { newMonitor } from './new-monitor.js';
import { openPreview, refreshPreviews, registerPreviewSerializer } from './preview/open-preview.js';
import { exportResults, monitorDocument, showSql } from './server-commands.js';
import { MonitorStatusBar } from './status-bar.js';
import { wasmFolder } from './wasm-folder.js';

let client: LanguageClient | undefined;

/** Starts the client and registers everything; VS Code calls it on the first `.monitor` file. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('Monitor', { log: true });
    context.subscriptions.push(output);
    const lc = createMonitorClient(context, output);
    client = lc;
    context.subscriptions.push(new MonitorStatusBar(lc));

    // Commands wait for the first start; a failed start was reported already and leaves them unanswered.
    let ready = lc.start();
    const whenReady = async () => { await ready; return lc; };
    const restart = async () => {
        ready = (async () => { if (lc.isRunning()) await lc.restart(); else await lc.start(); })();
        await ready.catch(error => output.appendLine(`Restart failed: ${String(error)}`));
    };
    restartOnChanges(context, restart);
    // The preview's .wasm files, unpacked now (once per version) so the first preview need not wait;
    // a failure is shown here and again by each preview.
    void wasmFolder(context).catch(() => undefined);
    // A preview that was open when the window reloaded comes back.
    registerPreviewSerializer(context, whenReady);
    // A restarted server (a crash, a changed setting) has no program yet: the previews ask again.
    context.subscriptions.push(lc.onDidChangeState(e => { if (e.newState === State.Running) refreshPreviews(); }));

    const command = (id: string, run: (...args: unknown[]) => unknown) =>
        context.subscriptions.push(vscode.commands.registerCommand(id, run));
    // A Preview lens passes its indicator: the preview scrolls to that card.
    command('monitor.openPreview', async (arg?: unknown, indicator?: unknown) => {
        const doc = await monitorDocument(arg);
        if (doc) openPreview(context, await whenReady(), doc.uri, typeof indicator === 'string' ? indicator : undefined);
    });
    command('monitor.showSql', async (uri?: unknown, indicator?: unknown) => showSql(await whenReady(), uri, indicator));
    command('monitor.exportResults', async (uri?: unknown) => exportResults(await whenReady(), uri));
    command('monitor.newMonitor', () => newMonitor());
    command('monitor.restartServer', () => restart());

    await ready.catch(error => {
        output.appendLine(`The Monitor language server did not start: ${String(error)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('The Monitor language server did not start. See Output → Monitor.'));
    });
}

/** Stops the language server with the extension. */
export function deactivate(): Promise<void> | undefined {
    return client?.stop();
}
