/**
 * The PostgreSQL section of `npm run bench` (`node bench/run.mjs --only postgres`, 10M too with
 * `--large`): the generated jeugd episodes (bench/generate-episodes.mjs) loaded with COPY into a
 * throwaway PostgreSQL cluster; per indicator the generated PostgreSQL SQL against hand-written
 * PostgreSQL SQL returning the same rows (bench/hand-queries.mjs, translated below), interleaved, in
 * one read-only transaction; and native DuckDB on the same data in the same run, for PostgreSQL ÷ DuckDB.
 */
import '@monitor/language/polyfill';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { NodeFileSystem } from 'langium/node';
import { createMonitorServices, importClosure, loadDocuments, lowerDocument } from '@monitor/language';
import { planIndicators, POSTGRES } from '@monitor/compiler';
import { generateEpisodes } from './generate-episodes.mjs';
import { HAND_QUERIES, keyedRows } from './hand-queries.mjs';

const BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'].find((d) => fs.existsSync(path.join(d, 'initdb')));
const PG_TYPE = { text: 'text', integer: 'bigint', decimal: 'double precision', date: 'date', boolean: 'boolean' };
const now = () => performance.now();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

/** The hand-written DuckDB SQL in PostgreSQL: interval literals, the quarter label, an alias on a subquery. */
export function toPostgres(sql) {
    return sql
        .replace("strftime(ps, '%Y') || '-Q' || quarter(ps)", "to_char(ps, 'YYYY') || '-Q' || to_char(ps, 'Q')")
        .replace("generate_series(DATE '2019-01-01', DATE '2026-10-01', INTERVAL 3 MONTH) AS t(ps)",
            "(SELECT CAST(g AS DATE) AS ps FROM generate_series(DATE '2019-01-01', DATE '2026-10-01', INTERVAL '3 months') AS g) AS t")
        .replace(/INTERVAL (\d+) (DAY|MONTH|YEAR)/g, "INTERVAL '$1 $2'")
        .replace('(SELECT DISTINCT wijk FROM src_trajecten)', '(SELECT DISTINCT wijk FROM src_trajecten) AS w');
}

/** A throwaway cluster in a temporary folder on a Unix socket (as `nobody` when run as root). */
function startCluster() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bench-pg-'));
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chmodSync(dir, 0o777);
    const server = (program, args) => {
        const [cmd, argv] = asRoot ? ['runuser', ['-u', 'nobody', '--', path.join(BIN, program), ...args]] : [path.join(BIN, program), args];
        const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
        if (r.status !== 0) throw new Error(`${program}: ${r.stderr || r.stdout}`);
    };
    const data = path.join(dir, 'data');
    server('initdb', ['-D', data, '-U', 'bench', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    // Settings for a 2-core, shared machine; the same for generated and hand-written SQL.
    server('pg_ctl', ['-D', data, '-o', `-k ${dir} -c listen_addresses='' -c shared_buffers=512MB -c work_mem=256MB -c max_parallel_workers_per_gather=2 -c jit=off`, '-l', path.join(dir, 'log'), '-w', 'start']);
    const env = { PGHOST: dir, PGUSER: 'bench', PGDATABASE: 'postgres' };
    return {
        env,
        psql: (args) => { const r = spawnSync(path.join(BIN, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args], { encoding: 'utf8', env: { ...process.env, ...env } }); if (r.status !== 0) throw new Error(r.stderr); },
        destroy: () => { try { server('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']); } finally { fs.rmSync(dir, { recursive: true, force: true }); } },
    };
}

/** Compiles a monitor file to a plan in `dialect` (PostgreSQL by default). */
async function compile(file, options = { dialect: POSTGRES }) {
    const { shared } = createMonitorServices(NodeFileSystem);
    const workspace = await loadDocuments(shared, [file]);
    const root = workspace.roots[0];
    const errors = workspace.all.flatMap((d) => d.diagnostics ?? []).filter((d) => d.severity === 1);
    if (errors.length > 0) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
    const program = lowerDocument(root, workspace, importClosure(root.uri, shared.workspace.LangiumDocuments));
    return { program, plan: planIndicators(program, options) };
}

