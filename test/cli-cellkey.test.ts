/**
 * `monitor run` under `perturb cellkey`: the secret comes from MONITOR_CELLKEY_SECRET; without it the
 * run fails with privacy-cellkey-secret-missing at `perturb` and prints no row; with it the rows are
 * perturbed, the same on every run, and carry no cell key.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, ROOT } from './cli-helpers.js';

const BIN = path.join(ROOT, 'packages/cli/bin/monitor.js');
const data = 'persoon,datum,wijk\n' + Array.from({ length: 120 }, (_, i) => `p${i},2024-${String((i % 12) + 1).padStart(2, '0')}-10,${'ABC'[i % 3]}`).join('\n') + '\n';
const text = (privacy: string) => `monitor m {
    grain quarter
    range 2024-Q1 .. 2024-Q4
    privacy { ${privacy} }
}
source meldingen from "meldingen.csv" {
    events on datum key persoon
    coverage 2024-01-01 .. 2024-12-31
    columns { persoon text  datum date  wijk text }
}
dimension wijk { meldingen.wijk }
indicator meldingen { value count from meldingen  by wijk }
`;

function run(privacy: string, secret: string | undefined, command = ['run', '--format', 'json']) {
    const dir = fixture({ 'm.monitor': text(privacy), 'meldingen.csv': data });
    const env: NodeJS.ProcessEnv = { ...process.env, MONITOR_LANG: 'en' };
    delete env.MONITOR_CELLKEY_SECRET;
    if (secret !== undefined) env.MONITOR_CELLKEY_SECRET = secret;
    return spawnSync(process.execPath, [BIN, command[0], path.join(dir, 'm.monitor'), ...command.slice(1)], { cwd: dir, encoding: 'utf8', env });
}

describe('monitor run with perturb cellkey', () => {
    test('without MONITOR_CELLKEY_SECRET: an error at perturb and no rows', () => {
        const r = run('minimum 10  perturb cellkey max 2', undefined);
        expect(r.status).not.toBe(0);
        expect(r.stderr).toMatch(/m\.monitor:4:27: error privacy-cellkey-secret-missing/);
        expect(r.stdout).not.toMatch(/"value"/);
    });
    test('with a secret: perturbed rows, the same on every run, with no cell key in them', () => {
        const a = run('minimum 10  perturb cellkey max 2', 'een-geheim-van-de-gemeente');
        expect(a.status, a.stderr).toBe(0);
        expect(a.stderr).not.toMatch(/privacy-cellkey/);
        expect(run('minimum 10  perturb cellkey max 2', 'een-geheim-van-de-gemeente').stdout).toBe(a.stdout);
        const rows = JSON.parse(a.stdout) as Record<string, unknown>[];
        expect(rows.every((r) => Object.keys(r).every((k) => !/key|units/i.test(k)))).toBe(true);
        // 16 cells of 10 people each per quarter (30 a quarter, 10 per wijk): noise moves some off 10 and 30.
        const raw = JSON.parse(run('minimum 10', undefined).stdout) as Record<string, unknown>[];
        expect(raw.map((r) => r.value)).toEqual(raw.map((r) => (r.wijk ? 10 : 30)));
        expect(rows.map((r) => r.value)).not.toEqual(raw.map((r) => r.value));
        expect(rows.every((r) => r.value === null || (typeof r.value === 'number' && Math.abs(r.value - (r.wijk ? 10 : 30)) <= 2))).toBe(true);
    });
    test('the report says that counts are perturbed, and only when they are', () => {
        const perturbed = run('minimum 10  perturb cellkey max 2', 'een-geheim-van-de-gemeente', ['report', '--lang', 'en']);
        expect(perturbed.status, perturbed.stderr).toBe(0);
        expect(perturbed.stdout).toMatch(/deterministic deviation of at most 2 \(the cell key method/);
        const plain = run('minimum 10', undefined, ['report', '--lang', 'en']);
        expect(plain.stdout).toMatch(/A count below 10, before or after rounding, is hidden/);
        expect(plain.stdout).not.toMatch(/cell key/);
    });
});
