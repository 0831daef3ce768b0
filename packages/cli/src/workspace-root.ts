/** The workspace a monitor's data paths and imports are confined to. */
import fs from 'node:fs';
import path from 'node:path';

/** Files whose presence makes a folder a project root: a git repository, or an explicit marker. */
export const ROOT_MARKERS = ['.git', '.monitor-root'] as const;

/**
 * The workspace that data paths and imports must stay inside: `--root` (which widens it), else the
 * nearest folder enclosing the monitor that holds `.git` or `.monitor-root`, else the monitor's own
 * folder. Never the current folder: a monitor in a cloned repository cannot read next to it.
 */
export function workspaceRoot(explicit: string | undefined, file: string): string {
    if (explicit) return path.resolve(explicit);
    const own = path.dirname(path.resolve(file));
    for (let dir = own; ; dir = path.dirname(dir)) {
        if (ROOT_MARKERS.some(marker => fs.existsSync(path.join(dir, marker)))) return dir;
        if (path.dirname(dir) === dir) return own;
    }
}
