/**
 * The preview host's data-file reader on real files: it reads only the declared files, only inside
 * the workspace (no `..`, symbolic-link or other-scheme escapes), and reads a file again only when it
 * changed on disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DataFileReader } from '../packages/extension/src/preview/data-file-reader.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('the preview host reads declared data files', () => {
    let scratch: string;
    let workspace: string;
    const ref = (source: string, file: string) => ({ source, path: pathToFileURL(file).href });

    beforeAll(() => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-data-files-'));
        workspace = path.join(scratch, 'ws');
        fs.mkdirSync(path.join(workspace, 'data'), { recursive: true });
        fs.writeFileSync(path.join(workspace, 'data/a.csv'), 'x\n1\n');
        fs.writeFileSync(path.join(workspace, 'data/b.csv'), 'y\n2\n');
        fs.writeFileSync(path.join(workspace, 'data/undeclared.csv'), 'z\n3\n');
        fs.writeFileSync(path.join(scratch, 'secret.csv'), 'bsn\n123456782\n');
        fs.symlinkSync(path.join(scratch, 'secret.csv'), path.join(workspace, 'data/link.csv'));
    });

    afterAll(() => { fs.rmSync(scratch, { recursive: true, force: true }); });

    test('reads exactly the declared files, as file URIs or absolute paths', async () => {
        const reader = new DataFileReader(() => [workspace]);
        const { files, unreadable } = await reader.read([ref('a', path.join(workspace, 'data/a.csv')), { source: 'b', path: path.join(workspace, 'data/b.csv') }], 'en');
        expect(unreadable).toEqual([]);
        expect(files.map(f => [f.source, text(f.bytes)])).toEqual([['a', 'x\n1\n'], ['b', 'y\n2\n']]);
    });

    test('refuses files outside the workspace: a path with .., a symbolic link out, another scheme, a relative path', async () => {
        const reader = new DataFileReader(() => [workspace]);
        const { files, unreadable } = await reader.read([
            { source: 'dotdot', path: `${workspace}/data/../../secret.csv` },
            ref('link', path.join(workspace, 'data/link.csv')),
            { source: 'web', path: 'https://example.org/secret.csv' },
            { source: 'remote', path: 'vscode-remote://host/secret.csv' },
            { source: 'relative', path: 'data/a.csv' },
            { source: 'folder', path: workspace },
        ], 'nl');
        expect(files).toEqual([]);
        expect(unreadable.map(u => u.source)).toEqual(['dotdot', 'link', 'web', 'remote', 'relative', 'folder']);
        expect(unreadable.slice(0, 5).every(u => u.reason === 'het bestand ligt buiten de werkmap.')).toBe(true);
        // The workspace folder itself is no file inside it.
        expect(unreadable[5].reason).toBe('het bestand ligt buiten de werkmap.');
    });

    test('a link inside the workspace to a file inside it is read; a missing file is reported, not thrown', async () => {
        fs.symlinkSync(path.join(workspace, 'data/a.csv'), path.join(workspace, 'data/alias.csv'));
        const reader = new DataFileReader(() => [workspace]);
        const { files, unreadable } = await reader.read([ref('alias', path.join(workspace, 'data/alias.csv')), ref('gone', path.join(workspace, 'data/gone.csv'))], 'en');
        expect(files.map(f => f.source)).toEqual(['alias']);
        expect(unreadable).toEqual([{ source: 'gone', reason: 'the file could not be read.' }]);
    });

    test('reads a file again only when it changed on disk, and every file after forget()', async () => {
        const reader = new DataFileReader(() => [workspace]);
        const refs = [ref('a', path.join(workspace, 'data/a.csv')), ref('b', path.join(workspace, 'data/b.csv'))];
        expect((await reader.read(refs, 'en')).files).toHaveLength(2);
        expect((await reader.read(refs, 'en')).files).toEqual([]);
        fs.writeFileSync(path.join(workspace, 'data/b.csv'), 'y\n2\n3\n');
        const changed = await reader.read(refs, 'en');
        expect(changed.files.map(f => [f.source, text(f.bytes)])).toEqual([['b', 'y\n2\n3\n']]);
        expect((await reader.read(refs, 'en')).files).toEqual([]);
        reader.forget();
        expect((await reader.read(refs, 'en')).files.map(f => f.source)).toEqual(['a', 'b']);
    });

    test('a source that points at another file is read again', async () => {
        const reader = new DataFileReader(() => [workspace]);
        await reader.read([ref('a', path.join(workspace, 'data/a.csv'))], 'en');
        const moved = await reader.read([ref('a', path.join(workspace, 'data/b.csv'))], 'en');
        expect(moved.files.map(f => f.source)).toEqual(['a']);
    });

    test('without a workspace folder nothing is read', async () => {
        const reader = new DataFileReader(() => []);
        const { files, unreadable } = await reader.read([ref('a', path.join(workspace, 'data/a.csv'))], 'en');
        expect(files).toEqual([]);
        expect(unreadable).toEqual([{ source: 'a', reason: 'the file lies outside the workspace.' }]);
    });
});
