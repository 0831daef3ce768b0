/**
 * The examples on sharded PostgreSQL without Citus: a coordinator whose keyed tables are partitioned
 * by hash of the key, each partition a postgres_fdw foreign table on one of two shard servers. Per-key
 * work (stacking, transitions) stays correct because all rows of a key live in one partition; the
 * rows equal DuckDB's for every example; EXPLAIN VERBOSE shows what runs on the shards (scans with
 * their filters) and what on the coordinator (docs/scale.md). Skipped with the reason without PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleMonitors, programOf } from './example-runs.js';
import { postgresBin, startCluster, type PgCluster } from './postgres-cluster.js';
import { connectShards, copyProgramDataSharded, monitorWith, withTableSources } from './postgres-examples.js';
import { requireTool } from './require-tool.js';
import { planIndicators, POSTGRES } from '@monitor/compiler';

const bin = postgresBin();
const run = requireTool('PostgreSQL (postgresql-15: initdb, pg_ctl, psql)', bin !== null);

describe.runIf(run)('the examples on a coordinator with two postgres_fdw shards', () => {
    const clusters: PgCluster[] = [];
    const copies = new Map<string, string>();
    let work: string;
    beforeAll(async () => {
        for (let i = 0; i < 3; i++) clusters.push(startCluster(bin!));
        const [coordinator, ...shards] = clusters;
        connectShards(coordinator, shards);
        work = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-pg-sharded-'));
        fs.writeFileSync(path.join(work, '.monitor-root'), '');
        for (const file of exampleMonitors()) {
            const name = path.basename(file, '.monitor');
            const schema = `ex_${name.replaceAll('-', '_')}`;
            await copyProgramDataSharded(coordinator, shards, await programOf(file), schema);
            const copy = path.join(work, `${name}.monitor`);
            fs.writeFileSync(copy, withTableSources(fs.readFileSync(file, 'utf8'), schema));
            copies.set(file, copy);
        }
    }, 300_000);
    afterAll(() => {
        for (const c of clusters) c.destroy();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    test('every shard holds part of the rows of a keyed table', () => {
        const [coordinator, ...shards] = clusters;
        const total = Number(coordinator.psql('\\pset tuples_only on\nSELECT count(*) FROM ex_jeugd.trajecten;').trim());
        const parts = shards.map((s, i) => Number(s.psql(`\\pset tuples_only on\nSELECT count(*) FROM ex_jeugd.trajecten_p${i};`).trim()));
        expect(parts.every((n) => n > 0)).toBe(true);
        expect(parts[0] + parts[1]).toBe(total);
    });

    test('EXPLAIN VERBOSE: the shards scan (columns and row filters pushed down), the coordinator joins, aggregates and pairs transitions', async () => {
        const file = exampleMonitors().find((f) => f.endsWith('afschaling.monitor'))!;
        const plan = planIndicators(await programOf(copies.get(file)!), { dialect: POSTGRES });
        const sql = plan.indicators.find((i) => i.indicator === 'afschaling')!.query!.sql;
        const explained = clusters[0].psql(`EXPLAIN (VERBOSE, COSTS OFF) ${sql};`);
        const remote = [...explained.matchAll(/Remote SQL: (.*)/g)].map((m) => m[1]);
        // Each shard is scanned with the measure's columns and row filters (the A filter and the
        // covered dates; the B filter) in its remote SQL …
        for (const part of ['zorg_p0', 'zorg_p1']) {
            expect(remote.some((r) => r.includes(`FROM ex_afschaling.${part} WHERE`) && r.includes("zorgvorm = '24-uurs verblijf'") && r.includes("einddatum >= '2019-01-01'"))).toBe(true);
            expect(remote.some((r) => r.includes(`FROM ex_afschaling.${part} WHERE`) && r.includes('deeltijdverblijf'))).toBe(true);
        }
        // … and nothing else: no join, aggregate or grouping runs on a shard.
        expect(remote.length).toBeGreaterThanOrEqual(4);
        for (const r of remote) expect(r).not.toMatch(/\bJOIN\b|count\(|GROUP BY|bool_or/i);
        // The coordinator pairs A with B (same key, B another row: ctid) and aggregates.
        expect(explained).toMatch(/Join Filter: .*ctid <> .*ctid/);
        expect(explained).toMatch(/GroupAggregate/);
    });

    for (const file of exampleMonitors()) {
        const name = path.basename(file, '.monitor');
        test(`${name}: the same rows sharded as on DuckDB`, async () => {
            const duck = await monitorWith(['run', file]);
            expect(duck.code, duck.stderr).toBe(0);
            const pg = await monitorWith(['run', copies.get(file)!, '--engine', 'postgres'], clusters[0].env());
            expect(pg.code, pg.stderr).toBe(0);
            expect(JSON.parse(pg.stdout)).toEqual(JSON.parse(duck.stdout));
        });
    }
});
