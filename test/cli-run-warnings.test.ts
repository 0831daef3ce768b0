/**
 * `monitor run` prints the warnings of the language stages and the data stage; `--indicator X` leaves
 * out only the warnings about other indicators, never one about X (before, `run` printed no language
 * warning at all). A copy of the jeugd example whose `verblijf` lost its `desired down`, so its
 * relative target draws `target-needs-desired`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { monitorInProcess, ROOT } from './cli-helpers.js';

fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
const dir = fs.mkdtempSync(path.join(ROOT, 'test-output', 'run-warnings-'));
fs.cpSync(path.join(ROOT, 'examples', 'jeugd'), dir, { recursive: true });
const file = path.join(dir, 'jeugd.monitor');
const text = fs.readFileSync(file, 'utf8');
const start = text.indexOf('indicator verblijf {');
const at = text.indexOf('desired down', start);
fs.writeFileSync(file, text.slice(0, at) + text.slice(at + 'desired down'.length));
afterAll(async () => fs.rmSync(dir, { recursive: true, force: true }));
const run = (...extra: string[]) => monitorInProcess(['run', path.relative(ROOT, file), '--format', 'csv', ...extra]);

describe('monitor run --indicator and warnings', () => {
    test('a warning about the chosen indicator is printed, one about another is left out', async () => {
        const own = await run('--indicator', 'verblijf');
        expect(own.code, own.stderr).toBe(0);
        expect(own.stderr).toMatch(/jeugd\.monitor:\d+:\d+: warning target-needs-desired Indicator 'verblijf'/);
        const other = await run('--indicator', 'residentieel');
        expect(other.code, other.stderr).toBe(0);
        expect(other.stderr).not.toContain('target-needs-desired');
        expect(other.stdout.split('\n').slice(1).filter(Boolean).every((l) => l.startsWith('residentieel,'))).toBe(true);
    });
    test('without --indicator every warning is printed, and the rows are the same as with it', async () => {
        const all = await run();
        expect(all.code, all.stderr).toBe(0);
        expect(all.stderr).toContain('target-needs-desired');
        const own = await run('--indicator', 'verblijf');
        const lines = all.stdout.trim().split('\n');
        expect(own.stdout.trim().split('\n')).toEqual([lines[0], ...lines.slice(1).filter((l) => l.startsWith('verblijf,'))]);
    });
});
