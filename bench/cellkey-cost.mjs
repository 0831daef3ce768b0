/**
 * The cost of `perturb cellkey` to the reader, and what it buys against attack 10 of issue 14.
 * `node bench/cellkey-cost.mjs [--max 2] [--secrets 200]` (after `npm run build`); prints Markdown.
 *
 * 1. Every example (not the generator, not folders with `.monitor-skip`) through the real pipeline
 *    (language → compiler → DuckDB-WASM → disclosure control), once with its own privacy rules and
 *    once with `perturb cellkey max D` added: per count cell (a count indicator's value, a rate's count
 *    parts), the mean absolute deviation of the published count from the raw one, off and on, and
 *    the noise alone (minimum 0, round 1). Also how often a breakdown's shown cells no longer add up
 *    to its shown total.
 * 2. Attack 10 (a threshold sweep, rounding to 5, hidden count 3) for D = 1, 2, 3, 5 and n = 40 and
 *    183 thresholds, over many secrets: the reader's RMS error and how often the estimate is within
 *    ±0.5. Computed in JavaScript with node:crypto md5 and the engine's own p-table
 *    (packages/engine/test/cell-key.test.ts checks that this is what the SQL computes).
 */
import '@monitor/language/polyfill';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { CELLKEY_MODULUS, cellKeyDefaultVariance } from '@monitor/ir';
import { createMonitorServices, importClosure, loadDocuments, lowerDocument } from '@monitor/language';
import { planIndicators } from '@monitor/compiler';
import { applyDisclosure, cellKeyDeviation, createNodeEngine, executePlan, roundCount } from '@monitor/engine';

const { values } = parseArgs({ options: { max: { type: 'string' }, secrets: { type: 'string' } } });
const D = Number(values.max ?? 2);
const SECRETS = Number(values.secrets ?? 200);
const SECRET = 'bench-geheim-van-de-gemeente';
const ROOT = path.resolve(import.meta.dirname, '..');
const perturb = (d) => ({ method: 'cellkey', maxDeviation: d, variance: cellKeyDefaultVariance(d), span: { uri: '', offset: 0, length: 0 } });

function examples() {
    const dir = path.join(ROOT, 'examples');
    return fs.readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && e.name !== 'generate' && !fs.existsSync(path.join(dir, e.name, '.monitor-skip')))
        .flatMap((e) => fs.readdirSync(path.join(dir, e.name)).filter((f) => f.endsWith('.monitor')).map((f) => path.join(dir, e.name, f)))
        .sort();
}

async function lower(file) {
    const { shared } = createMonitorServices(NodeFileSystem);
    const workspace = await loadDocuments(shared, [file]);
    const root = workspace.roots[0];
    return lowerDocument(root, workspace, importClosure(root.uri, shared.workspace.LangiumDocuments));
}

const cellId = (r) => JSON.stringify([r.indicator, r.series, r.period, r.dimensions]);

/** The count parts of an indicator's actual rows: which of numerator and denominator are counts. */
function countParts(indicator) {
    const v = indicator.value;
    if (v.kind === 'measure') return { numerator: v.measure.isCount, denominator: false };
    if (v.kind === 'rate') return { numerator: v.numerator.isCount, denominator: v.denominator.isCount };
    return { numerator: false, denominator: false };
}

/** [raw, published] for every count part of every actual row that both runs show. */
function pairs(program, raw, shown) {
    const byId = new Map(shown.map((r) => [cellId(r), r]));
    const out = [];
    for (const r of raw) {
        const indicator = program.indicators.find((i) => i.name === r.indicator);
        if (r.series !== 'actual' || !indicator) continue;
        const s = byId.get(cellId(r));
        const parts = countParts(indicator);
        for (const part of ['numerator', 'denominator']) {
            if (parts[part] && typeof r[part] === 'number' && typeof s?.[part] === 'number') out.push([r[part], s[part]]);
        }
    }
    return out;
}

const mad = (ps) => ps.reduce((a, [r, s]) => a + Math.abs(s - r), 0) / Math.max(ps.length, 1);

/**
 * Breakdowns (indicator, period) of one dimension whose raw count cells add up to the raw total
 * (not a distinct count of people in two cells), and of those how many no longer add up once shown.
 */
function nonAdditive(program, raw, shown) {
    const byId = new Map(shown.map((r) => [cellId(r), r]));
    const groups = new Map();
    for (const r of raw) {
        const indicator = program.indicators.find((i) => i.name === r.indicator);
        if (r.series !== 'actual' || !indicator || indicator.by.length !== 1 || !countParts(indicator).numerator) continue;
        const s = byId.get(cellId(r));
        const key = `${r.indicator}|${r.period}`;
        if (!groups.has(key)) groups.set(key, { raw: [null, 0, 0], shown: [null, 0], ok: true });
        const g = groups.get(key);
        if (typeof r.numerator !== 'number' || typeof s?.numerator !== 'number') { g.ok = false; continue; }
        if (Object.keys(r.dimensions).length === 0) { g.raw[0] = r.numerator; g.shown[0] = s.numerator; }
        else { g.raw[1] += r.numerator; g.raw[2]++; g.shown[1] += s.numerator; }
    }
    let checked = 0, off = 0;
    for (const g of groups.values()) {
        if (!g.ok || g.raw[0] === null || g.raw[2] < 2 || g.raw[0] !== g.raw[1]) continue;
        checked++;
        if (g.shown[0] !== g.shown[1]) off++;
    }
    return { checked, off };
}

