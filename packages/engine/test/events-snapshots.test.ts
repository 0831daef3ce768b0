import type { Engine } from '../src/engine-types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineWith } from './helpers/engine.js';
import { attachPostgres, detachPostgres } from './helpers/postgres-twin.js';
import { expectMatchesHand, handPeriods, runTotals } from './helpers/compare.js';
import { aanvragen, aanvragenCsv, bevolking, bevolkingCsv, codes, codesCsv } from './helpers/fixtures.js';
import { indicator, measure, program } from './helpers/program.js';
import type { Grain, MeasureIR } from '@monitor/ir';

let engine: Engine;
beforeAll(async () => {
    engine = await engineWith([[aanvragen, aanvragenCsv], [bevolking, bevolkingCsv], [codes, codesCsv]]);
    await attachPostgres(engine, [aanvragen, bevolking, codes]);
});
afterAll(async () => {
    await detachPostgres();
    await engine.close();
});

const EVENTS_COVERED = `pe >= (SELECT min(datum) FROM src_aanvragen) AND pe <= (SELECT max(datum) FROM src_aanvragen)`;

function runEvents(m: MeasureIR, grain: Grain, lastStart: string, value: string, zeroFill: boolean) {
    const p = program({ sources: [aanvragen, bevolking, codes], indicators: [indicator('x', m, { grain })], range: ['2023', '2024'] });
    const hand = `WITH ${handPeriods(grain, '2023-01-01', lastStart)}
        SELECT period, CASE WHEN ${EVENTS_COVERED} THEN ${zeroFill ? `coalesce((${value}), 0)` : `(${value})`} END AS value FROM hp ORDER BY ps`;
    return expectMatchesHand(engine, p, 'x', hand);
}

describe('event measures match hand-written SQL', () => {
    it('counts events per month, 0 in empty months and missing after the data ends', () => runEvents(
        measure({ source: 'aanvragen', time: 'event' }), 'month', '2024-12-01',
        `SELECT count(*) FROM src_aanvragen WHERE strftime(datum, '%Y-%m') = period`, true));
    it('sums a column with missing values per half-year', () => runEvents(
        measure({ source: 'aanvragen', time: 'event', aggregate: 'sum', column: { column: 'bedrag', lookup: null }, isCount: false }), 'half-year', '2024-07-01',
        `SELECT sum(bedrag) FROM src_aanvragen WHERE datum BETWEEN ps AND pe`, false));
    it('keeps a row whose filtered column is missing out of `=` but in `is missing`', () => runEvents(
        measure({ source: 'aanvragen', time: 'event', filter: { kind: 'or',
            left: { kind: 'missing', operand: { kind: 'column', ref: { column: 'soort', lookup: null } }, negated: false },
            right: { kind: 'in', operand: { kind: 'column', ref: { column: 'soort', lookup: null } }, values: [{ kind: 'text', value: 'jeugd' }], negated: false } } }),
        'quarter', '2024-10-01',
        `SELECT count(*) FROM src_aanvragen WHERE datum BETWEEN ps AND pe AND (soort IS NULL OR soort = 'jeugd')`, true));
    it('compares dates shifted by months and filters with between and not', () => runEvents(
        measure({ source: 'aanvragen', time: 'event', filter: { kind: 'not', operand: { kind: 'between',
            operand: { kind: 'shift', operand: { kind: 'column', ref: { column: 'datum', lookup: null } }, amount: 1, unit: 'months' },
            low: { kind: 'literal', literal: { kind: 'date', value: '2023-03-01' } }, high: { kind: 'literal', literal: { kind: 'date', value: '2023-07-31' } } } } }),
        'year', '2024-01-01',
        `SELECT count(*) FROM src_aanvragen WHERE year(datum) = year(ps) AND NOT (datum >= DATE '2023-02-01' AND datum <= DATE '2023-06-30')`, true));
});

describe('snapshot and table measures', () => {
    it('sums the latest snapshot inside each quarter; a quarter without a snapshot is not covered', async () => {
        const p = program({ sources: [aanvragen, bevolking, codes], indicators: [indicator('x', measure({ source: 'bevolking', time: 'snapshot', aggregate: 'sum', column: { column: 'aantal', lookup: null } }))], range: ['2023', '2024'] });
        const hand = `WITH ${handPeriods('quarter', '2023-01-01', '2024-10-01')}
            SELECT period, (SELECT sum(aantal) FROM src_bevolking b WHERE b.peildatum = (
                SELECT max(peildatum) FROM src_bevolking WHERE peildatum BETWEEN ps AND pe)) AS value FROM hp ORDER BY ps`;
        await expectMatchesHand(engine, p, 'x', hand);
        const { rows } = await runTotals(engine, p, 'x');
        expect(rows.find((r) => r.period === '2024-Q1')?.value).toBe(360);
        expect(rows.find((r) => r.period === '2023-Q2')?.value).toBeNull();
    });
    it('with `valid 1 year` a snapshot also serves the later quarters of its year', async () => {
        const yearly = { ...bevolking, shape: { kind: 'snapshot' as const, date: 'peildatum', valid: { amount: 1, unit: 'years' as const } } };
        const p = program({ sources: [aanvragen, yearly, codes], indicators: [indicator('x', measure({ source: 'bevolking', time: 'snapshot', aggregate: 'sum', column: { column: 'aantal', lookup: null } }))], range: ['2023', '2024'] });
        const hand = `WITH ${handPeriods('quarter', '2023-01-01', '2024-10-01')}
            SELECT period, (SELECT sum(aantal) FROM src_bevolking b WHERE b.peildatum = (
                SELECT max(peildatum) FROM src_bevolking WHERE peildatum <= pe AND peildatum > pe - INTERVAL 1 YEAR)) AS value FROM hp ORDER BY ps`;
        await expectMatchesHand(engine, p, 'x', hand);
        const { rows } = await runTotals(engine, p, 'x');
        // No snapshot inside 2023-Q2: the one of 1 January 2023 (100 + 200 + 50) still counts there.
        expect(rows.find((r) => r.period === '2023-Q2')?.value).toBe(350);
    });
    it('gives a table measure the same value in every period', async () => {
        const p = program({ sources: [aanvragen, bevolking, codes], indicators: [indicator('x', measure({ source: 'codes', time: 'none' }), { grain: 'year' })], range: ['2023', '2024'] });
        const { rows } = await runTotals(engine, p, 'x');
        expect(rows.map((r) => r.value)).toEqual([3, 3]);
    });
});
