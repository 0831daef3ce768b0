/**
 * The workspace root a cloned monitor cannot widen (issue 15, item 3): by default the nearest folder
 * enclosing the monitor that holds `.git` or `.monitor-root`, else the monitor's own folder — never the
 * current folder — and `--root` widens it. Imports are confined like data paths: no `..` out, no
 * symlink escape, regular files only, a size cap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { monitorInProcess } from './cli-helpers.js';

// The data cover the one quarter of the range, so a good monitor has values (no data-no-value), and
// every client is in that quarter (no breakdown change).
const DATA = 'client_id,datum\nc1,2024-01-05\nc2,2024-02-05\nc1,2024-03-31\n';
const SECRET = 'client_id,datum\nGEHEIM-TOKEN,2024-01-05\nGEHEIM-TOKEN,2024-03-31\n';
const header = `monitor m {
    title "Root"
    grain quarter
    range 2024-Q1 .. 2024-Q1  privacy none "test data"
}
`;
const sourceFrom = (p: string) => `source aanvragen from ${JSON.stringify(p)} {
    events on datum
    columns { client_id text  datum date }
}
dimension wie { aanvragen.client_id }
`;
const INDICATOR = `indicator n {
    title "Aanvragen"
    value count from aanvragen
    by wie
    desired up
}
`;
const importing = (p: string) => `import ${JSON.stringify(p)}\n${header}${sourceFrom('data.csv')}${INDICATOR}`;

// An imported file that stands on its own (names are visible only through imports).
const EXTRA = 'source extra from "data.csv" {\n    events on datum\n    columns { client_id text  datum date }\n}\n';
let home: string;
const codes = (stdout: string) => (JSON.parse(stdout) as { code: string; line: number }[]).map(d => `${d.code}@${d.line}`);

beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-root-'));
    fs.mkdirSync(path.join(home, '.config'));
    fs.writeFileSync(path.join(home, '.config/credentials'), SECRET);
    // A cloned repository in the home folder whose monitor reads next to the clone.
    fs.mkdirSync(path.join(home, 'clone/.git'), { recursive: true });
    fs.writeFileSync(path.join(home, 'clone/evil.monitor'), header + sourceFrom('../.config/credentials') + INDICATOR);
    // A folder without a marker: the monitor's own folder is the root.
    fs.mkdirSync(path.join(home, 'loose'));
    fs.writeFileSync(path.join(home, 'loose/evil.monitor'), header + sourceFrom('../.config/credentials') + INDICATOR);
});

describe('the default workspace root', () => {
    test('a cloned monitor run from the home folder cannot read next to the clone', async () => {
        const r = await monitorInProcess(['run', 'clone/evil.monitor', '--format', 'csv'], home);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('error data-path-outside');
        expect(r.stdout + r.stderr).not.toContain('GEHEIM-TOKEN');
    });
    test('without a .git or .monitor-root the monitor\'s own folder is the root', async () => {
        const r = await monitorInProcess(['check', '--format', 'json', 'loose/evil.monitor'], home);
        expect(codes(r.stdout)).toEqual(['data-path-outside@6']);
    });
    test('a .monitor-root marker makes its folder the root, from any current folder', async () => {
        const proj = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-proj-'));
        fs.writeFileSync(path.join(proj, '.monitor-root'), '');
        fs.mkdirSync(path.join(proj, 'monitors'));
        fs.writeFileSync(path.join(proj, 'data.csv'), DATA);
        fs.writeFileSync(path.join(proj, 'monitors/ok.monitor'), header + sourceFrom('../data.csv') + INDICATOR);
        const r = await monitorInProcess(['check', '--format', 'json', path.join(proj, 'monitors/ok.monitor')], home);
        expect(codes(r.stdout)).toEqual([]);
        expect(r.code).toBe(0);
    });
    test('--root widens the workspace explicitly', async () => {
        const r = await monitorInProcess(['check', '--format', 'json', '--root', '.', 'loose/evil.monitor'], home);
        expect(codes(r.stdout)).toEqual([]);
    });
});

describe('imports are confined like data paths', () => {
    let ws: string;
    beforeAll(async () => {
        const base = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-imports-'));
        ws = path.join(base, 'ws');
        fs.mkdirSync(path.join(base, 'outside'), { recursive: true });
        fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
        fs.writeFileSync(path.join(base, 'outside/x.monitor'), EXTRA);
        fs.writeFileSync(path.join(ws, 'data.csv'), DATA);
        fs.writeFileSync(path.join(base, 'outside/data.csv'), DATA);
        fs.writeFileSync(path.join(ws, 'shared.monitor'), EXTRA);
        fs.symlinkSync('/etc/passwd', path.join(ws, 'passwd.monitor'));
        fs.mkdirSync(path.join(ws, 'folder.monitor'));
        fs.writeFileSync(path.join(ws, 'big.monitor'), '// padding\n'.repeat(120_000));
        const cases: Record<string, string> = {
            dotdot: '../outside/x.monitor', absolute: path.join(base, 'outside/x.monitor'), symlink: 'passwd.monitor',
            device: '/dev/zero', folder: 'folder.monitor', big: 'big.monitor', inside: 'shared.monitor',
        };
        for (const [name, p] of Object.entries(cases)) fs.writeFileSync(path.join(ws, `case-${name}.monitor`), importing(p));
    });
    const check = (name: string) => monitorInProcess(['check', '--format', 'json', `case-${name}.monitor`], ws);

    test('an import that climbs out with .. is refused at the path', async () => expect(codes((await check('dotdot')).stdout)).toEqual(['import-outside-root@1']));
    test('an absolute import outside the workspace is refused', async () => expect(codes((await check('absolute')).stdout)).toEqual(['import-outside-root@1']));
    test('a symlinked import leading to /etc/passwd is refused and not read', async () => {
        const r = await check('symlink');
        expect(codes(r.stdout)).toEqual(['import-outside-root@1']);
        expect(r.stdout + r.stderr).not.toContain('root:');
    });
    test('an import of /dev/zero is refused without reading it', async () => expect(codes((await check('device')).stdout)).toEqual(['import-outside-root@1']));
    test('an import of a folder is refused as no regular file', async () => expect(codes((await check('folder')).stdout)).toEqual(['import-not-file@1']));
    test('an import above the size cap is refused', async () => expect(codes((await check('big')).stdout)).toEqual(['import-too-large@1']));
    test('an import inside the workspace loads', async () => {
        const r = await check('inside');
        expect(codes(r.stdout)).toEqual([]);
        expect(r.code).toBe(0);
    });
    test('--root widens the workspace for imports too', async () => {
        const r = await monitorInProcess(['check', '--format', 'json', '--root', '..', 'case-dotdot.monitor'], ws);
        expect(codes(r.stdout)).toEqual([]);
    });
});
