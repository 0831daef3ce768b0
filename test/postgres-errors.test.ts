/**
 * The PostgreSQL engine's failures against a real server, each a diagnostic with its code, a position
 * and exit 1, never a stack trace or a password: a role with SELECT only computes; wrong password,
 * missing table, missing column, a column of the wrong type, a role without SELECT, a query over the
 * statement timeout, a file source, and a stopped server are refused. Table sources on DuckDB and the
 * usage errors of the options need no server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, SMALL_DATA, SMALL_MONITOR } from './cli-helpers.js';
import { postgresBin, startCluster, SUPERUSER, type PgCluster } from './postgres-cluster.js';
import { monitorWith } from './postgres-examples.js';
import { requireTool } from './require-tool.js';

const bin = postgresBin();
const run = requireTool('PostgreSQL (postgresql-15: initdb, pg_ctl, psql)', bin !== null);

/** SMALL_MONITOR reading the table `table` instead of its file. */
function tableMonitor(table: string): string {
    return SMALL_MONITOR.replace('source trajecten from "data/trajecten.csv" {', `source trajecten from table "${table}" {`);
}

/** A folder with the monitor as `m.monitor` (and the small CSV, for the DuckDB comparison). */
function folder(text: string): string {
    return fixture({ 'm.monitor': text, 'data/trajecten.csv': SMALL_DATA, '.monitor-root': '' });
}

/** The codes of the diagnostics in CLI text output (`file:line:col: error <code> …`). */
function codes(output: string): string[] {
    return [...output.matchAll(/:\d+:\d+: (?:error|warning) ([a-z-]+)/g)].map((m) => m[1]);
}

const WRONG_PASSWORD = 'wr0ng-Pa55word-xyz';


