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
import readline from 'node:readline';
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

const STATEMENT_TIMEOUT = '60min';
const NATIVE_TIMEOUT_MS = 2 * 3600_000;
const CHUNK_ROWS = 1_000_000;

/**
 * COPYs a CSV file with a header into `table` in chunks of CHUNK_ROWS rows, each its own `\\copy … FROM
 * STDIN` (10M episodes are 0.6 GB: no one COPY, no one buffer of the whole file).
 */
async function copyInChunks(cluster, table, file, progress) {
    const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    let chunk = [];
    let header = true;
    let copied = 0;
    const flush = () => {
        cluster.psql(['-c', `\\copy ${table} FROM pstdin WITH (FORMAT csv)`], chunk.join('\n') + '\n');
        copied += chunk.length;
        chunk = [];
        progress(copied);
    };
    for await (const line of lines) {
        if (header) { header = false; continue; }
        if (line === '') continue;
        chunk.push(line);
        if (chunk.length >= CHUNK_ROWS) flush();
    }
    if (chunk.length > 0) flush();
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
        psql: (args, input) => {
            const r = spawnSync(path.join(BIN, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args], { encoding: 'utf8', input, maxBuffer: 1 << 26, env: { ...process.env, ...env } });
            if (r.status !== 0) throw new Error(r.stderr || r.error?.message);
        },
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
            cluster.psql(['-c', `CREATE TABLE src_${source} (${columns.map((c) => `${c.name} ${PG_TYPE[c.type]}`).join(', ')})`]);
            await copyInChunks(cluster, `src_${source}`, path.join(scratch, file), (n) => log(`postgres ${rows / 1e6}M: ${source}: ${n.toLocaleString('en')} rows copied`));
            cluster.psql(['-c', `VACUUM ANALYZE src_${source}`]);
            loads.push({ source, ms: now() - t });
        }
        const client = new pg.Client({ host: cluster.env.PGHOST, user: cluster.env.PGUSER, database: cluster.env.PGDATABASE });
        await client.connect();
        await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        // A hang guard, not a deadline: 10M episodes take minutes per query on a shared 2-core machine.
        await client.query(`SET LOCAL statement_timeout = '${STATEMENT_TIMEOUT}'`);
        const loadBefore = os.loadavg()[0];
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
        const loadAfter = os.loadavg()[0];
        const native = spawnSync(process.execPath, [path.join(import.meta.dirname, 'scenario.mjs'), '--engine', 'native', '--monitor', duckMonitor,
            '--runs', String(runs), '--rows-out', path.join(scratch, 'native-rows.json')], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: NATIVE_TIMEOUT_MS });
        const duck = native.status === 0 ? JSON.parse(native.stdout.trim().split('\n').pop()) : null;
        for (const i of indicators) {
            const d = duck?.indicators.find((n) => n.indicator === i.indicator);
            i.nativeDuckdbMs = d ? d.generatedMs : null;
            i.postgresOverDuckdb = d ? i.generatedMs / d.generatedMs : null;
        }
        // The machine is shared: the 1-minute load average before and after the PostgreSQL queries says how busy it was.
        const load = { before: Math.round(loadBefore * 10) / 10, after: Math.round(loadAfter * 10) / 10, cores: os.cpus().length };
        return { rows, runs, loads, load, indicators, nativeError: duck ? null : (native.error?.message ?? (native.stderr || '').trim().split('\n').slice(-1)[0]) };
    } finally {
        cluster.destroy();
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

/** The PostgreSQL section: 1M episodes, and 10M with `large`; `rows` (a list of counts) instead of either. */
export async function postgresBench({ log, large = false, runs = 3, rows = null }) {
    if (!BIN) return { error: 'PostgreSQL (initdb) not found: skipped' };
    const out = [];
    for (const n of rows ?? (large ? [1_000_000, 10_000_000] : [1_000_000])) out.push(await benchRows(n, n > 1e6 ? 1 : runs, log));
    return { server: 'PostgreSQL 15, one server, shared_buffers 512MB, work_mem 256MB, 2 parallel workers, jit off', datasets: out };
}
