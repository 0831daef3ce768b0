/**
 * `npm run bench`: time to the first number (whole processes: the CLI, the language server's first
 * hover value, the preview's first chart; bench/first-number.mjs), compile time, and generated SQL
 * against hand-written SQL on DuckDB-WASM and native DuckDB, for the examples and a generated 1M-row
 * episode source (10M with --large). `--quick`: only the first-number table, 3 rounds.
 * Writes bench/results/latest.json and latest.md; every figure carries the machine it ran on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileTimes } from './compile.mjs';
import { generateEpisodes } from './generate-episodes.mjs';
import { firstNumberBench } from './first-number.mjs';
import { previewBench } from './preview.mjs';
import { lspBench } from './lsp.mjs';
import { postgresBench } from './postgres.mjs';
import { renderMarkdown } from './report.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
// `--rows 10000000` (with `--only postgres`): the PostgreSQL section on that many episodes (a comma-separated list for several).
const { values } = parseArgs({ options: { large: { type: 'boolean' }, quick: { type: 'boolean' }, runs: { type: 'string' }, rounds: { type: 'string' }, only: { type: 'string' }, rows: { type: 'string' } } });
// Rounds of the first-number table: every case once per round, interleaved.
const rounds = Number(values.rounds ?? (values.quick ? 3 : 5));
const require = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', p, 'package.json'), 'utf8'));
const log = (text) => process.stderr.write(`bench: ${text}\n`);

const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, platform: `${os.platform()} ${os.arch()}`,
    duckdbWasm: require('@duckdb/duckdb-wasm').version,
    duckdbNative: fs.existsSync(path.join(ROOT, 'node_modules/@duckdb/node-api')) ? require('@duckdb/node-api').version : null,
    date: new Date().toISOString(),
};

const examples = fs.readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
    // Not the generator, and not examples/cbs-almere (`.monitor-skip`: it reads ../shared with `--root ..`).
    .filter((e) => e.isDirectory() && e.name !== 'generate' && !fs.existsSync(path.join(ROOT, 'examples', e.name, '.monitor-skip')))
    .flatMap((e) => fs.readdirSync(path.join(ROOT, 'examples', e.name)).filter((f) => f.endsWith('.monitor')).map((f) => path.join('examples', e.name, f)));

// `--only first|preview|lsp|postgres`: that benchmark alone, merged into the last results (latest.json, latest.md).
const ALONE = {
    first: async (o) => ({ ...(await firstNumberBench({ ...o, rounds })), quick: values.quick ?? false }),
    preview: previewBench, lsp: lspBench,
    postgres: (o) => postgresBench({ ...o, large: values.large, runs: Number(values.runs ?? 3), rows: values.rows ? values.rows.split(',').map(Number) : null }),
};
// The first-number table is the quick benchmark.
if (values.quick && !values.only) values.only = 'first';
if (values.only) {
    if (!ALONE[values.only]) { log(`--only takes ${Object.keys(ALONE).join(' or ')}`); process.exit(2); }
    const file = path.join(import.meta.dirname, 'results/latest.json');
    const last = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { machine: {}, targets: {}, compile: [], results: [] };
    // This run's machine goes with the section: the rest of the file may come from another run.
    const key = values.only === 'first' ? 'firstNumber' : values.only;
    last[key] = { ...(await ALONE[values.only]({ log }).catch((error) => ({ error: String(error?.message ?? error).split('\n')[0] }))), machine };
    fs.writeFileSync(file, JSON.stringify(last, null, 2) + '\n');
    const md = renderMarkdown(last);
    fs.writeFileSync(path.join(import.meta.dirname, 'results/latest.md'), md);
    process.stdout.write(md);
    process.exit(0);
}

// First, while this benchmark has not yet warmed the machine: what a user waits for.
log('time to the first number');
const firstNumber = await firstNumberBench({ log, rounds }).catch((error) => ({ error: String(error?.message ?? error).split('\n')[0] }));
log('compile times');
const compile = [];
for (const file of examples) compile.push(await compileTimes(path.join(ROOT, file)));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bench-'));
// Queries on the examples take milliseconds: more runs steady their medians.
const datasets = examples.map((file) => ({ name: file, monitor: path.join(ROOT, file), runs: Number(values.runs ?? 15) }));
for (const rows of values.large ? [1_000_000, 10_000_000] : [1_000_000]) {
    log(`generating ${rows.toLocaleString('en')} episodes`);
    const monitor = generateEpisodes(path.join(scratch, String(rows)), rows);
    datasets.push({ name: `generated ${rows / 1e6}M episodes`, monitor, runs: rows > 1e6 ? 1 : Number(values.runs ?? 5), rows });
}

function sum(xs) { return xs.reduce((a, b) => a + b, 0); }

/** Runs one scenario in a child process; returns its JSON, or an error text. `native-1`: native on one thread. */
function scenario(dataset, engine) {
    const rowsOut = path.join(scratch, `rows-${engine}-${datasets.indexOf(dataset)}.json`);
    const [name, threads] = engine === 'native-1' ? ['native', ['--threads', '1']] : [engine, []];
    const run = spawnSync(process.execPath, [path.join(import.meta.dirname, 'scenario.mjs'), '--engine', name, ...threads, '--monitor', dataset.monitor,
        '--runs', String(dataset.runs), '--rows-out', rowsOut], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) return { error: (run.stderr || run.stdout).trim().split('\n').filter((l) => /Error/.test(l)).slice(-1)[0] ?? `exit ${run.status}` };
    return { ...JSON.parse(run.stdout.trim().split('\n').pop()), rowsFile: rowsOut };
}

