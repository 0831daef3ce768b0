/**
 * Names and values with quotes, semicolons, `$$` and comments, on a real PostgreSQL server with every
 * statement logged (`log_statement=all`): the monitor computes, the canary table survives, and the
 * server ran nothing but BEGIN, the generated SELECTs (WITH …) and ROLLBACK for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture } from './cli-helpers.js';
import { postgresBin, startCluster, type PgCluster } from './postgres-cluster.js';
import { monitorWith, pgIdent } from './postgres-examples.js';
import { requireTool } from './require-tool.js';

const bin = postgresBin();
const run = requireTool('PostgreSQL (postgresql-15: initdb, pg_ctl, psql)', bin !== null);

const TABLE = `t'; DROP TABLE canary; --$$"x`;
const KEY = `c"; DROP TABLE canary; --`;
const WIJK = `w'$$x/*`;
const VALUE = `x'); DROP TABLE canary; -- $$ /*`;

/** A monitor text's string literal: backslash and double quote escaped. */
const str = (text: string) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

const MONITOR = `monitor inj { grain quarter range 2024-Q1 .. 2024-Q4 privacy none "test data" }
source s from table ${str(`inj.${TABLE}`)} {
    episodes start begindatum end einddatum key \`${KEY}\`
    coverage 2024-01-01 .. 2024-12-31
    columns {
        \`${KEY}\` text
        soort text
        begindatum date
        einddatum date?
        \`${WIJK}\` text
    }
}
dimension wijk { s.\`${WIJK}\` }
indicator n {
    value count from s active at end where soort <> ${str(VALUE)}
    by wijk
}
`;

describe.runIf(run)('injection corpus against PostgreSQL', () => {
    let cluster: PgCluster;
    beforeAll(() => {
        cluster = startCluster(bin!, ['log_statement=all']);
        const t = `inj.${pgIdent(TABLE)}`;
        cluster.psql(`CREATE SCHEMA inj; CREATE TABLE canary (n int); CREATE TABLE inj.canary (n int);
CREATE TABLE ${t} (${pgIdent(KEY)} text, soort text, begindatum date, einddatum date, ${pgIdent(WIJK)} text);
INSERT INTO ${t} VALUES ('a', 'verblijf', '2024-01-10', NULL, 'noord'), ('b', $q$${VALUE}$q$, '2024-02-01', NULL, 'zuid');
`);
    });
    afterAll(() => cluster?.destroy());

    test('the monitor computes, the canary survives, and only BEGIN, SELECTs and ROLLBACK ran', async () => {
        const dir = fixture({ 'm.monitor': MONITOR, '.monitor-root': '' });
        const before = cluster.log().length;
        const r = await monitorWith(['run', path.join(dir, 'm.monitor'), '--engine', 'postgres'], cluster.env());
        expect(r.code, r.stderr).toBe(0);
        const rows = JSON.parse(r.stdout) as { period: string; wijk?: string; value: number }[];
        // Only 'a' counts (b's soort is the excluded value): 1 at the end of every quarter, in noord.
        expect(rows.filter((x) => x.wijk === undefined).map((x) => x.value)).toEqual([1, 1, 1, 1]);
        expect(rows.filter((x) => x.wijk === 'noord').map((x) => x.value)).toEqual([1, 1, 1, 1]);
        expect(cluster.psql(`SELECT count(*) FROM canary; SELECT count(*) FROM inj.canary;`)).toMatch(/0[\s\S]*0/);
        const statements = [...cluster.log().slice(before).matchAll(/LOG:\s+(?:statement|execute [^:]*):\s+(\S+)/g)].map((m) => m[1].toUpperCase());
        expect(statements.length).toBeGreaterThan(3);
        expect([...new Set(statements)].sort()).toEqual(['BEGIN', 'ROLLBACK', 'SELECT', 'WITH']);
        expect(fs.existsSync(dir)).toBe(true);
    });
});