describe.runIf(run)('the PostgreSQL engine against a real server', () => {
    let cluster: PgCluster;
    beforeAll(() => {
        cluster = startCluster(bin!);
        const rows = SMALL_DATA.trim().split('\n').slice(1).map((l) => l.split(',').map((v) => (v === '' ? '' : `"${v}"`)).join(','));
        cluster.psql(`CREATE SCHEMA e;
CREATE TABLE e.trajecten (client_id text, voorziening text, begindatum date, einddatum date, wijk text);
COPY e.trajecten FROM STDIN WITH (FORMAT csv);
${rows.join('\n')}
\\.
CREATE TABLE e.typed (client_id text, voorziening text, begindatum date, einddatum date, wijk integer);
CREATE TABLE e.renamed (client_id text, voorziening text, begindatum date, einddatum date, wijkcode text);
CREATE VIEW e.v_trajecten AS SELECT * FROM e.trajecten;
CREATE MATERIALIZED VIEW e.m_trajecten AS SELECT * FROM e.trajecten;
CREATE VIEW e.slow AS SELECT t.* FROM e.trajecten AS t CROSS JOIN LATERAL (SELECT pg_sleep(1)) AS s;
CREATE ROLE reader LOGIN PASSWORD 'reader-pw';
GRANT USAGE ON SCHEMA e TO reader;
GRANT SELECT ON e.trajecten TO reader;
CREATE ROLE nobody_reads LOGIN PASSWORD 'nobody-pw';
GRANT USAGE ON SCHEMA e TO nobody_reads;
`);
    });
    afterAll(() => cluster?.destroy());

    test('a role with SELECT only computes the same rows as DuckDB from the file', async () => {
        const dir = folder(tableMonitor('e.trajecten'));
        const pg = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres'], cluster.env('reader', 'reader-pw'));
        expect(pg.code, pg.stderr).toBe(0);
        const duck = await monitorWith(['run', path.join(fixture({ 'm.monitor': SMALL_MONITOR, 'data/trajecten.csv': SMALL_DATA }), 'm.monitor')]);
        expect(JSON.parse(pg.stdout)).toEqual(JSON.parse(duck.stdout));
    });

    test('a view with a derived column computes: the row id (which a view lacks) is read only for transitions', async () => {
        const text = tableMonitor('e.v_trajecten').replace('        wijk text\n', '        wijk text\n        buurt text = trim(wijk)\n');
        expect(text).toContain('buurt text = trim(wijk)');
        const r = await monitorWith(['run', path.join(folder(text), 'm.monitor'), '--engine', 'postgres'], cluster.env());
        expect(r.code, r.stderr).toBe(0);
        expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThan(0);
    });

    test('a transition over a view is data-pg-view-transition at the table name, before any query; over a table or a materialized view it computes', async () => {
        const transition = `indicator doorstroom {
    title "Van verblijf naar ambulant"
    value transitions from trajecten where voorziening = "verblijf" to where voorziening = "ambulant" within 30 days
    desired up
}
`;
        const view = await monitorWith(['run', path.join(folder(tableMonitor('e.v_trajecten') + transition), 'm.monitor'), '--engine', 'postgres'], cluster.env());
        expect(view.code).toBe(1);
        expect(codes(view.stderr)).toEqual(['data-pg-view-transition']);
        expect(view.stderr).toMatch(/m\.monitor:6:\d+: error data-pg-view-transition/);
        expect(view.stderr).not.toMatch(/\bat .*\.js:\d+/);
        const table = await monitorWith(['run', path.join(folder(tableMonitor('e.trajecten') + transition), 'm.monitor'), '--engine', 'postgres'], cluster.env());
        expect(table.code, table.stderr).toBe(0);
        const duck = await monitorWith(['run', path.join(folder(SMALL_MONITOR + transition), 'm.monitor')]);
        expect(JSON.parse(table.stdout)).toEqual(JSON.parse(duck.stdout));
        const materialized = await monitorWith(['run', path.join(folder(tableMonitor('e.m_trajecten') + transition), 'm.monitor'), '--engine', 'postgres'], cluster.env());
        expect(materialized.code, materialized.stderr).toBe(0);
        expect(JSON.parse(materialized.stdout)).toEqual(JSON.parse(duck.stdout));
    });

    test('a wrong password is data-pg-auth, and the password is in no output', async () => {
        const dir = folder(tableMonitor('e.trajecten'));
        const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres'], cluster.env(SUPERUSER.user, WRONG_PASSWORD));
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-pg-auth']);
        expect(r.stdout + r.stderr).not.toContain(WRONG_PASSWORD);
        expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    });

    test('a connection string in the variable named by --pg-url-env: its password is in no output either', async () => {
        const dir = folder(tableMonitor('e.trajecten'));
        const url = `postgresql://${SUPERUSER.user}:${WRONG_PASSWORD}@/postgres?host=${encodeURIComponent(cluster.dir)}`;
        const env = { MONITOR_TEST_PG_URL: url, PGPASSWORD: '', PGHOST: '', PGUSER: '' };
        const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres', '--pg-url-env', 'MONITOR_TEST_PG_URL'], env);
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-pg-auth']);
        expect(r.stdout + r.stderr).not.toContain(WRONG_PASSWORD);
        const good = url.replace(WRONG_PASSWORD, encodeURIComponent(SUPERUSER.password));
        const ok = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres', '--pg-url-env', 'MONITOR_TEST_PG_URL'], { ...env, MONITOR_TEST_PG_URL: good });
        expect(ok.code, ok.stderr).toBe(0);
    });

    test('a missing table is data-pg-missing-table at the table name', async () => {
        const dir = folder(tableMonitor('e.bestaat_niet'));
        const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres'], cluster.env());
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-pg-missing-table']);
        expect(r.stderr).toMatch(/m\.monitor:6:\d+: error data-pg-missing-table/);
    });

    test('a declared column the table lacks is data-missing-column at the column, with the nearest name', async () => {
        const dir = folder(tableMonitor('e.renamed'));
        const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres'], cluster.env());
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-missing-column']);
        expect(r.stderr).toContain("'wijkcode'");
        expect(r.stderr).toMatch(/m\.monitor:13:\d+: error/);
    });

    test('a column of the wrong type is data-type-mismatch at the column', async () => {
        const dir = folder(tableMonitor('e.typed'));
        const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres'], cluster.env());
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-type-mismatch']);
        expect(r.stderr).toMatch(/m\.monitor:13:\d+: error data-type-mismatch .*integer/);
    });

    test('a role without SELECT is data-pg-permission', async () => {
        const dir = folder(tableMonitor('e.trajecten'));
        const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres'], cluster.env('nobody_reads', 'nobody-pw'));
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-pg-permission']);
    });

    test('a query over --pg-statement-timeout is stopped by the server: data-pg-timeout', async () => {
        const dir = folder(tableMonitor('e.slow'));
        const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres', '--pg-statement-timeout', '1'], cluster.env());
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-pg-timeout']);
    });

    test('perturb cellkey on the PostgreSQL engine is refused: data-pg-cellkey at the perturb line; without it the table computes', async () => {
        const perturbed = tableMonitor('e.trajecten').replace('privacy none "testgegevens"', 'privacy { minimum 10  round 5  perturb cellkey max 2 }');
        expect(perturbed).toContain('perturb cellkey');
        const env = { ...cluster.env(), MONITOR_CELLKEY_SECRET: 'a-long-enough-test-secret-0123456789' };
        const r = await monitorWith(['run', path.join(folder(perturbed), 'm.monitor'), '--engine', 'postgres'], env);
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-pg-cellkey']);
        expect(r.stderr).toMatch(/m\.monitor:\d+:\d+: error data-pg-cellkey/);
        const plain = perturbed.replace('  perturb cellkey max 2', '');
        expect((await monitorWith(['run', path.join(folder(plain), 'm.monitor'), '--engine', 'postgres'], env)).code).toBe(0);
    });

    test('a file source on the PostgreSQL engine is refused: data-file-source-postgres', async () => {
        const dir = folder(SMALL_MONITOR);
        const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres'], cluster.env());
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-file-source-postgres']);
    });

    test('a stopped server is data-pg-unreachable', async () => {
        const dir = folder(tableMonitor('e.trajecten'));
        cluster.stop();
        try {
            const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres'], cluster.env());
            expect(r.code).toBe(1);
            expect(codes(r.stderr)).toEqual(['data-pg-unreachable']);
            expect(r.stdout + r.stderr).not.toContain(SUPERUSER.password);
        } finally {
            cluster.start();
        }
    });
});

