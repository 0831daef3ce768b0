/**
 * A `where` on a dimension binding (`kwb.regiocode where soort = "Wijk"`): rows outside it count in
 * the totals but in no cell, their codes are no breakdown values, and a reference that reads only such
 * rows is a total only. Real DuckDB-WASM, compared with hand-written SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSql, planIndicators } from '@monitor/compiler';
import type { ConditionIR, DimensionIR, ProgramIR, ResultRow } from '@monitor/ir';
import type { Engine } from '../src/engine-types.js';
import { executePlan } from '../src/execute-plan.js';
import { engineWith } from './helpers/engine.js';
import { col, indicator, measure, program, source, span } from './helpers/program.js';

const kwb = source('kwb', { kind: 'snapshot', date: 'jaar', valid: null }, [
    col('jaar', 'date'), col('regiocode', 'text'), col('soort', 'text'), col('clienten', 'integer'), col('inwoners', 'integer'), col('relatief', 'integer', true),
]);
// One municipality row and wijk rows per year; in 2022 WK10 and WK11 replace WK01 (mapped back), WK02 stays.
// The correction row carries a wijk code but is no wijk row: in the total, not in WK01's cell.
const kwbCsv = `jaar,regiocode,soort,clienten,inwoners,relatief
2021-01-01,GM01,Gemeente,100,1000,50
2021-01-01,WK01,Wijk,60,600,
2021-01-01,WK02,Wijk,40,400,
2021-01-01,WK01,Correctie,7,70,
2022-01-01,GM01,Gemeente,110,1100,52
2022-01-01,WK10,Wijk,30,300,
2022-01-01,WK11,Wijk,35,350,
2022-01-01,WK02,Wijk,45,450,
`;
const indeling = source('indeling', { kind: 'table', key: 'nieuw' }, [col('nieuw', 'text'), col('oud', 'text')]);
const indelingCsv = 'nieuw,oud\nWK10,WK01\nWK11,WK01\n';

const text = (column: string, value: string): ConditionIR => ({
    kind: 'compare', op: '=', left: { kind: 'column', ref: { column, lookup: null } }, right: { kind: 'literal', literal: { kind: 'text', value } },
});
const stadsdeel: DimensionIR = {
    name: 'stadsdeel', title: null, span,
    bindings: [{ source: 'kwb', column: { column: 'regiocode', lookup: null }, filter: text('soort', 'Wijk') }],
    mapping: { table: 'indeling', from: 'nieuw', to: 'oud', since: '2022-01-01' },
};
const sumOf = (column: string, filter: ConditionIR | null = null) =>
    measure({ source: 'kwb', time: 'snapshot', aggregate: 'sum', column: { column, lookup: null }, filter });

/** No filter on the measure: the municipality row is in the total, the binding keeps it out of every cell. */
const p: ProgramIR = program({
    sources: [kwb, indeling], dimensions: [stadsdeel], grain: 'year', range: ['2021', '2022'],
    indicators: [
        indicator('clienten', sumOf('clienten'), { grain: 'year', by: ['stadsdeel'], references: [
            { series: 'Gemeente', source: 'kwb', filter: text('soort', 'Gemeente'), value: { column: 'relatief', lookup: null }, unit: null, span },
        ] }),
        indicator('per_1000', { kind: 'rate', numerator: sumOf('clienten', text('soort', 'Wijk')), denominator: sumOf('inwoners', text('soort', 'Wijk')), scale: 1000, percent: false },
            { grain: 'year', by: ['stadsdeel'] }),
    ],
});

let engine: Engine;
let rows: ResultRow[];
let sql: string;
beforeAll(async () => {
    engine = await engineWith([[kwb, kwbCsv], [indeling, indelingCsv]]);
    const plan = planIndicators(p);
    rows = await executePlan(engine, plan);
    sql = plan.indicators.map((i) => explainSql(plan, i.indicator)).join('\n\n');
});
afterAll(async () => { await engine.close(); });

/** Written apart from the compiler: map by join, then keep only wijk rows for the cells. */
const HAND_ROWS = `SELECT strftime(k.jaar, '%Y') AS period, k.soort, k.clienten, k.inwoners,
        CASE WHEN k.jaar >= DATE '2022-01-01' AND i.oud IS NOT NULL THEN i.oud ELSE k.regiocode END AS sd
    FROM src_kwb AS k LEFT JOIN src_indeling AS i ON i.nieuw = k.regiocode`;

const cells = (name: string, series = 'actual') => rows
    .filter((r) => r.indicator === name && r.series === series && 'stadsdeel' in r.dimensions)
    .map((r) => ({ period: r.period, sd: r.dimensions.stadsdeel, numerator: r.numerator, denominator: r.denominator }));
const totals = (name: string, series = 'actual') => rows
    .filter((r) => r.indicator === name && r.series === series && !('stadsdeel' in r.dimensions))
    .map((r) => ({ period: r.period, numerator: r.numerator, denominator: r.denominator, value: r.value }));
const numbers = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));

describe('a where on a dimension binding', () => {
    it('puts rows outside it in the total but in no cell, and never makes their code a cell', async () => {
        const cellsHand = await engine.query(`WITH r AS (${HAND_ROWS})
            SELECT period, sd, CAST(sum(clienten) AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator
            FROM r WHERE soort = 'Wijk' GROUP BY period, sd ORDER BY period, sd`);
        expect(cells('clienten'), sql).toEqual(cellsHand.map(numbers));
        const totalsHand = await engine.query(`WITH r AS (${HAND_ROWS})
            SELECT period, CAST(sum(clienten) AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, CAST(sum(clienten) AS DOUBLE) AS value
            FROM r GROUP BY period ORDER BY period`);
        expect(totals('clienten'), sql).toEqual(totalsHand.map(numbers));
        // The figures themselves, so the hand query cannot agree by sharing a mistake.
        expect(totals('clienten').map((t) => t.value)).toEqual([207, 220]);
        expect(cells('clienten').find((c) => c.period === '2021' && c.sd === 'WK01')?.numerator).toBe(60);
        expect(rows.some((r) => Object.values(r.dimensions).includes('GM01')), sql).toBe(false);
    });

    it('breaks a rate down over the wijk rows only', async () => {
        const hand = await engine.query(`WITH r AS (${HAND_ROWS})
            SELECT period, sd, CAST(sum(clienten) AS DOUBLE) AS numerator, CAST(sum(inwoners) AS DOUBLE) AS denominator
            FROM r WHERE soort = 'Wijk' GROUP BY period, sd ORDER BY period, sd`);
        expect(cells('per_1000'), sql).toEqual(hand.map(numbers));
    });

    it('leaves a reference that reads only rows outside the binding as a total-only series', () => {
        expect(cells('clienten', 'Gemeente'), sql).toEqual([]);
        expect(totals('clienten', 'Gemeente').map((t) => [t.period, t.value]), sql).toEqual([['2021', 50], ['2022', 52]]);
    });

    it('compiles the binding condition once into the cell value and once into the groups', () => {
        const plan = planIndicators(p);
        const query = plan.indicators.find((i) => i.indicator === 'clienten')!.query!.sql;
        expect(query).toMatch(/CASE WHEN \("s"\."soort" = 'Wijk'\) THEN/);
        expect(query).toMatch(/groups AS \([\s\S]*WHERE \("g"\."soort" = 'Wijk'\)/);
    });
});
