/**
 * The Monitor item in the status bar: whether the language server runs and whether it is computing,
 * and whether the workspace is trusted. Visible while a monitor is the active editor. It does not
 * count errors and warnings: VS Code's own problem counter beside it does that.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { STATUS_NOTIFICATION_METHOD, type StatusParams } from '@monitor/protocol';

/** Keeps the status-bar item up to date; dispose with the extension. */
export class MonitorStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('monitor.status', vscode.StatusBarAlignment.Left, 10);
    private readonly disposables: vscode.Disposable[] = [this.item];
    private state: State = State.Stopped;
    private computing = 0;

    constructor(client: BaseLanguageClient) {
        this.item.name = 'Monitor';
        this.disposables.push(
            client.onDidChangeState(e => { this.state = e.newState; if (e.newState !== State.Running) this.computing = 0; this.render(); }),
            client.onNotification(STATUS_NOTIFICATION_METHOD, (p: StatusParams) => { this.computing = Math.max(0, Number(p?.computing) || 0); this.render(); }),
            vscode.window.onDidChangeActiveTextEditor(() => this.render()),
            vscode.workspace.onDidGrantWorkspaceTrust(() => this.render()),
        );
        this.state = client.state;
        this.render();
    }

    private render(): void {
        if (vscode.window.activeTextEditor?.document.languageId !== 'monitor') { this.item.hide(); return; }
        const trust = vscode.workspace.isTrusted ? '' : ` $(shield)`;
        const lines: string[] = [];
        this.item.command = undefined;
        if (this.state === State.Starting) {
            this.item.text = `$(sync~spin) Monitor${trust}`;
            lines.push(vscode.l10n.t('The Monitor language server is starting.'));
        } else if (this.state === State.Stopped) {
            this.item.text = `$(circle-slash) Monitor${trust}`;
            lines.push(vscode.l10n.t('The Monitor language server is not running. Run "Monitor: Restart Language Server".'));
            this.item.command = 'monitor.restartServer';
        } else if (this.computing > 0) {
            this.item.text = `$(sync~spin) Monitor${trust}`;
            lines.push(vscode.l10n.t('Computing the indicators…'));
        } else {
            this.item.text = `$(graph-line) Monitor${trust}`;
            lines.push(vscode.l10n.t('The Monitor language server is running; values, hover and lenses are up to date.'));
        }
        if (!vscode.workspace.isTrusted) lines.push(vscode.l10n.t('Untrusted workspace: only syntax and references are checked; no data is read or computed.'));
        this.item.tooltip = lines.join('\n');
        this.item.show();
    }

    dispose(): void {
        for (const d of this.disposables) d.dispose();
    }
}
