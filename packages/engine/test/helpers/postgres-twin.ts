/**
 * The engine tests' hand-written checks on PostgreSQL too: `attachPostgres` starts a throwaway cluster
 * (test/postgres-cluster.ts), copies the DuckDB engine's loaded tables (`src_<name>`) into it with
 * COPY, and from then on `runTotals` (helpers/compare.ts) also runs the PostgreSQL-dialect plan there
 * and expects the same rows. Without PostgreSQL it prints why and does nothing (MONITOR_REQUIRE_ALL=1:
 * a failure).
 */
import type { SourceIR } from '@monitor/ir';
import { createPostgresEngine } from '../../src/create-postgres-engine.js';
import type { Engine } from '../../src/engine-types.js';
import { postgresBin, startCluster, SUPERUSER, type PgCluster } from '../../../../test/postgres-cluster.js';
import { requireTool } from '../../../../test/require-tool.js';

const PG_TYPE = { text: 'text', integer: 'bigint', decimal: 'double precision', date: 'date', boolean: 'boolean' } as const;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const field = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replaceAll('"', '""')}"`);

let twin: { cluster: PgCluster; engine: Engine } | null = null;

/** The PostgreSQL engine of the attached cluster, or null when none is attached. */
export function postgresTwin(): Engine | null {
    return twin?.engine ?? null;
}

/** Starts a cluster with the DuckDB engine's tables of `sources`; false (and nothing) without PostgreSQL. */
export async function attachPostgres(duck: Engine, sources: SourceIR[]): Promise<boolean> {
    const bin = postgresBin();
    if (!requireTool('PostgreSQL (postgresql-15) for the hand-written checks on PostgreSQL', bin !== null)) return false;
    const cluster = startCluster(bin!);
    const script: string[] = [];
    for (const source of sources) {
        const columns = source.columns.filter((c) => !c.expression);
        const table = ident(`src_${source.name}`);
        script.push(`CREATE TABLE ${table} (${columns.map((c) => `${ident(c.name)} ${PG_TYPE[c.type]}`).join(', ')});`);
        script.push(`COPY ${table} (${columns.map((c) => ident(c.name)).join(', ')}) FROM STDIN WITH (FORMAT csv);`);
        for (const row of await duck.query(`SELECT * FROM ${table}`)) script.push(columns.map((c) => field(row[c.name])).join(','));
        script.push('\\.');
    }
    cluster.psql(script.join('\n') + '\n');
    const url = `postgresql://${SUPERUSER.user}:${encodeURIComponent(SUPERUSER.password)}@/postgres?host=${encodeURIComponent(cluster.dir)}`;
    twin = { cluster, engine: await createPostgresEngine({ connectionString: url }) };
    return true;
}

/** Closes the twin engine and removes its cluster. */
export async function detachPostgres(): Promise<void> {
    const t = twin;
    twin = null;
    if (!t) return;
    await t.engine.close();
    t.cluster.destroy();
}
