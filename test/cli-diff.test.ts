/** `monitor diff` end to end: two files, git revisions, JSON, and --values on real data. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, monitorInProcess, SMALL_DATA, SMALL_MONITOR } from './cli-helpers.js';

const WIDER = SMALL_MONITOR.replace('value count from trajecten active at end', 'value count from trajecten active at end where voorziening = "verblijf"');

function gitRepo(files: Record<string, string>): string {
    const dir = fixture(files);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'first');
    return dir;
}

describe('monitor diff', () => {
    test('two files: a filter added is flagged, with the latest values by both definitions', async () => {
        const dir = fixture({ 'old/klein.monitor': SMALL_MONITOR, 'old/data/trajecten.csv': SMALL_DATA, 'new/klein.monitor': WIDER, 'new/data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['diff', 'old/klein.monitor', 'new/klein.monitor', '--values', '--format', 'json'], dir);
        expect(r.code).toBe(0);
        const report = JSON.parse(r.stdout);
        const [change] = report.files[0].indicators;
        expect(change).toMatchObject({ name: 'actief', kind: 'changed', altersPastValues: true });
        expect(change.changes).toEqual(["condition `voorziening = 'verblijf'` added to the filter"]);
        expect(change.values.period).toBe('2024-Q4');
        expect(change.values.old).not.toBe(change.values.new);
    });

    test('--git REV compares the committed files with the working tree', async () => {
        const dir = gitRepo({ 'klein.monitor': SMALL_MONITOR });
        fs.writeFileSync(path.join(dir, 'klein.monitor'), SMALL_MONITOR.replace('2024-Q4 <= 2', '2024-Q4 <= 3'));
        const r = await monitorInProcess(['diff', '--git', 'HEAD'], dir);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('`HEAD` → `working tree`');
        expect(r.stdout).toContain('- target 2024-Q4 changed from <= 2 to <= 3');
        expect(r.stdout).not.toContain('changes past values');
    });

    test('--git OLD..NEW reads both sides from git, and a formatting-only commit shows nothing', async () => {
        const dir = gitRepo({ 'klein.monitor': SMALL_MONITOR });
        expect((await monitorInProcess(['fmt', 'klein.monitor'], dir)).code).toBe(0);
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qam', 'fmt'], { cwd: dir });
        fs.writeFileSync(path.join(dir, 'klein.monitor'), 'broken {');
        const r = await monitorInProcess(['diff', '--git', 'HEAD~1..HEAD'], dir);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('No changes in meaning.');
    });

    test('a bad revision is a usage error naming git, exit 2', async () => {
        const dir = gitRepo({ 'klein.monitor': SMALL_MONITOR });
        const r = await monitorInProcess(['diff', '--git', 'nope..HEAD'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('git ls-tree failed');
        expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    });
});
