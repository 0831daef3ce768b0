/**
 * The native engine (`@monitor/engine/native`) gives the same rows and the same data issues as
 * DuckDB-WASM on the engine's fixtures, and is locked down the same way.
 */
import { planIndicators } from '@monitor/compiler';
import type { ColumnRefIR, MeasureIR, ProgramIR } from '@monitor/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../src/create-node-engine.js';
import type { Engine } from '../src/engine-types.js';
import { executePlan } from '../src/execute-plan.js';
import { aanvragen, aanvragenCsv, bevolking, bevolkingCsv, codes, codesCsv, trajecten, trajectenCsv } from './helpers/fixtures.js';
import { col, dimension, indicator, measure, program, source } from './helpers/program.js';
import { loadAll } from './helpers/engine.js';
import { nativeOrSkip } from './helpers/native.js';
import { createNativeConnection, QueryInterruptedError, QueryTimeoutError } from '../src/native-connection.js';

const native = await nativeOrSkip();
const ref = (column: string): ColumnRefIR => ({ column, lookup: null });
const all: [typeof trajecten, string][] = [[trajecten, trajectenCsv], [aanvragen, aanvragenCsv], [bevolking, bevolkingCsv], [codes, codesCsv]];

/** A program with one indicator per kind of measure over every fixture. */
function everyMeasure(): ProgramIR {
    const m = (x: Partial<MeasureIR> & { source: string; time: MeasureIR['time'] }) => measure(x);
    return program({
        sources: [trajecten, aanvragen, bevolking, codes], range: ['2023-Q1', '2024-Q4'],
        dimensions: [dimension('wijk', [['trajecten', 'wijk'], ['aanvragen', 'wijk'], ['bevolking', 'wijk']])],
        indicators: [
            indicator('actief', m({ source: 'trajecten', time: 'active-at-end' }), { by: ['wijk'] }),
            indicator('uniek', m({ source: 'trajecten', time: 'active-during', aggregate: 'count-distinct', column: ref('client_id') })),
            indicator('gestart', m({ source: 'trajecten', time: 'started' }), { grain: 'month' }),
            indicator('duur', m({ source: 'trajecten', time: 'ended', aggregate: 'median', duration: true, isCount: false })),
            indicator('kosten', m({ source: 'trajecten', time: 'active-at-end', aggregate: 'avg', column: ref('kosten'), isCount: false })),
            indicator('stapeling', m({ source: 'trajecten', time: 'active-during', aggregate: 'count-distinct', column: ref('client_id'), having: { column: ref('voorziening'), min: 2 } })),
            indicator('doorstroom', m({ source: 'trajecten', time: 'ended', transition: { to: null, withinDays: 90 } })),
            indicator('aanvragen', m({ source: 'aanvragen', time: 'event', aggregate: 'sum', column: ref('bedrag'), isCount: false }), { by: ['wijk'] }),
            indicator('per_1000', {
                kind: 'rate', scale: 1000, percent: false,
                numerator: m({ source: 'trajecten', time: 'active-at-end' }),
                denominator: m({ source: 'bevolking', time: 'snapshot', aggregate: 'sum', column: ref('aantal'), isCount: false }),
            }, { by: ['wijk'] }),
            indicator('zwaar', m({ source: 'trajecten', time: 'active-at-end', filter: { kind: 'compare', op: '=', left: { kind: 'column', ref: { column: 'voorziening', lookup: { source: 'codes', field: 'groep' } } }, right: { kind: 'literal', literal: { kind: 'text', value: 'zwaar' } } } })),
            indicator('verschil', { kind: 'expression', expression: { kind: 'binary', op: '-', left: { kind: 'indicator', name: 'actief' }, right: { kind: 'indicator', name: 'uniek' } } }),
        ],
    });
}

