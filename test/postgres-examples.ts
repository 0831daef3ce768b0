/**
 * The examples in PostgreSQL: each source's rows as DuckDB loads them (every data-stage check and
 * conversion applied) are written with COPY into a table `<schema>.<source>`, and a copy of the
 * monitor reads them as table sources (`from table "<schema>.<source>"`, the file options removed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeEngine } from '@monitor/engine';
import type { ColumnType, ProgramIR } from '@monitor/ir';
import type { PgCluster } from './postgres-cluster.js';
import { monitorInProcess, ROOT, type CliResult } from './cli-helpers.js';

const PG_TYPE: Record<ColumnType, string> = { text: 'text', integer: 'bigint', decimal: 'double precision', date: 'date', boolean: 'boolean' };

/** A PostgreSQL identifier, quoted. */
export function pgIdent(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
}

/** One CSV field for COPY: NULL unquoted and empty, everything else quoted. */
function csvField(value: unknown): string {
    if (value === null || value === undefined) return '';
    return `"${String(value).replaceAll('"', '""')}"`;
}

/** Loads every source of `program` into DuckDB, then into `schema` on the cluster with COPY. */
export async function copyProgramData(cluster: PgCluster, program: ProgramIR, schema: string): Promise<void> {
    const engine = await createNodeEngine();
    const script = [`DROP SCHEMA IF EXISTS ${pgIdent(schema)} CASCADE;`, `CREATE SCHEMA ${pgIdent(schema)};`];
    try {
        for (const source of program.sources) {
            const file = path.resolve(path.dirname(fileURLToPath(source.declaredIn)), source.path);
            const issues = await engine.loadSource(source, new Uint8Array(fs.readFileSync(file)));
            if (issues.some((i) => i.severity === 'error')) throw new Error(`${source.name}: ${issues[0].message}`);
            const rows = await engine.query(`SELECT * FROM ${pgIdent(`src_${source.name}`)}`);
            const columns = source.columns.filter((c) => !c.expression);
            const table = `${pgIdent(schema)}.${pgIdent(source.name)}`;
            script.push(`CREATE TABLE ${table} (${columns.map((c) => `${pgIdent(c.name)} ${PG_TYPE[c.type]}`).join(', ')});`);
            script.push(`COPY ${table} (${columns.map((c) => pgIdent(c.name)).join(', ')}) FROM STDIN WITH (FORMAT csv);`);
            for (const row of rows) script.push(columns.map((c) => csvField(row[c.name])).join(','));
            script.push('\\.');
        }
    } finally {
        await engine.close();
    }
    cluster.psql(script.join('\n') + '\n');
}

/** The monitor text with each file source turned into a table source in `schema` and the file options removed. */
export function withTableSources(text: string, schema: string): string {
    const out: string[] = [];
    let inSource = false;
    for (const line of text.split('\n')) {
        const head = /^(\s*source\s+(\w+)\s+from\s+)"[^"]*"(.*)$/.exec(line);
        if (head) {
            out.push(`${head[1]}table "${schema}.${head[2]}"${head[3]}`);
            inSource = true;
            continue;
        }
        if (inSource && /^\s*(format|header|delimiter|decimal|nulls|dateformat|trim)\b/.test(line)) continue;
        if (/^}/.test(line)) inSource = false;
        out.push(line);
    }
    return out.join('\n');
}

/**
 * Runs `monitor …args` with extra environment variables (the PG* connection), in this process as the
 * child process would (`monitorInProcess`, cli-helpers.ts): no Node and DuckDB-WASM start per call.
 */
export function monitorWith(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<CliResult> {
    return monitorInProcess(args, cwd, env);
}

/**
 * The same as `copyProgramData`, sharded: a source with a key (episodes, events with `key`) becomes a
 * table partitioned by hash of its key on the coordinator, each of its two partitions a
 * `postgres_fdw` foreign table on one shard; other sources stay on the coordinator. Rows go in
 * through a local staging table and one INSERT per source (postgres_fdw batches it).
 */
export async function copyProgramDataSharded(coordinator: PgCluster, shards: PgCluster[], program: ProgramIR, schema: string): Promise<void> {
    await copyProgramData(coordinator, program, `${schema}_staging`);
    const s = pgIdent(schema);
    for (const shard of shards) shard.psql(`DROP SCHEMA IF EXISTS ${s} CASCADE; CREATE SCHEMA ${s};`);
    const script = [`DROP SCHEMA IF EXISTS ${s} CASCADE;`, `CREATE SCHEMA ${s};`];
    for (const source of program.sources) {
        const columns = source.columns.filter((c) => !c.expression);
        const ddl = columns.map((c) => `${pgIdent(c.name)} ${PG_TYPE[c.type]}`).join(', ');
        const table = `${s}.${pgIdent(source.name)}`;
        const key = source.shape.kind === 'episodes' || source.shape.kind === 'events' ? source.shape.key : null;
        if (!key) {
            script.push(`CREATE TABLE ${table} AS SELECT * FROM ${pgIdent(`${schema}_staging`)}.${pgIdent(source.name)};`);
            continue;
        }
        script.push(`CREATE TABLE ${table} (${ddl}) PARTITION BY HASH (${pgIdent(key)});`);
        shards.forEach((shard, i) => {
            const part = pgIdent(`${source.name}_p${i}`);
            shard.psql(`CREATE TABLE ${s}.${part} (${ddl});`);
            script.push(`CREATE FOREIGN TABLE ${s}.${part} PARTITION OF ${table} FOR VALUES WITH (MODULUS ${shards.length}, REMAINDER ${i})
  SERVER shard${i} OPTIONS (schema_name '${schema}', table_name '${source.name}_p${i}');`);
        });
        script.push(`INSERT INTO ${table} SELECT * FROM ${pgIdent(`${schema}_staging`)}.${pgIdent(source.name)};`);
    }
    script.push(`DROP SCHEMA ${pgIdent(`${schema}_staging`)} CASCADE;`);
    coordinator.psql(script.join('\n') + '\n');
}

/** Makes `coordinator` reach each shard through postgres_fdw (servers `shard0`, `shard1`, …). */
export function connectShards(coordinator: PgCluster, shards: PgCluster[]): void {
    coordinator.psql(['CREATE EXTENSION postgres_fdw;', ...shards.flatMap((shard, i) => {
        const env = shard.env();
        return [
            `CREATE SERVER shard${i} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '${env.PGHOST}', port '${env.PGPORT}', dbname '${env.PGDATABASE}', batch_size '1000');`,
            `CREATE USER MAPPING FOR CURRENT_USER SERVER shard${i} OPTIONS (user '${env.PGUSER}', password '${env.PGPASSWORD}');`,
        ];
    })].join('\n') + '\n');
}
