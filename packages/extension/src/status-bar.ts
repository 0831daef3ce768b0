/**
 * The Monitor item in the status bar: whether the language server runs, whether it is computing,
 * and the errors and warnings in `.monitor` files. Visible while a monitor is the active editor.
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
        this.item.command = 'workbench.actions.view.problems';
        this.disposables.push(
            client.onDidChangeState(e => { this.state = e.newState; if (e.newState !== State.Running) this.computing = 0; this.render(); }),
            client.onNotification(STATUS_NOTIFICATION_METHOD, (p: StatusParams) => { this.computing = Math.max(0, Number(p?.computing) || 0); this.render(); }),
            vscode.languages.onDidChangeDiagnostics(() => this.render()),
            vscode.window.onDidChangeActiveTextEditor(() => this.render()),
            vscode.workspace.onDidGrantWorkspaceTrust(() => this.render()),
        );
        this.state = client.state;
        this.render();
    }

    private counts(): { errors: number; warnings: number } {
        let errors = 0, warnings = 0;
        for (const [uri, list] of vscode.languages.getDiagnostics()) {
            if (!uri.path.endsWith('.monitor')) continue;
            for (const d of list) {
                if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
                else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
            }
        }
        return { errors, warnings };
    }

    private render(): void {
        if (vscode.window.activeTextEditor?.document.languageId !== 'monitor') { this.item.hide(); return; }
        const { errors, warnings } = this.counts();
        const trust = vscode.workspace.isTrusted ? '' : ` $(shield)`;
        const lines: string[] = [];
        if (this.state === State.Starting) {
            this.item.text = `$(sync~spin) Monitor${trust}`;
            lines.push(vscode.l10n.t('The Monitor language server is starting.'));
        } else if (this.state === State.Stopped) {
            this.item.text = `$(circle-slash) Monitor${trust}`;
            lines.push(vscode.l10n.t('The Monitor language server is not running. Run "Monitor: Restart Language Server".'));
        } else if (this.computing > 0) {
            this.item.text = `$(sync~spin) Monitor${trust}`;
            lines.push(vscode.l10n.t('Computing the indicators…'));
        } else {
            this.item.text = errors + warnings === 0 ? `$(check) Monitor${trust}` : `$(error) ${errors} $(warning) ${warnings} Monitor${trust}`;
        }
        lines.push(vscode.l10n.t('{0} errors and {1} warnings in .monitor files.', errors, warnings));
        if (!vscode.workspace.isTrusted) lines.push(vscode.l10n.t('Untrusted workspace: only syntax and references are checked; no data is read or computed.'));
        this.item.tooltip = lines.join('\n');
        this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
        this.item.show();
    }

    dispose(): void {
        for (const d of this.disposables) d.dispose();
    }
}
