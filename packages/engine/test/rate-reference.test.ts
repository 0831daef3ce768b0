/**
 * A rate reference (`value sum woningen per 1000 sum inwoners`) is a proper rate over the rows it
 * matches — the sum of numerators over the sum of denominators, not the average of their rates — and
 * `in 2024` gives a one-period table its one period. Real DuckDB-WASM, compared with hand-written SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSql, planIndicators } from '@monitor/compiler';
import type { ConditionIR, ProgramIR, ReferenceIR, ResultRow } from '@monitor/ir';
import type { Engine } from '../src/engine-types.js';
import { executePlan } from '../src/execute-plan.js';
import { engineWith } from './helpers/engine.js';
import { col, indicator, measure, program, source, span } from './helpers/program.js';

// Three small municipalities of different size (GM04 is too large): the average of their rates (500,
// 500, 600 → 533.3) differs from the rate of their sums (5,550 / 11,000 × 1000 = 504.5…).
const gemeenten = source('gemeenten', { kind: 'table', key: 'code' }, [col('code', 'text'), col('inwoners', 'integer'), col('woningen', 'integer')]);
const gemeentenCsv = 'code,inwoners,woningen\nGM01,10000,5000\nGM02,500,250\nGM03,500,300\nGM04,90000,40000\n';
const eigen = source('eigen', { kind: 'snapshot', date: 'jaar', valid: null }, [col('jaar', 'date'), col('inwoners', 'integer'), col('woningen', 'integer')]);
const eigenCsv = 'jaar,inwoners,woningen\n2022-01-01,1000,430\n2023-01-01,1010,440\n2024-01-01,1020,450\n';

const small: ConditionIR = {
    kind: 'compare', op: '<', left: { kind: 'column', ref: { column: 'inwoners', lookup: null } }, right: { kind: 'literal', literal: { kind: 'number', value: 50000 } },
};
const sumOf = (s: string, column: string) => measure({ source: s, time: s === 'eigen' ? 'snapshot' : 'none', aggregate: 'sum', column: { column, lookup: null } });
const rateReference = (extra: Partial<ReferenceIR>): ReferenceIR => ({
    series: 'Klein', source: 'gemeenten', filter: small, value: { column: 'woningen', lookup: null },
    rate: { numerator: { column: 'woningen', lookup: null }, denominator: { column: 'inwoners', lookup: null }, scale: 1000, percent: false },
    unit: null, span, ...extra,
});

const p: ProgramIR = program({
    sources: [gemeenten, eigen], grain: 'year', range: ['2022', '2024'],
    indicators: [
        indicator('woningen', { kind: 'rate', numerator: sumOf('eigen', 'woningen'), denominator: sumOf('eigen', 'inwoners'), scale: 1000, percent: false }, {
            grain: 'year',
            references: [
                rateReference({ period: '2024' }),
                rateReference({ series: 'Klein, elk jaar' }),
                { series: 'Gemiddelde', source: 'gemeenten', filter: small, value: { column: 'woningen', lookup: null }, unit: null, span },
            ],
        }),
    ],
});

let engine: Engine;
let rows: ResultRow[];
let sql: string;
beforeAll(async () => {
    engine = await engineWith([[gemeenten, gemeentenCsv], [eigen, eigenCsv]]);
    const plan = planIndicators(p);
    rows = await executePlan(engine, plan);
    sql = explainSql(plan, 'woningen');
});
afterAll(async () => { await engine.close(); });

const series = (name: string) => rows.filter((r) => r.series === name).map((r) => [r.period, r.value]);

describe('a rate reference', () => {
    it('is the sum of the numerators over the sum of the denominators of the matching rows', async () => {
        const [hand] = await engine.query(`SELECT sum(woningen) / sum(inwoners) * 1000 AS value FROM src_gemeenten WHERE inwoners < 50000`);
        expect(series('Klein, elk jaar'), sql).toEqual([['2022', hand.value], ['2023', hand.value], ['2024', hand.value]]);
        // The figure itself, so the hand query cannot agree by sharing a mistake: 5,550 / 11,000 × 1000.
        expect(hand.value).toBeCloseTo(504.5454, 3);
        // Not the average of the three rates (500, 500, 600 → 533.3).
        const [average] = await engine.query(`SELECT avg(woningen / inwoners * 1000) AS value FROM src_gemeenten WHERE inwoners < 50000`);
        expect(Math.abs((hand.value as number) - (average.value as number))).toBeGreaterThan(20);
    });

    it('with `in 2024` has a row in 2024 only', () => {
        expect(series('Klein'), sql).toEqual(series('Klein, elk jaar').filter(([period]) => period === '2024'));
    });

    it('keeps its parts until disclosure control, and a column reference still averages', async () => {
        const row = rows.find((r) => r.series === 'Klein')!;
        expect([row.numerator, row.denominator]).toEqual([5550, 11000]);
        const [hand] = await engine.query(`SELECT avg(woningen) AS value FROM src_gemeenten WHERE inwoners < 50000`);
        expect(series('Gemiddelde')[0][1]).toBe(hand.value);
    });
});