/** WASM's times over another engine's, from the same run. */
function over(wasm, other) {
    return {
        load: sum(wasm.loads.map((l) => l.ms)) / sum(other.loads.map((l) => l.ms)),
        executeAll: wasm.executeAllMs / other.executeAllMs,
        perIndicator: Object.fromEntries(wasm.indicators.map((w) => [w.indicator, w.generatedMs / other.indicators.find((n) => n.indicator === w.indicator).generatedMs])),
    };
}

const results = [];
for (const dataset of datasets) {
    const byEngine = {};
    for (const engine of ['wasm', 'native', 'native-1']) {
        log(`${dataset.name} on ${engine}`);
        byEngine[engine] = scenario(dataset, engine);
    }
    const { wasm, native, 'native-1': native1 } = byEngine;
    const ran = [wasm, native, native1].filter((e) => !e.error);
    const bothRan = !wasm.error && !native.error;
    const identical = ran.length >= 2 ? ran.every((e) => fs.readFileSync(e.rowsFile, 'utf8') === fs.readFileSync(ran[0].rowsFile, 'utf8')) : null;
    const wasmOverNative = bothRan ? over(wasm, native) : null;
    const wasmOverNative1 = !wasm.error && !native1.error ? over(wasm, native1) : null;
    for (const r of ran) delete r.rowsFile;
    results.push({ dataset: dataset.name, rows: dataset.rows ?? null, wasm, native, native1, identicalRows: identical, wasmOverNative, wasmOverNative1 });
}
fs.rmSync(scratch, { recursive: true, force: true });

log('preview in headless Chromium');
const preview = await previewBench({ log });
log('language server over stdio');
const lsp = await lspBench({ log }).catch((error) => ({ error: String(error?.message ?? error).split('\n')[0] }));
log('PostgreSQL');
const postgres = await postgresBench({ log, large: values.large, runs: Number(values.runs ?? 3) }).catch((error) => ({ error: String(error?.message ?? error).split('\n')[0] }));
const report = { machine, targets: { generatedOverHand: 1.05, compileMs: 10, wasmOverNative: 2, postgresGeneratedOverHand: 1.1 }, firstNumber, compile, results, preview, lsp, postgres };
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results/latest.json'), JSON.stringify(report, null, 2) + '\n');
const md = renderMarkdown(report);
fs.writeFileSync(path.join(import.meta.dirname, 'results/latest.md'), md);
process.stdout.write(md);
