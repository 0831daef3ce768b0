/**
 * Data paths are confined to the workspace: no absolute paths, no `..` or symlink escapes,
 * no web addresses (docs/security.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceIR } from '@monitor/ir';
import { suggest } from '@monitor/language';

/** A resolved path, or the issue code and message arguments for why it cannot be used. */
export type ResolvedPath =
    | { ok: true; file: string }
    | { ok: false; code: string; args: Record<string, string> };

function isInside(child: string, parent: string): boolean {
    const rel = path.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Resolves a source's path against its declaring file and checks it stays inside `root`. */
export function resolveDataPath(source: SourceIR, root: string): ResolvedPath {
    const args = { path: source.path, source: source.name, root };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source.path)) return { ok: false, code: 'data-path-remote', args };
    if (path.isAbsolute(source.path) || /^[a-zA-Z]:[\\/]/.test(source.path)) return { ok: false, code: 'data-path-absolute', args };
    const dir = path.dirname(fileURLToPath(source.declaredIn));
    const file = path.resolve(dir, source.path);
    const realRoot = fs.existsSync(root) ? fs.realpathSync(root) : root;
    if (!isInside(file, root)) return { ok: false, code: 'data-path-outside', args };
    if (!fs.existsSync(file)) {
        const siblings = fs.existsSync(path.dirname(file)) ? fs.readdirSync(path.dirname(file)) : [];
        const near = suggest(path.basename(file), siblings);
        const suggestion = near ? path.join(path.dirname(source.path), near) : '';
        return { ok: false, code: 'data-file-missing', args: { ...args, suggestion } };
    }
    // Invariant: a symlink inside the workspace may not lead to a file outside it.
    if (!isInside(fs.realpathSync(file), realRoot)) return { ok: false, code: 'data-path-outside', args };
    return { ok: true, file };
}