const lines = [`## perturb cellkey max ${D} (variance ${cellKeyDefaultVariance(D).toFixed(2)}), secret fixed`, '',
    '| example | count cells | noise alone: mean abs. deviation | published vs raw, off | published vs raw, on | breakdowns not adding up (on, min 0 round 1) |',
    '|---|---|---|---|---|---|'];
let all = { n: 0, noise: 0, off: 0, on: 0 };
for (const file of examples()) {
    const program = await lower(file);
    const engine = await createNodeEngine();
    for (const s of program.sources) {
        const bytes = new Uint8Array(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(s.declaredIn)), s.path)));
        await engine.loadSource(s, bytes);
    }
    await engine.lock();
    const own = program.monitor.privacy ?? { minimum: 0, round: 1 };
    const withPrivacy = (privacy) => ({ ...program, monitor: { ...program.monitor, privacy } });
    const on = withPrivacy({ ...own, perturb: perturb(D) });
    const bare = withPrivacy({ minimum: 0, round: 1, perturb: perturb(D) });
    const raw = await executePlan(engine, planIndicators(on), { cellKeySecret: SECRET });
    const noise = pairs(program, raw, await applyDisclosure(bare, raw));
    const offPairs = pairs(program, raw, await applyDisclosure(withPrivacy(own), raw));
    const onPairs = pairs(program, raw, await applyDisclosure(on, raw));
    const add = nonAdditive(program, raw, await applyDisclosure(bare, raw));
    await engine.close();
    lines.push(`| ${path.basename(file)} | ${noise.length} | ${mad(noise).toFixed(2)} | ${mad(offPairs).toFixed(2)} (${offPairs.length} shown) | ${mad(onPairs).toFixed(2)} (${onPairs.length} shown) | ${add.off} of ${add.checked} |`);
    all = { n: all.n + noise.length, noise: all.noise + mad(noise) * noise.length, off: all.off + mad(offPairs) * offPairs.length, on: all.on + mad(onPairs) * onPairs.length, offN: (all.offN ?? 0) + offPairs.length, onN: (all.onN ?? 0) + onPairs.length };
}
lines.push(`| **all** | ${all.n} | ${(all.noise / all.n).toFixed(2)} | ${(all.off / all.offN).toFixed(2)} | ${(all.on / all.onN).toFixed(2)} | |`, '');

// Attack 10 in JavaScript: n thresholds, one new person each, 15 before and 3 hidden.
const rk = (secret, key) => BigInt('0x' + createHash('md5').update(`${secret}\u001f${key}`).digest('hex').slice(0, 12));
function attack(d, n, secret) {
    const p = d === 0 ? undefined : perturb(d);
    const base = Array.from({ length: 15 }, (_, i) => rk(secret, `b${i}`));
    const hidden = Array.from({ length: 3 }, (_, i) => rk(secret, `z${i}`));
    const publish = (keys) => {
        const key = Number(keys.reduce((a, b) => a + b, 0n) % BigInt(CELLKEY_MODULUS));
        return roundCount(keys.length + (p ? cellKeyDeviation(keys.length, key, p) : 0), 5);
    };
    let sum = 0;
    const without = [...base];
    for (let i = 0; i < n; i++) {
        without.push(rk(secret, `d${i}`));
        sum += publish([...without, ...hidden]) - publish(without);
    }
    return sum / n - 3;
}
lines.push(`## attack 10 (rounding to 5, hidden count 3), ${SECRETS} secrets`, '',
    '| max D | variance | n thresholds | RMS error of the estimate | estimate within ±0.5 |', '|---|---|---|---|---|');
for (const d of [0, 1, 2, 3, 5]) {
    for (const n of [40, 183]) {
        const errors = Array.from({ length: d === 0 ? 1 : SECRETS }, (_, s) => attack(d, n, `geheim-${s}-voor-de-bench`));
        const rms = Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length);
        const within = errors.filter((e) => Math.abs(e) < 0.5).length / errors.length;
        lines.push(`| ${d === 0 ? 'off' : d} | ${d === 0 ? '–' : cellKeyDefaultVariance(d).toFixed(2)} | ${n} | ${rms.toFixed(2)} | ${(within * 100).toFixed(0)} % |`);
    }
}
console.log(lines.join('\n'));
