/**
 * Reads the data files a monitor declares for the preview, and only those: each must be a file inside
 * a workspace folder after resolving `..` and symbolic links. A file is read again only when it changed
 * on disk (size, modification time or inode), so an edit of the `.monitor` text sends no data. No
 * `vscode` import: the panel passes the workspace folders, and tests use real files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataFilePayload, DataFileRef, PreviewLang } from '@monitor/protocol';

/** The files read, and the sources whose file could not be read with the reason. */
export interface ReadFiles {
    files: DataFilePayload[];
    unreadable: { source: string; reason: string }[];
}

const REASONS = {
    outside: { en: 'the file lies outside the workspace.', nl: 'het bestand ligt buiten de werkmap.' },
    unreadable: { en: 'the file could not be read.', nl: 'het bestand kon niet worden gelezen.' },
};

/** The file-system path of a declared file (`file:` URI or absolute path), or undefined for anything else. */
export function dataFilePath(ref: DataFileRef): string | undefined {
    if (/^file:/i.test(ref.path)) {
        try { return fileURLToPath(ref.path); } catch { return undefined; }
    }
    // Another scheme (http:, vscode-remote:, …) is never read; a Windows drive letter is a path.
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref.path) && !/^[a-z]:[\\/]/i.test(ref.path)) return undefined;
    return path.isAbsolute(ref.path) ? path.normalize(ref.path) : undefined;
}

function inside(folder: string, file: string): boolean {
    const rel = path.relative(folder, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** One preview's reader: remembers what it last sent per source. */
export class DataFileReader {
    /** Per source: the real path and the on-disk version last sent to the webview. */
    private readonly sent = new Map<string, string>();

    /** `folders` gives the workspace folders' file-system paths at the time of reading. */
    constructor(private readonly folders: () => readonly string[]) {}

    /** Forgets what was sent (the page reloaded, or trust was granted): the next read sends every file. */
    forget(): void {
        this.sent.clear();
    }

    /** Reads the declared files that are new or changed on disk since the last read. */
    async read(refs: readonly DataFileRef[], lang: PreviewLang): Promise<ReadFiles> {
        const out: ReadFiles = { files: [], unreadable: [] };
        const roots = await Promise.all(this.folders().map(f => fs.realpath(f).catch(() => undefined)));
        for (const ref of refs) {
            const declared = dataFilePath(ref);
            // Invariant: the real path (links resolved) must lie inside a real workspace folder.
            const real = declared === undefined ? undefined : await fs.realpath(declared).catch(() => null);
            if (real === null) { this.refuse(out, ref, REASONS.unreadable[lang]); continue; }
            if (real === undefined || !roots.some(root => root !== undefined && inside(root, real))) {
                this.refuse(out, ref, REASONS.outside[lang]);
                continue;
            }
            try {
                const stat = await fs.stat(real);
                if (!stat.isFile()) throw new Error('not a file');
                const version = `${real}|${stat.size}|${stat.mtimeMs}|${stat.ino}`;
                if (this.sent.get(ref.source) === version) continue;
                out.files.push({ source: ref.source, bytes: new Uint8Array(await fs.readFile(real)) });
                this.sent.set(ref.source, version);
            } catch {
                this.refuse(out, ref, REASONS.unreadable[lang]);
            }
        }
        return out;
    }

    private refuse(out: ReadFiles, ref: DataFileRef, reason: string): void {
        out.unreadable.push({ source: ref.source, reason });
        // Once readable again, the file must be sent again.
        this.sent.delete(ref.source);
    }
}
