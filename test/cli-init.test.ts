/** `monitor init`: a starter monitor that works as written. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, monitorInProcess } from './cli-helpers.js';

describe('monitor init', () => {
    test('the starter passes monitor check and monitor run gives unsuppressed values with a status', async () => {
        const dir = fixture({});
        const init = await monitorInProcess(['init', 'nieuw'], dir);
        expect(init.code).toBe(0);
        expect(init.stdout).toContain('monitor check nieuw');
        const check = await monitorInProcess(['check', 'nieuw'], dir);
        expect(check.stdout).toBe('');
        expect(check.code).toBe(0);
        const run = await monitorInProcess(['run', 'nieuw/starter.monitor'], dir);
        expect(run.code).toBe(0);
        const rows = JSON.parse(run.stdout) as Array<{ indicator: string; wijk?: string | null; value: number | null; status: string }>;
        for (const name of ['jeugdhulp', 'instroom']) {
            const totals = rows.filter(r => r.indicator === name && !r.wijk);
            expect(totals).toHaveLength(12);
            expect(totals.filter(r => r.value !== null).length).toBeGreaterThan(10);
        }
        expect(rows.some(r => r.indicator === 'jeugdhulp' && r.status === 'on-track')).toBe(true);
        expect((await monitorInProcess(['fmt', '--check', 'nieuw'], dir)).code).toBe(0);
    });

    test('the data is the same on every run', async () => {
        const a = fixture({});
        const b = fixture({});
        await monitorInProcess(['init'], a);
        await monitorInProcess(['init'], b);
        for (const file of ['starter.monitor', 'data/trajecten.csv', 'data/inwoners.csv']) {
            expect(fs.readFileSync(path.join(a, file), 'utf8')).toBe(fs.readFileSync(path.join(b, file), 'utf8'));
        }
    });

    test('init refuses to overwrite an existing starter and exits 2', async () => {
        const dir = fixture({ 'starter.monitor': '// mine\n' });
        const r = await monitorInProcess(['init', '.'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('already exists');
        expect(fs.readFileSync(path.join(dir, 'starter.monitor'), 'utf8')).toBe('// mine\n');
    });
});
