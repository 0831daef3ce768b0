/**
 * One benchmark scenario in its own process (so its peak RSS is its own): compile a monitor, load
 * its data into one engine, then time each indicator's generated SQL against the hand-written SQL
 * on the same engine, interleaved. Prints one JSON object on stdout.
 * `node bench/scenario.mjs --engine wasm|native [--threads N] --monitor FILE --runs N --rows-out FILE`
 * (`--threads 1`: native DuckDB on one thread, like DuckDB-WASM, to tell threads from WASM apart).
 */
import '@monitor/language/polyfill';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { createMonitorServices, importClosure, loadDocuments, lowerDocument } from '@monitor/language';
import { planIndicators } from '@monitor/compiler';
import { createNodeEngine, executePlan } from '@monitor/engine';
import { HAND_QUERIES, keyedRows } from './hand-queries.mjs';

const { values } = parseArgs({ options: { engine: { type: 'string' }, threads: { type: 'string' }, monitor: { type: 'string' }, runs: { type: 'string' }, 'rows-out': { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const now = () => performance.now();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

// Compile (cold: the first compile in a fresh process, Langium included).
let t = now();
const { shared } = createMonitorServices(NodeFileSystem);
const workspace = await loadDocuments(shared, [path.resolve(values.monitor)]);
const root = workspace.roots[0];
const errors = workspace.all.flatMap((d) => d.diagnostics ?? []).filter((d) => d.severity === 1);
if (errors.length > 0) throw new Error(`${values.monitor} has errors: ${errors.map((e) => e.message).join('; ')}`);
const program = lowerDocument(root, workspace, importClosure(root.uri, shared.workspace.LangiumDocuments));
const plan = planIndicators(program);
const coldCompileMs = now() - t;

t = now();
const engine = values.engine === 'native'
    ? await (await import('@monitor/engine/native')).createNativeEngine()
    : await createNodeEngine();
const startMs = now() - t;
if (values.threads) await engine.query(`SET threads = ${Number(values.threads)}`);

const loads = [];
for (const source of program.sources) {
    const file = path.resolve(path.dirname(fileURLToPath(source.declaredIn)), source.path);
    const bytes = fs.readFileSync(file);
    t = now();
    const issues = await engine.loadSource(source, bytes);
    loads.push({ source: source.name, bytes: bytes.length, ms: now() - t });
    if (issues.some((i) => i.severity === 'error')) throw new Error(`${source.name}: ${issues.map((i) => i.message).join('; ')}`);
}
await engine.lock();
const rowCount = {};
for (const s of program.sources) rowCount[s.name] = Number((await engine.query(`SELECT count(*) AS n FROM "src_${s.name}"`))[0].n);

const indicators = [];
for (const ip of plan.indicators) {
    if (!ip.query) continue;
    const hand = HAND_QUERIES[ip.indicator];
    const generated = [];
    const written = [];
    const planned = [];
    const handPlanned = [];
    const gen = await engine.query(ip.query.sql);
    const ref = hand ? await engine.query(hand) : null;
    for (let i = 0; i < runs; i++) {
        t = now(); await engine.query(ip.query.sql); generated.push(now() - t);
        if (hand) { t = now(); await engine.query(hand); written.push(now() - t); }
        // Planning alone (parse, bind, optimize): PREPARE plans a statement without running it.
        t = now(); await engine.query(`PREPARE bench_q AS ${ip.query.sql}`); planned.push(now() - t);
        if (hand) { t = now(); await engine.query(`PREPARE bench_q AS ${hand}`); handPlanned.push(now() - t); }
    }
    const same = ref ? JSON.stringify(keyedRows(gen)) === JSON.stringify(keyedRows(ref)) : null;
    indicators.push({
        indicator: ip.indicator, generatedMs: median(generated), handMs: hand ? median(written) : null,
        planMs: median(planned), handPlanMs: hand ? median(handPlanned) : null,
        ratio: hand ? median(generated) / median(written) : null, handMatches: same,
    });
}

t = now();
const rows = await executePlan(engine, plan);
const executeAllMs = now() - t;
if (values['rows-out']) fs.writeFileSync(values['rows-out'], JSON.stringify(rows));
await engine.close();

process.stdout.write(JSON.stringify({
    engine: values.engine, threads: values.threads ? Number(values.threads) : null, monitor: values.monitor, runs, coldCompileMs, startMs, loads, rowCount, indicators, executeAllMs,
    resultRows: rows.length, peakRssMb: process.resourceUsage().maxRSS / 1024,
}) + '\n');
