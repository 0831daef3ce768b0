/**
 * The cell key method (`perturb cellkey`): the p-table's promises, and on real DuckDB-WASM the
 * published counts against an independent computation in JavaScript (node:crypto md5 of secret and
 * key, summed as BigInt): same rows → same number, another secret → other noise, no secret → hidden.
 */
import { createHash } from 'node:crypto';
import { planIndicators } from '@monitor/compiler';
import { CELLKEY_MODULUS, type PerturbationIR, type ProgramIR, type ResultRow } from '@monitor/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKeyDeviation, pTableRow } from '../src/cell-key.js';
import { applyDisclosure } from '../src/disclosure.js';
import type { Engine } from '../src/engine-types.js';
import { executePlan } from '../src/execute-plan.js';
import { engineWith } from './helpers/engine.js';
import { col, dimension, indicator, measure, program, source, span } from './helpers/program.js';

const perturb = (maxDeviation: number, variance: number): PerturbationIR => ({ method: 'cellkey', maxDeviation, variance, span });
const SECRET = 'een-lang-geheim-van-de-gemeente';

describe('the p-table', () => {
    for (const [d, v] of [[1, 0.5], [2, 2], [2, 1], [3, 2], [5, 5.5]] as const) {
        it(`max ${d} variance ${v}: zero mean, variance ${v} from n = ${d} on, |d| ≤ ${d}, no count below 0`, async () => {
            for (let n = 1; n <= 12; n++) {
                const row = pTableRow(n, d, v);
                const p = row.cumulative.map((c, i) => c - (i === 0 ? 0 : row.cumulative[i - 1]));
                expect(row.cumulative.at(-1)).toBe(1);
                expect(p.every((x) => x >= 0)).toBe(true);
                const mean = p.reduce((s, x, i) => s + x * row.deviations[i], 0);
                const variance = p.reduce((s, x, i) => s + x * row.deviations[i] ** 2, 0);
                expect(mean).toBeCloseTo(0, 12);
                if (n >= d) expect(variance).toBeCloseTo(v, 12);
                else expect(variance).toBeLessThanOrEqual(v + 1e-12);
                expect(Math.max(...row.deviations.map(Math.abs))).toBeLessThanOrEqual(Math.min(n, d));
                expect(n + Math.min(...row.deviations)).toBeGreaterThanOrEqual(0);
            }
        });
    }
    it('a key spread evenly over [0, 2^48) gives each deviation its probability (max 2: uniform −2…2)', async () => {
        const counts = new Map<number, number>();
        const steps = 10_000;
        for (let i = 0; i < steps; i++) {
            const d = cellKeyDeviation(50, Math.floor(((i + 0.5) / steps) * CELLKEY_MODULUS), perturb(2, 2));
            counts.set(d, (counts.get(d) ?? 0) + 1);
        }
        expect([...counts.entries()].sort((a, b) => a[0] - b[0])).toEqual([[-2, 2000], [-1, 2000], [0, 2000], [1, 2000], [2, 2000]]);
    });
});

/** Events of 40 people over 2024 in two wijken; some people have two events. */
const meldingen = source('meldingen', { kind: 'events', date: 'datum', key: 'persoon' }, [
    col('persoon', 'text'), col('datum', 'date'), col('wijk', 'text'), col('vlag', 'integer'),
], { coverage: { from: '2024-01-01', to: '2024-12-31' } });
const people = Array.from({ length: 40 }, (_, i) => `p${i + 1}`);
const meldingenCsv = 'persoon,datum,wijk,vlag\n' + [
    ...people.map((p, i) => `${p},2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')},${i % 3 === 0 ? 'A' : 'B'},${i % 2}`),
    ...people.slice(0, 15).map((p, i) => `${p},2024-${String(((i * 5) % 12) + 1).padStart(2, '0')}-15,${i % 3 === 0 ? 'A' : 'B'},${(i + 1) % 2}`),
].join('\n') + '\n';

function cellKeyProgram(privacy: ProgramIR['monitor']['privacy']): ProgramIR {
    return program({
        sources: [meldingen], range: ['2024', '2024'], grain: 'year', privacy,
        dimensions: [dimension('wijk', [['meldingen', 'wijk']])],
        indicators: [
            indicator('meldingen', measure({ source: 'meldingen', time: 'event' }), { grain: 'year', by: ['wijk'] }),
            indicator('personen', measure({ source: 'meldingen', time: 'event', aggregate: 'count-distinct', column: { column: 'persoon', lookup: null } }), { grain: 'year' }),
            // A sum of a 0/1 column that disclosure control treats as a count: its key is that of the rows with a 1.
            indicator('gevlagd', measure({ source: 'meldingen', time: 'event', aggregate: 'sum', column: { column: 'vlag', lookup: null }, isCount: true }), { grain: 'year' }),
        ],
    });
}

/** The record key of one key value, computed in JavaScript independently of the SQL. */
function recordKey(secret: string, key: string): bigint {
    return BigInt('0x' + createHash('md5').update(`${secret}\u001f${key}`).digest('hex').slice(0, 12));
}

/** Parses the CSV by hand: [persoon, wijk] per row. */
function csvRows(): { persoon: string; wijk: string; vlag: string }[] {
    return meldingenCsv.trim().split('\n').slice(1).map((l) => { const [persoon, , wijk, vlag] = l.split(','); return { persoon, wijk, vlag }; });
}

