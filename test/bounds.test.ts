/**
 * Bounds on work (issue 15, item 8): a range of 0001-01 .. 9999-12 by month is refused by `check`
 * (too-many-periods), and a monitor whose periods × breakdown cells × indicators pass 1,000,000 is
 * refused by `check` and `run` once its data is loaded (data-too-many-cells), instead of running for hours.
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, fixture, monitorInProcess } from './cli-helpers.js';

const data = (persons: number) => 'id,datum\n' + Array.from({ length: persons }, (_, i) => `p${i},2024-0${1 + (i % 9)}-05\n`).join('');
const monitorText = (range: string) => `monitor m { title "T" grain month range ${range} privacy none "test data" }
source s from "data.csv" { events on datum columns { id text  datum date } }
dimension persoon { s.id }
indicator x { value count from s by persoon desired up }
`;
const codes = (stdout: string) => (JSON.parse(stdout) as { code: string }[]).map(d => d.code);

describe('bounds on work', () => {
    test('range 0001-01 .. 9999-12 by month is refused by check, and run computes nothing', async () => {
        const dir = fixture({ '.monitor-root': '', 'data.csv': data(10), 'm.monitor': monitorText('0001-01 .. 9999-12') });
        expect(codes((await monitorInProcess(['check', '--format', 'json', 'm.monitor'], dir)).stdout)).toEqual(['too-many-periods']);
        const r = await monitorInProcess(['run', 'm.monitor'], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('error too-many-periods');
    });
    test('a century by month by 1,000 persons (1.2 million cells) is refused once the data is known', async () => {
        const dir = fixture({ '.monitor-root': '', 'data.csv': data(1000), 'm.monitor': monitorText('1950-01 .. 2049-12') });
        expect(codes((await monitorInProcess(['check', '--format', 'json', 'm.monitor'], dir)).stdout)).toEqual(['data-too-many-cells']);
        const r = await monitorInProcess(['run', 'm.monitor'], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('error data-too-many-cells');
    });
    test('the same by 10 persons is within the bound', async () => {
        const dir = fixture({ '.monitor-root': '', 'data.csv': data(10), 'm.monitor': monitorText('1950-01 .. 2049-12') });
        // check computes within the bound (its breakdown-change warning may name persons that come and go).
        const found = await monitorInProcess(['check', '--format', 'json', 'm.monitor'], dir);
        expect(codes(found.stdout)).not.toContain('data-too-many-cells');
        expect(found.code).toBe(0);
    });
});

describe('the time box', () => {
    test('run on DuckDB-WASM ends with a diagnostic when --timeout is up, instead of hanging', async () => {
        // 1,200 months by 800 persons: within the cell bound, and minutes of work on DuckDB-WASM.
        const dir = fixture({ '.monitor-root': '', 'data.csv': data(800), 'm.monitor': monitorText('1950-01 .. 2049-12') });
        // Through a shell, as CI runs it: the documented exit status 143 (docs/ci.md), and no rows.
        const r = spawnSync('sh', ['-c', `"${process.execPath}" "${path.join(ROOT, 'packages/cli/bin/monitor.js')}" run m.monitor --timeout 1 --engine wasm; echo "exit=$?"`],
            { cwd: dir, encoding: 'utf8', env: { ...process.env, MONITOR_LANG: 'en' }, timeout: 240_000 });
        expect(r.stderr).toContain('error data-timeout');
        expect(r.stdout).toBe('exit=143\n');
    });
    test('--timeout must be a number of seconds', async () => {
        const r = await monitorInProcess(['check', '--timeout', 'soon', 'm.monitor']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('--timeout needs a number of seconds');
    });
});
