/** The two sides of `monitor diff`: two files, two folders, or two git revisions (or one and the work tree). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { collectFiles, UsageError } from '../analyse.js';

/** One `.monitor` file of a side: matched across sides by `rel`; `abs` is where it lives (or lived). */
export interface SideFile {
    rel: string;
    abs: string;
    text: string;
}

/** One side of a diff, with a label for the summary (a path or a revision). */
export interface Side {
    label: string;
    files: SideFile[];
}

/** Two paths: both files (compared with each other) or both folders (files matched by relative path). */
export async function sidesFromPaths(oldPath: string, newPath: string): Promise<[Side, Side]> {
    const kind = async (p: string) => {
        const stat = await fs.stat(p).catch(() => undefined);
        if (!stat) throw new UsageError(`No such file or folder: ${p}`);
        return stat.isDirectory() ? 'folder' : 'file';
    };
    const [a, b] = [await kind(oldPath), await kind(newPath)];
    if (a !== b) throw new UsageError(`Compare two files or two folders, not a ${a} with a ${b}.`);
    if (a === 'file') {
        const rel = path.basename(newPath);
        return [
            { label: oldPath, files: [{ rel, abs: path.resolve(oldPath), text: await fs.readFile(oldPath, 'utf8') }] },
            { label: newPath, files: [{ rel, abs: path.resolve(newPath), text: await fs.readFile(newPath, 'utf8') }] },
        ];
    }
    const side = async (folder: string): Promise<Side> => {
        const files = await collectFiles([folder]);
        const root = path.resolve(folder);
        return { label: folder, files: await Promise.all(files.map(async abs => ({ rel: path.relative(root, abs).split(path.sep).join('/'), abs, text: await fs.readFile(abs, 'utf8') }))) };
    };
    return [await side(oldPath), await side(newPath)];
}

function git(args: string[], cwd: string): string {
    try {
        return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
        const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
        throw new UsageError(`git ${args[0]} failed: ${stderr.split('\n')[0]}. Check the revision (e.g. origin/main..HEAD) and that this is a git repository.`);
    }
}

/** `rev` (against the work tree) or `old..new`: the .monitor files at each revision, read with `git show`. */
export async function sidesFromGit(range: string, cwd = process.cwd()): Promise<[Side, Side]> {
    const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
    const [oldRev, newRev] = range.includes('..') ? range.split(/\.\.\.?/) : [range, undefined];
    if (!oldRev) throw new UsageError(`'${range}' names no old revision. Use --git <rev> or --git <old>..<new>.`);
    const atRevision = (rev: string): Side => {
        const names = git(['ls-tree', '-r', '-z', '--name-only', rev], top).split('\0').filter(n => n.endsWith('.monitor'));
        return { label: rev, files: names.map(rel => ({ rel, abs: path.join(top, rel), text: git(['show', `${rev}:${rel}`], top) })) };
    };
    const workTree = async (): Promise<Side> => {
        const names = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], top).split('\0').filter(n => n.endsWith('.monitor'));
        const files: SideFile[] = [];
        for (const rel of [...new Set(names)].sort()) {
            const text = await fs.readFile(path.join(top, rel), 'utf8').catch(() => undefined);
            if (text !== undefined) files.push({ rel, abs: path.join(top, rel), text });
        }
        return { label: 'working tree', files };
    };
    return [atRevision(oldRev), newRev ? atRevision(newRev) : await workTree()];
}