let engine: Engine;
beforeAll(async () => {
    engine = await engineWith([[meldingen, meldingenCsv]]);
    await engine.lock();
});
afterAll(async () => { await engine?.close(); });

/** Runs the program on the one engine (each run sets its own secret) and applies disclosure control. */
/** The raw counts, by hand from the CSV text: rows, rows in A, rows in B, distinct people, rows flagged. */
function raw(): number[] {
    const rows = csvRows();
    return [rows.length, rows.filter((r) => r.wijk === 'A').length, rows.filter((r) => r.wijk === 'B').length, new Set(rows.map((r) => r.persoon)).size,
        rows.filter((r) => r.vlag === '1').length];
}

async function run(p: ProgramIR, secret: string | null): Promise<ResultRow[]> {
    return await applyDisclosure(p, await executePlan(engine, planIndicators(p), { cellKeySecret: secret }));
}

const values = (rows: ResultRow[]) => rows.map((r) => [r.indicator, r.dimensions.wijk ?? 'totaal', r.value]);

describe('perturbed counts on DuckDB-WASM', () => {
    const privacy = { minimum: 0, round: 1, perturb: perturb(2, 2) };

    it('equal the raw count plus the p-table deviation of the keys summed in JavaScript', async () => {
        const out = await run(cellKeyProgram(privacy), SECRET);
        const rows = csvRows();
        const expected = (selected: { persoon: string }[], distinct: boolean) => {
            const keys = (distinct ? [...new Set(selected.map((r) => r.persoon))] : selected.map((r) => r.persoon)).map((k) => recordKey(SECRET, k));
            const key = Number(keys.reduce((a, b) => a + b, 0n) % BigInt(CELLKEY_MODULUS));
            return keys.length + cellKeyDeviation(keys.length, key, privacy.perturb);
        };
        expect(values(out)).toEqual([
            ['meldingen', 'totaal', expected(rows, false)],
            ['meldingen', 'A', expected(rows.filter((r) => r.wijk === 'A'), false)],
            ['meldingen', 'B', expected(rows.filter((r) => r.wijk === 'B'), false)],
            ['personen', 'totaal', expected(rows, true)],
            ['gevlagd', 'totaal', expected(rows.filter((r) => r.vlag === '1'), false)],
        ]);
        // The noise is there: not every published count is the raw one.
        expect(values(out).map((v) => v[2])).not.toEqual(raw());
    });

    it('gives the same numbers on every run, also on a fresh engine, and no cell key leaves the engine', async () => {
        const a = await run(cellKeyProgram(privacy), SECRET);
        await run(cellKeyProgram(privacy), 'een-ander-geheim-ertussen');
        expect(await run(cellKeyProgram(privacy), SECRET)).toEqual(a);
        const fresh = await engineWith([[meldingen, meldingenCsv]]);
        const p = cellKeyProgram(privacy);
        expect((await applyDisclosure(p, await executePlan(fresh, planIndicators(p), { cellKeySecret: SECRET })))).toEqual(a);
        await fresh.close();
        for (const r of a) expect(Object.keys(r).filter((k) => /key|units/i.test(k))).toEqual([]);
    });

    it('gives other noise with another secret', async () => {
        const secrets = ['geheim-nummer-een-0001', 'geheim-nummer-twee-0002', 'geheim-nummer-drie-0003', 'geheim-nummer-vier-0004'];
        const outcomes = new Set<string>();
        for (const s of secrets) outcomes.add(JSON.stringify(values(await run(cellKeyProgram(privacy), s))));
        expect(outcomes.size).toBeGreaterThan(1);
    });

    it('hides every count when no secret is given (fail closed), and perturbs nothing without perturb', async () => {
        const hidden = await run(cellKeyProgram(privacy), null);
        expect(hidden.every((r) => r.suppressed && r.value === null)).toBe(true);
        const plain = await run(cellKeyProgram({ minimum: 0, round: 1 }), SECRET);
        expect(values(plain).map((v) => v[2])).toEqual(raw());
    });
});

describe("the secret's table", () => {
    it('is made when the plan perturbs, and not for a plan whose SQL merely spells its name in a value', async () => {
        const perturbing = planIndicators(cellKeyProgram({ minimum: 0, round: 1, perturb: perturb(2, 2) }));
        const plain = planIndicators(cellKeyProgram({ minimum: 0, round: 1 }));
        expect(perturbing.cellKeys).toBe(true);
        expect(plain.cellKeys).toBeUndefined();
        // A quoted value can hold the table's quoted name; on the read-only PostgreSQL engine making the
        // table would fail, so the engine must go by the plan, not by the text of its SQL.
        const spelled = { ...plain, indicators: plain.indicators.map((ip) => ({ ...ip, query: ip.query && { sql: `${ip.query.sql}\n-- '"monitor_cellkey"'` } })) };
        const fresh = await engineWith([[meldingen, meldingenCsv]]);
        const tables = async () => (await fresh.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'monitor_cellkey'"))[0].n;
        await executePlan(fresh, spelled, { cellKeySecret: SECRET });
        expect(await tables()).toBe(0);
        await executePlan(fresh, perturbing, { cellKeySecret: SECRET });
        expect(await tables()).toBe(1);
        await fresh.close();
    });
});
