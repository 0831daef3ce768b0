/**
 * What the language can say, on PostgreSQL as on DuckDB: a monitor (test/fixtures/postgres-features)
 * with a derived column read by a sum and a transition (the row id through the subquery), a date
 * shifted by months, a median duration, events by month, half-years, code mapping since a date, names,
 * a pre-aggregated table with levels and `valid 1 year`, a rate. Its data COPYed into PostgreSQL; the
 * rows and the data-stage warnings (probes run in the PostgreSQL dialect) equal DuckDB's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './cli-helpers.js';
import { programOf } from './example-runs.js';
import { postgresBin, startCluster, type PgCluster } from './postgres-cluster.js';
import { copyProgramData, monitorWith, withTableSources } from './postgres-examples.js';
import { requireTool } from './require-tool.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/postgres-features/features.monitor');
const bin = postgresBin();
const run = requireTool('PostgreSQL (postgresql-15: initdb, pg_ctl, psql)', bin !== null);

describe.runIf(run)('every construct of the language on PostgreSQL', () => {
    let cluster: PgCluster;
    let copy: string;
    beforeAll(async () => {
        cluster = startCluster(bin!);
        await copyProgramData(cluster, await programOf(FIXTURE), 'feat');
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-pg-features-'));
        fs.writeFileSync(path.join(dir, '.monitor-root'), '');
        copy = path.join(dir, 'features.monitor');
        fs.writeFileSync(copy, withTableSources(fs.readFileSync(FIXTURE, 'utf8'), 'feat'));
    });
    afterAll(() => {
        cluster?.destroy();
        if (copy) fs.rmSync(path.dirname(copy), { recursive: true, force: true });
    });

    test('the same rows and the same warnings as DuckDB', async () => {
        const duck = await monitorWith(['run', FIXTURE]);
        expect(duck.code, duck.stderr).toBe(0);
        const pg = await monitorWith(['run', copy, '--engine', 'postgres'], cluster.env());
        expect(pg.code, pg.stderr).toBe(0);
        const rows = JSON.parse(pg.stdout) as { indicator: string }[];
        expect(new Set(rows.map((r) => r.indicator)).size).toBe(8);
        expect(rows).toEqual(JSON.parse(duck.stdout));
        const warnings = (text: string) => text.replace(/^\S*features\.monitor:/gm, '<file>:');
        expect(warnings(pg.stderr)).toBe(warnings(duck.stderr));
        expect(pg.stderr).toContain('data-breakdown-changed');
    });
});

describe('the feature fixture on DuckDB', () => {
    test('a transition on a source with a derived column reads the row id through the subquery (was a binder error)', async () => {
        const duck = await monitorWith(['run', FIXTURE, '--indicator', 'doorstroom']);
        expect(duck.code, duck.stderr).toBe(0);
        // By hand: a's verblijf ends 2024-06-30 and its ambulant starts 2024-07-10, within 30 days; no other.
        const rows = JSON.parse(duck.stdout) as { period: string; value: number }[];
        expect(rows.map((r) => [r.period, r.value])).toEqual([['2024-Q1', 0], ['2024-Q2', 1], ['2024-Q3', 0], ['2024-Q4', 0]]);
    });
});
