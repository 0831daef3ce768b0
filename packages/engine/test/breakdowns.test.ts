import type { Engine } from '../src/engine-types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineWith } from './helpers/engine.js';
import { handPeriods } from './helpers/compare.js';
import { bevolking, bevolkingCsv, trajecten, trajectenCsv } from './helpers/fixtures.js';
import { col, dimension, indicator, measure, program, source } from './helpers/program.js';
import { explainSql, planIndicators } from '@monitor/compiler';
import { executePlan } from '../src/execute-plan.js';
import type { ProgramIR, ResultRow } from '@monitor/ir';

const cbs = source('cbs', { kind: 'snapshot', date: 'peildatum', valid: null }, [col('peildatum', 'date'), col('regio', 'text'), col('waarde', 'decimal')]);
const cbsCsv = `peildatum,regio,waarde\n2023-06-30,NL,1.5\n2023-06-30,GM0001,2.5\n2023-12-31,NL,1.25\n`;

let engine: Engine;
beforeAll(async () => { engine = await engineWith([[trajecten, trajectenCsv], [bevolking, bevolkingCsv], [cbs, cbsCsv]]); });
afterAll(async () => { await engine.close(); });

const wijk = dimension('wijk', [['trajecten', 'wijk'], ['bevolking', 'wijk']]);
const verblijf = { kind: 'compare', op: '=', left: { kind: 'column', ref: { column: 'voorziening', lookup: null } }, right: { kind: 'literal', literal: { kind: 'text', value: 'verblijf' } } } as const;
const atEnd = (filter: typeof verblijf | null = null) => measure({ source: 'trajecten', time: 'active-at-end', filter });

async function run(p: ProgramIR): Promise<{ rows: ResultRow[]; sql: string }> {
    const plan = planIndicators(p);
    return { rows: await executePlan(engine, plan), sql: plan.indicators.map((i) => explainSql(plan, i.indicator)).join('\n\n') };
}

describe('breakdowns, rates and provisional data', () => {
    it('breaks a count down by wijk, keeps the missing wijk as its own cell and zero-fills every group', async () => {
        const p = program({ sources: [trajecten, bevolking], dimensions: [wijk], indicators: [indicator('x', atEnd(verblijf), { by: ['wijk'] })], range: ['2023', '2024'] });
        const { rows, sql } = await run(p);
        const hand = await engine.query(`WITH ${handPeriods('quarter', '2023-01-01', '2024-10-01')},
            g AS (SELECT DISTINCT wijk FROM src_trajecten)
            SELECT period, g.wijk, (SELECT count(*) FROM src_trajecten t WHERE t.wijk IS NOT DISTINCT FROM g.wijk AND voorziening = 'verblijf'
                AND begindatum <= pe AND (einddatum IS NULL OR einddatum >= pe)) AS value
            FROM hp, g ORDER BY period, g.wijk NULLS LAST`);
        const cells = rows.filter((r) => 'wijk' in r.dimensions).map((r) => ({ period: r.period, wijk: r.dimensions.wijk, value: r.value }));
        expect(cells, sql).toEqual(hand);
        const totals = rows.filter((r) => !('wijk' in r.dimensions));
        expect(totals.map((r) => r.value), sql).toEqual(hand.reduce<number[]>((acc, r, i) => {
            const q = Math.floor(i / 4);
            acc[q] = (acc[q] ?? 0) + Number(r.value);
            return acc;
        }, []));
    });

    it('computes a rate per 1000 per wijk from two sources, missing where either part is not covered', async () => {
        const rate = { kind: 'rate', numerator: atEnd(verblijf), denominator: measure({ source: 'bevolking', time: 'snapshot', aggregate: 'sum', column: { column: 'aantal', lookup: null } }), scale: 1000, percent: false } as const;
        const p = program({ sources: [trajecten, bevolking], dimensions: [wijk], indicators: [indicator('r', rate, { by: ['wijk'] })], range: ['2024', '2024'] });
        const { rows, sql } = await run(p);
        const get = (period: string, w: string | undefined) => rows.find((r) => r.period === period && (w === undefined ? !('wijk' in r.dimensions) : r.dimensions.wijk === w));
        expect(get('2024-Q1', 'Zuid'), sql).toMatchObject({ numerator: 0, denominator: 175, value: 0 });
        expect(get('2024-Q2', 'Zuid'), sql).toMatchObject({ numerator: 0, denominator: null, value: null });
        expect(get('2024-Q1', undefined), sql).toMatchObject({ numerator: 1, denominator: 360, value: 1000 / 360 });
        expect(get('2024-Q4', 'Noord'), sql).toMatchObject({ numerator: 0, denominator: 130, value: 0 });
        expect(get('2024-Q1', 'Oost'), sql).toMatchObject({ numerator: 0, denominator: 60, value: 0 });
    });

    it('marks periods with a provisional contributing row', async () => {
        const p = program({ sources: [trajecten, bevolking], indicators: [indicator('x', atEnd())], range: ['2023', '2025-Q1'] });
        const { rows, sql } = await run(p);
        expect(rows.map((r) => r.provisional), sql).toEqual([false, true, true, false, true, true, true, true, null]);
    });

    it('combines indicators in an expression per period and puts reference series beside them', async () => {
        const ref = { series: 'Nederland', source: 'cbs', filter: { kind: 'compare', op: '=', left: { kind: 'column', ref: { column: 'regio', lookup: null } }, right: { kind: 'literal', literal: { kind: 'text', value: 'NL' } } }, value: { column: 'waarde', lookup: null }, span: trajecten.span } as const;
        const p = program({ sources: [trajecten, bevolking, cbs], indicators: [
            indicator('diff', { kind: 'expression', expression: { kind: 'binary', op: '-', left: { kind: 'indicator', name: 'alle' }, right: { kind: 'indicator', name: 'vb' } } }, { references: [] }),
            indicator('alle', atEnd(), { references: [ref] }),
            indicator('vb', atEnd(verblijf)),
        ], range: ['2023', '2023'] });
        const { rows, sql } = await run(p);
        const series = (name: string, s = 'actual') => rows.filter((r) => r.indicator === name && r.series === s).map((r) => r.value);
        const alle = series('alle');
        const vb = series('vb');
        expect(series('diff'), sql).toEqual(alle.map((a, i) => a! - vb[i]!));
        expect(series('alle', 'Nederland'), sql).toEqual([null, 1.5, null, 1.25]);
    });
});