describe.skipIf(!native.available)('the native engine gives the same results as DuckDB-WASM', () => {
    let wasm: Engine;
    let nat: Engine;
    beforeAll(async () => {
        wasm = await createNodeEngine();
        nat = await native.create();
        await loadAll(wasm, all);
        await loadAll(nat, all);
    });
    afterAll(async () => { await wasm?.close(); await nat?.close(); });

    it('loads every fixture into identical typed tables', async () => {
        for (const [s] of all) {
            const sql = `SELECT * FROM "src_${s.name}"`;
            expect(await nat.query(sql), s.name).toEqual(await wasm.query(sql));
        }
    });

    it('computes identical rows for every kind of measure', async () => {
        const plan = planIndicators(everyMeasure());
        const [a, b] = [await executePlan(wasm, plan), await executePlan(nat, plan)];
        expect(a.length).toBeGreaterThan(50);
        expect(b).toEqual(a);
    });

    it('computes identical cell keys under perturb cellkey (md5 record keys, also of keyless rows with decimals)', async () => {
        const perturbed = everyMeasure();
        perturbed.monitor.privacy = { minimum: 0, round: 1, perturb: { method: 'cellkey', maxDeviation: 2, variance: 2, span: perturbed.monitor.span } };
        // Without a key, a row's record key hashes all its declared columns: dates, text and decimals.
        perturbed.sources = perturbed.sources.map((s) => (s.name === 'aanvragen' ? { ...s, shape: { kind: 'events', date: 'datum', key: null } } : s));
        perturbed.indicators.push(
            indicator('aanvragen_n', measure({ source: 'aanvragen', time: 'event' }), { by: ['wijk'] }),
            indicator('peilingen', measure({ source: 'bevolking', time: 'snapshot' }), { by: ['wijk'] }),
        );
        const plan = planIndicators(perturbed);
        const options = { cellKeySecret: 'geheim-voor-beide-engines' };
        const [a, b] = [await executePlan(wasm, plan, options), await executePlan(nat, plan, options)];
        const keys = a.filter((r) => typeof r.numeratorKey === 'number' && r.numeratorKey > 0);
        expect(keys.length).toBeGreaterThan(40);
        expect(new Set(a.filter((r) => r.indicator === 'aanvragen_n').map((r) => r.numeratorKey)).size).toBeGreaterThan(3);
        expect(b).toEqual(a);
    });

    it('reports the same data issues for a file with a wrong value, a missing value and a missing column', async () => {
        const bad = source('slecht', { kind: 'events', date: 'datum', key: null }, [col('datum', 'date'), col('n', 'integer'), col('x', 'text')]);
        const csv = 'datum,n\n2024-01-01,1\n01-02-2024,\n';
        expect(await nat.loadSource(bad, new TextEncoder().encode(csv))).toEqual(await wasm.loadSource(bad, new TextEncoder().encode(csv)));
    });

    it('names the first wrong and missing value of a large file by its row in the file, though native DuckDB loads in parallel', async () => {
        const big = source('groot', { kind: 'events', date: 'datum', key: null }, [col('datum', 'date'), col('wijk', 'text')]);
        const rows = Array.from({ length: 300_000 }, (_, i) => `${i + 1 === 250_000 ? '2024-13-01' : '2024-01-02'},${i + 1 === 299_999 ? '' : `W${i % 7}`}`);
        const bytes = new TextEncoder().encode(`datum,wijk\n${rows.join('\n')}\n`);
        const issues = await nat.loadSource(big, bytes);
        expect(issues.map((i) => [i.code, i.message])).toEqual([
            ['data-type-mismatch', expect.stringContaining('data row 250000 (line 250001) holds "2024-13-01"')],
            ['data-null-in-required', expect.stringContaining('data row 299999 (line 300000)')],
        ]);
        expect(await wasm.loadSource(big, bytes)).toEqual(issues);
    });
});

describe.skipIf(!native.available)('the native engine is locked down after loading', () => {
    it('refuses to turn external access back on and cannot read files after lock()', async () => {
        const engine = await native.create();
        await loadAll(engine, [[codes, codesCsv]]);
        await engine.lock();
        await expect(engine.query('SET enable_external_access = true')).rejects.toThrow(/lock/i);
        await expect(engine.query(`SELECT * FROM read_text('/etc/passwd')`)).rejects.toThrow(/disabled|permission/i);
        await expect(engine.loadSource(codes, new TextEncoder().encode(codesCsv))).rejects.toThrow(/locked/);
        expect(await engine.query('SELECT count(*) AS n FROM src_codes')).toEqual([{ n: 3 }]);
        await engine.close();
    });

    it('interrupts a query that runs past its time box', async () => {
        const conn = await createNativeConnection({ timeoutMs: 200 });
        try {
            await expect(conn.query('SELECT sum(hash(i)) FROM range(100000000000) AS t(i)')).rejects.toBeInstanceOf(QueryTimeoutError);
            expect(await conn.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
        } finally {
            await conn.close();
        }
    });

    it('stops a running query when its signal aborts, and refuses every later one (the editor\'s time limit)', async () => {
        const stop = new AbortController();
        const conn = await createNativeConnection({ signal: stop.signal });
        try {
            // Hours of work: only the interrupt ends it (the test would time out otherwise).
            const running = conn.query('SELECT sum(hash(i)) FROM range(100000000000) AS t(i)');
            setTimeout(() => stop.abort(), 300);
            await expect(running).rejects.toBeInstanceOf(QueryInterruptedError);
            await expect(conn.query('SELECT 1 AS one')).rejects.toBeInstanceOf(QueryInterruptedError);
        } finally {
            await conn.close();
        }
    });

    it('does not autoload extensions', async () => {
        const engine = await native.create();
        const rows = await engine.query(`SELECT current_setting('autoload_known_extensions') AS a, current_setting('autoinstall_known_extensions') AS i`);
        expect(rows).toEqual([{ a: false, i: false }]);
        await engine.close();
    });
});
