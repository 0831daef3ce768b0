/**
 * Every example on a real PostgreSQL server: its data COPYed into tables, a copy of the monitor with
 * table sources, `monitor run --engine postgres` gives the same JSON rows (after disclosure control)
 * as `monitor run` on DuckDB-WASM; `monitor check` and `monitor report` work with the engine too.
 * Skips with a printed reason without PostgreSQL, except with MONITOR_REQUIRE_ALL=1 (.ci/run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleMonitors, programOf } from './example-runs.js';
import { postgresBin, startCluster, type PgCluster } from './postgres-cluster.js';
import { copyProgramData, monitorWith, withTableSources } from './postgres-examples.js';
import { requireTool } from './require-tool.js';

const bin = postgresBin();
const run = requireTool('PostgreSQL (postgresql-15: initdb, pg_ctl, psql)', bin !== null);

describe.runIf(run)('the examples on PostgreSQL', () => {
    let cluster: PgCluster;
    const copies = new Map<string, string>();
    let work: string;

    beforeAll(async () => {
        cluster = startCluster(bin!);
        work = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-pg-examples-'));
        fs.writeFileSync(path.join(work, '.monitor-root'), '');
        for (const file of exampleMonitors()) {
            const name = path.basename(file, '.monitor');
            const schema = `ex_${name.replaceAll('-', '_')}`;
            await copyProgramData(cluster, await programOf(file), schema);
            const copy = path.join(work, `${name}.monitor`);
            fs.writeFileSync(copy, withTableSources(fs.readFileSync(file, 'utf8'), schema));
            copies.set(file, copy);
        }
    });
    afterAll(() => {
        cluster?.destroy();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    for (const file of exampleMonitors()) {
        const name = path.basename(file, '.monitor');
        test(`${name}: the same rows on PostgreSQL as on DuckDB`, async () => {
            const duck = await monitorWith(['run', file]);
            expect(duck.code, duck.stderr).toBe(0);
            const pg = await monitorWith(['run', copies.get(file)!, '--engine', 'postgres'], cluster.env());
            expect(pg.stderr.split('\n').filter((l) => / error /.test(l))).toEqual([]);
            expect(pg.code, pg.stderr).toBe(0);
            const rows = JSON.parse(pg.stdout) as unknown[];
            expect(rows.length).toBeGreaterThan(0);
            expect(rows).toEqual(JSON.parse(duck.stdout));
        });
    }

    test('monitor check --engine postgres passes every example copy, and report writes a page', async () => {
        const check = await monitorWith(['check', work, '--engine', 'postgres'], cluster.env());
        expect(check.stdout.split('\n').filter((l) => / error /.test(l))).toEqual([]);
        expect(check.code, check.stdout + check.stderr).toBe(0);
        const out = path.join(work, 'report.html');
        const jeugd = [...copies.values()].find((c) => c.endsWith('jeugd.monitor'))!;
        const report = await monitorWith(['report', jeugd, '--engine', 'postgres', '--out', out], cluster.env());
        expect(report.code, report.stderr).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).toContain('<svg');
    });
});