describe('table sources without PostgreSQL', () => {
    test('on DuckDB a table source is data-table-source-needs-postgres at the table name; a file source is not', async () => {
        const dir = folder(tableMonitor('e.trajecten'));
        const r = await monitorWith(['run', path.join(dir, 'm.monitor')]);
        expect(r.code).toBe(1);
        expect(codes(r.stderr)).toEqual(['data-table-source-needs-postgres']);
        expect(r.stderr).toMatch(/m\.monitor:6:\d+: error/);
        const file = await monitorWith(['run', path.join(folder(SMALL_MONITOR), 'm.monitor')]);
        expect(file.code, file.stderr).toBe(0);
    });

    test('a monitor of a file and a table source is sources-mixed at the table name on every engine, before any connection', async () => {
        const mixed = `${tableMonitor('e.trajecten')}source extra from "data/trajecten.csv" {
    table
    columns { client_id text }
}
`;
        const m = path.join(folder(mixed), 'm.monitor');
        for (const engine of [[], ['--engine', 'postgres']]) {
            // No PG* variable is set: a connection attempt would be data-pg-unreachable, not this.
            const r = await monitorWith(['check', m, ...engine], { PGHOST: '/nonexistent-monitor-test', PGDATABASE: 'x', PGUSER: 'x' });
            expect(r.code, engine.join(' ')).toBe(1);
            expect(codes(r.stdout + r.stderr), engine.join(' ')).toEqual(['sources-mixed']);
            expect(r.stdout + r.stderr).toMatch(/m\.monitor:6:\d+: error sources-mixed/);
        }
    });

    test('--pg-url-env must name a variable that is set, and needs --engine postgres', async () => {
        const m = path.join(folder(tableMonitor('e.trajecten')), 'm.monitor');
        const unset = await monitorWith(['run', m, '--engine', 'postgres', '--pg-url-env', 'MONITOR_NOT_SET_ANYWHERE']);
        expect(unset.code).toBe(2);
        expect(unset.stderr).toContain('MONITOR_NOT_SET_ANYWHERE');
        const url = await monitorWith(['run', m, '--engine', 'postgres', '--pg-url-env', 'postgresql://u:secret@h/db']);
        expect(url.code).toBe(2);
        expect(url.stderr).not.toContain('secret');
        const other = await monitorWith(['run', m, '--pg-url-env', 'HOME']);
        expect(other.code).toBe(2);
        const service = await monitorWith(['run', m, '--engine', 'postgres'], { PGSERVICE: 'warehouse' });
        expect(service.code).toBe(2);
        expect(service.stderr).toContain('PGSERVICE');
        expect(fs.existsSync(m)).toBe(true);
    });
});
