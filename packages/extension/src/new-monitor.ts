/** `monitor.newMonitor`: an untitled `.monitor` document started from the header snippet. */
import * as vscode from 'vscode';

const HEADER = [
    '// ${1:What this monitor follows, and why}',
    '',
    'monitor ${2:name} {',
    '\ttitle "${3:Title}"',
    '\towner "${4:Owner}"',
    '\tgrain ${5|quarter,month,half-year,year|}',
    '\trange ${6:2019-Q1} .. ${7:2026-Q4}',
    '\tprivacy { minimum ${8:10}  round ${9:5} }',
    '}',
    '',
    '$0',
].join('\n');

/** Opens a new untitled monitor and inserts the header with tab stops. */
export async function newMonitor(): Promise<void> {
    const doc = await vscode.workspace.openTextDocument({ language: 'monitor', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(new vscode.SnippetString(HEADER));
}
