/**
 * Reads the data files a trusted workspace's monitor declares, and only those: each must resolve to a
 * file inside a workspace folder. The bytes go to the webview; paths never do.
 */
import * as vscode from 'vscode';
import type { DataFilePayload, DataFileRef, PreviewLang } from '@monitor/protocol';

/** The files read, and the sources whose file could not be read with the reason. */
export interface ReadFiles {
    files: DataFilePayload[];
    unreadable: { source: string; reason: string }[];
}

/** The URI of a declared data file: `path` is a `file:` URI or an absolute file-system path. */
export function dataFileUri(ref: DataFileRef): vscode.Uri {
    return /^[a-z][a-z0-9+.-]*:/i.test(ref.path) && !/^[a-z]:[\\/]/i.test(ref.path) ? vscode.Uri.parse(ref.path) : vscode.Uri.file(ref.path);
}

function insideWorkspace(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const rel = uri.path.slice(folder.uri.path.length);
    return rel.startsWith('/') && !rel.split('/').includes('..');
}

/** Reads the given declared files (the host passes only those that changed on disk). */
export async function readDataFiles(refs: DataFileRef[], lang: PreviewLang): Promise<ReadFiles> {
    const out: ReadFiles = { files: [], unreadable: [] };
    for (const ref of refs) {
        const uri = dataFileUri(ref);
        if (!insideWorkspace(uri)) {
            out.unreadable.push({ source: ref.source, reason: lang === 'nl' ? 'het bestand ligt buiten de werkmap.' : 'the file lies outside the workspace.' });
            continue;
        }
        try {
            out.files.push({ source: ref.source, bytes: await vscode.workspace.fs.readFile(uri) });
        } catch {
            out.unreadable.push({ source: ref.source, reason: lang === 'nl' ? 'het bestand kon niet worden gelezen.' : 'the file could not be read.' });
        }
    }
    return out;
}
