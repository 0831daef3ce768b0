/**
 * Data paths and imports are confined to the workspace: no absolute paths, no `..` or symlink
 * escapes, no web addresses, imports only regular files up to a size cap (docs/security.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceIR } from '@monitor/ir';
import { suggest, type ImportRefusal } from '@monitor/language';

/** A resolved path, or the issue code and message arguments for why it cannot be used. */
export type ResolvedPath =
    | { ok: true; file: string }
    | { ok: false; code: string; args: Record<string, string> };

/** The largest `.monitor` file an import may load (a real one is a few kilobytes). */
export const MAX_IMPORT_BYTES = 1_000_000;

function isInside(child: string, parent: string): boolean {
    const rel = path.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `root` (symlinks resolved), or `root` itself when it does not exist. */
function realRootOf(root: string): string {
    return fs.existsSync(root) ? fs.realpathSync(root) : root;
}

/** Resolves a source's path against its declaring file and checks it stays inside `root`. */
export function resolveDataPath(source: SourceIR, root: string): ResolvedPath {
    const args = { path: source.path, source: source.name, root };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source.path)) return { ok: false, code: 'data-path-remote', args };
    if (path.isAbsolute(source.path) || /^[a-zA-Z]:[\\/]/.test(source.path)) return { ok: false, code: 'data-path-absolute', args };
    const dir = path.dirname(fileURLToPath(source.declaredIn));
    const file = path.resolve(dir, source.path);
    if (!isInside(file, root)) return { ok: false, code: 'data-path-outside', args };
    if (!fs.existsSync(file)) {
        const siblings = fs.existsSync(path.dirname(file)) ? fs.readdirSync(path.dirname(file)) : [];
        const near = suggest(path.basename(file), siblings);
        const suggestion = near ? path.join(path.dirname(source.path), near) : '';
        return { ok: false, code: 'data-file-missing', args: { ...args, suggestion } };
    }
    // Invariant: a symlink inside the workspace may not lead to a file outside it.
    if (!isInside(fs.realpathSync(file), realRootOf(root))) return { ok: false, code: 'data-path-outside', args };
    // A device, pipe or folder is no data file: reading `/dev/zero` or a FIFO never ends.
    if (!fs.statSync(file).isFile()) return { ok: false, code: 'data-path-not-file', args };
    return { ok: true, file };
}

/**
 * Why the file an import points at may not be loaded, or undefined when it may: it must lie inside
 * `root` (also after resolving symlinks) and be a regular file of at most MAX_IMPORT_BYTES.
 * A file that does not exist is not refused here: the validator reports it as 'unknown-import'.
 */
export function confineImport(file: string, root: string, importPath: string): ImportRefusal | undefined {
    const args = { path: importPath, root };
    if (!isInside(file, root)) return { code: 'import-outside-root', args };
    let stat: fs.Stats;
    let real: string;
    try {
        real = fs.realpathSync(file);
        stat = fs.statSync(real);
    } catch {
        return undefined;
    }
    if (!isInside(real, realRootOf(root))) return { code: 'import-outside-root', args };
    if (!stat.isFile()) return { code: 'import-not-file', args };
    if (stat.size > MAX_IMPORT_BYTES) return { code: 'import-too-large', args: { ...args, size: String(stat.size), max: String(MAX_IMPORT_BYTES) } };
    return undefined;
}
