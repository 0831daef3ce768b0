/**
 * Data paths stay inside the workspace: absolute paths, `..` escapes, symlinks that lead out of it
 * and web addresses are refused by `monitor check` and `monitor run`, at the path, before any byte
 * of the file is read. A symlink that stays inside the workspace is fine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { monitorInProcess } from './cli-helpers.js';

// The last event on 31 December: the data cover the year, so a good monitor has values (no data-no-value).
const DATA = 'client_id,datum\nc1,2024-01-05\nc2,2024-02-05\nc3,2024-12-31\n';
const SECRET = 'client_id,datum\nGEHEIM,2024-01-05\n';
const monitorFor = (name: string, dataPath: string) => `monitor ${name} {
    title "Paden"
    grain quarter
    range 2024-Q1 .. 2024-Q4  privacy none "testgegevens"
}
source aanvragen from ${JSON.stringify(dataPath)} {
    events on datum
    columns { client_id text  datum date }
}
indicator n {
    title "Aanvragen"
    value count from aanvragen
    desired up
}
`;

let outside: string;
let ws: string;
const CASES: Record<string, string> = {
    absolute: '', // filled in with the absolute path of the secret file
    dotdot: '../outside/secret.csv',
    dotdot_inner: 'data/../../outside/secret.csv',
    symlink_out: 'data/link-out.csv',
    symlink_dir_out: 'linked-dir/secret.csv',
    http: 'http://example.org/data.csv',
    https: 'https://example.org/data.csv',
    symlink_in: 'data/link-in.csv',
    not_file: 'data/folder.csv',
};

interface Diagnostic { file: string; line: number; code: string; message: string }
let diagnostics: Diagnostic[];
let checkOutput: string;

beforeAll(async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-paths-'));
    outside = path.join(base, 'outside');
    ws = path.join(base, 'ws');
    fs.mkdirSync(outside);
    fs.mkdirSync(path.join(ws, 'data'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'secret.csv'), SECRET);
    fs.writeFileSync(path.join(ws, 'data/ok.csv'), DATA);
    fs.symlinkSync(path.join(outside, 'secret.csv'), path.join(ws, 'data/link-out.csv'));
    fs.symlinkSync(outside, path.join(ws, 'linked-dir'));
    fs.symlinkSync(path.join(ws, 'data/ok.csv'), path.join(ws, 'data/link-in.csv'));
    fs.mkdirSync(path.join(ws, 'data/folder.csv'));
    CASES.absolute = path.join(outside, 'secret.csv');
    for (const [name, p] of Object.entries(CASES)) fs.writeFileSync(path.join(ws, `${name}.monitor`), monitorFor(name, p));
    const r = await monitorInProcess(['check', '--format', 'json', '.'], ws);
    checkOutput = r.stdout + r.stderr;
    diagnostics = JSON.parse(r.stdout) as Diagnostic[];
});

const of = (name: string) => diagnostics.filter((d) => path.basename(d.file) === `${name}.monitor`);
// The `from "…"` string is on line 6 of every fixture.
const expectRefused = (name: string, code: string) => expect(of(name).map((d) => [d.code, d.line])).toEqual([[code, 6]]);

describe('data paths are confined to the workspace', () => {
    test('an absolute path is refused', () => expectRefused('absolute', 'data-path-absolute'));
    test('a path that climbs out with .. is refused', () => expectRefused('dotdot', 'data-path-outside'));
    test('a path that climbs out with .. after a folder is refused', () => expectRefused('dotdot_inner', 'data-path-outside'));
    test('a symlinked file that leads outside the workspace is refused', () => expectRefused('symlink_out', 'data-path-outside'));
    test('a file under a symlinked folder outside the workspace is refused', () => expectRefused('symlink_dir_out', 'data-path-outside'));
    test('an http address is refused', () => expectRefused('http', 'data-path-remote'));
    test('an https address is refused', () => expectRefused('https', 'data-path-remote'));
    test('a folder (or device, or pipe) is no data file', () => expectRefused('not_file', 'data-path-not-file'));
    test('a symlink that stays inside the workspace is allowed', () => expect(of('symlink_in')).toEqual([]));
    test('no content of the outside file reaches the output', () => expect(checkOutput).not.toContain('GEHEIM'));

    test('monitor run refuses the same paths and computes nothing', async () => {
        const r = await monitorInProcess(['run', 'symlink_out.monitor'], ws);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain('error data-path-outside');
    });

    test('--root narrows the workspace: a sibling folder outside it is refused', async () => {
        fs.writeFileSync(path.join(ws, 'top.csv'), DATA);
        fs.writeFileSync(path.join(ws, 'data', 'sub.monitor'), monitorFor('sub', '../top.csv'));
        const r = await monitorInProcess(['check', '--root', path.join(ws, 'data'), 'data/sub.monitor'], ws);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('error data-path-outside');
    });
});