/** One dataset: load with COPY, time every indicator (generated and hand-written), native DuckDB beside it. */
async function benchRows(rows, runs, log) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bench-pgdata-'));
    const cluster = startCluster();
    try {
        log(`postgres: generating ${rows.toLocaleString('en')} episodes`);
        const duckMonitor = generateEpisodes(scratch, rows);
        const text = fs.readFileSync(duckMonitor, 'utf8')
            .replace('from "data/jeugdhulp_trajecten.csv" {', 'from table "src_trajecten" {')
            .replace('from "data/bevolking_0_17.csv" {', 'from table "src_jongeren" {')
            .replace(/\n\s*format csv\n\s*header true/g, '');
        const pgMonitor = path.join(scratch, 'jeugd-pg.monitor');
        fs.writeFileSync(pgMonitor, text);
        const { program, plan } = await compile(pgMonitor);
        const loads = [];
        for (const [source, file] of [['trajecten', 'data/jeugdhulp_trajecten.csv'], ['jongeren', 'data/bevolking_0_17.csv']]) {
            const columns = program.sources.find((s) => s.name === source).columns.filter((c) => !c.expression);
            const t = now();
            cluster.psql(['-c', `CREATE TABLE src_${source} (${columns.map((c) => `${c.name} ${PG_TYPE[c.type]}`).join(', ')})`,
                '-c', `\\copy src_${source} FROM '${path.join(scratch, file)}' WITH (FORMAT csv, HEADER)`, '-c', `VACUUM ANALYZE src_${source}`]);
            loads.push({ source, ms: now() - t });
        }
        const client = new pg.Client({ host: cluster.env.PGHOST, user: cluster.env.PGUSER, database: cluster.env.PGDATABASE });
        await client.connect();
        await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const timed = async (sql) => { const t = now(); const r = await client.query(sql); return { ms: now() - t, rows: r.rows }; };
        const indicators = [];
        for (const ip of plan.indicators) {
            if (!ip.query) continue;
            log(`postgres ${rows / 1e6}M: ${ip.indicator}`);
            const hand = HAND_QUERIES[ip.indicator] ? toPostgres(HAND_QUERIES[ip.indicator]) : null;
            const g = [], h = [];
            let same = null;
            for (let i = 0; i < runs; i++) {
                const gr = await timed(ip.query.sql);
                g.push(gr.ms);
                if (hand) {
                    const hr = await timed(hand);
                    h.push(hr.ms);
                    if (i === 0) same = JSON.stringify(keyedRows(gr.rows)) === JSON.stringify(keyedRows(hr.rows));
                }
            }
            indicators.push({ indicator: ip.indicator, generatedMs: median(g), handMs: hand ? median(h) : null, ratio: hand ? median(g) / median(h) : null, sameRows: same });
        }
        await client.query('ROLLBACK');
        await client.end();
        log(`postgres ${rows / 1e6}M: native DuckDB on the same files`);
        const native = spawnSync(process.execPath, [path.join(import.meta.dirname, 'scenario.mjs'), '--engine', 'native', '--monitor', duckMonitor,
            '--runs', String(runs), '--rows-out', path.join(scratch, 'native-rows.json')], { encoding: 'utf8', maxBuffer: 1 << 26 });
        const duck = native.status === 0 ? JSON.parse(native.stdout.trim().split('\n').pop()) : null;
        for (const i of indicators) {
            const d = duck?.indicators.find((n) => n.indicator === i.indicator);
            i.nativeDuckdbMs = d ? d.generatedMs : null;
            i.postgresOverDuckdb = d ? i.generatedMs / d.generatedMs : null;
        }
        return { rows, runs, loads, indicators, nativeError: duck ? null : (native.stderr || '').trim().split('\n').slice(-1)[0] };
    } finally {
        cluster.destroy();
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

/** The PostgreSQL section: 1M episodes, and 10M with `large`. */
export async function postgresBench({ log, large = false, runs = 3 }) {
    if (!BIN) return { error: 'PostgreSQL (initdb) not found: skipped' };
    const out = [];
    for (const rows of large ? [1_000_000, 10_000_000] : [1_000_000]) out.push(await benchRows(rows, rows > 1e6 ? 1 : runs, log));
    return { server: 'PostgreSQL 15, one server, shared_buffers 512MB, work_mem 256MB, 2 parallel workers, jit off', datasets: out };
}
