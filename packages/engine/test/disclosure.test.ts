import { describe, expect, it } from 'vitest';
import type { MeasureIR, ResultRow } from '@monitor/ir';
import { applyDisclosure } from '../src/disclosure.js';
import { col, indicator, measure, program, source } from './helpers/program.js';
import { row } from './helpers/rows.js';

const count = measure({ source: 's', time: 'event' });
const population: MeasureIR = { ...count, aggregate: 'sum', isCount: false };
const privacy = { minimum: 10, round: 5 };
const cell = (ind: string, period: string, n: number | null, wijk?: string, extra: Partial<ResultRow> = {}) =>
    row(ind, period, n, { dimensions: wijk === undefined ? {} : { wijk }, ...extra });

describe('disclosure control', () => {
    it('never shows a count below the minimum or an unrounded count (counts 0..20)', async () => {
        const p = program({ sources: [], indicators: [indicator('x', count)], privacy });
        const rows = Array.from({ length: 21 }, (_, n) => cell('x', '2024-Q1', n));
        const out = await applyDisclosure(p, rows);
        for (const [n, r] of out.entries()) {
            if (n < 10) expect(r).toMatchObject({ value: null, numerator: null, suppressed: true });
            else expect(r).toMatchObject({ value: Math.round(n / 5) * 5, numerator: Math.round(n / 5) * 5, suppressed: false });
            if (r.value !== null) expect(r.value % 5 === 0 && r.value >= 10).toBe(true);
        }
    });
    it('hides a count whose rounded value falls below the minimum', async () => {
        const p = program({ sources: [], indicators: [indicator('x', count)], privacy: { minimum: 7, round: 5 } });
        expect((await applyDisclosure(p, [cell('x', '2024-Q1', 7)]))[0].suppressed).toBe(true);
    });
    it('computes a rate from rounded parts and hides it when a count part is hidden', async () => {
        const rate = indicator('r', { kind: 'rate', numerator: count, denominator: population, scale: 1000, percent: false });
        const p = program({ sources: [], indicators: [rate], privacy });
        const out = (await applyDisclosure(p, [
            cell('r', '2024-Q1', 12, undefined, { denominator: 1003, value: 12 / 1003 * 1000 }),
            cell('r', '2024-Q2', 4, undefined, { denominator: 1003, value: 4 / 1003 * 1000 }),
        ]));
        expect(out[0]).toMatchObject({ numerator: 10, denominator: 1003, value: 10 / 1003 * 1000 });
        expect(out[1]).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
    });
    it('hides the next-smallest cell when one hidden cell could be worked out from the total', async () => {
        const p = program({ sources: [], indicators: [indicator('x', count, { by: ['wijk'] })], privacy });
        const out = await applyDisclosure(p, [cell('x', 'Q', 60), cell('x', 'Q', 3, 'A'), cell('x', 'Q', 12, 'B'), cell('x', 'Q', 45, 'C')]);
        expect(out.map((r) => r.suppressed)).toEqual([false, true, true, false]);
        const two = await applyDisclosure(p, [cell('x', 'Q', 60), cell('x', 'Q', 13, 'A'), cell('x', 'Q', 4, 'B'), cell('x', 'Q', 9, 'C'), cell('x', 'Q', 34, 'D')]);
        expect(two.map((r) => r.suppressed)).toEqual([false, false, true, true, false]);
    });
    it('hides a further cell when the hidden cells together stay below the minimum', async () => {
        // 3 + 4 = 7 could be read off as 60 − 53: a group of seven clients is itself a small count.
        const p = program({ sources: [], indicators: [indicator('x', count, { by: ['wijk'] })], privacy });
        const out = await applyDisclosure(p, [cell('x', 'Q', 60), cell('x', 'Q', 3, 'A'), cell('x', 'Q', 4, 'B'), cell('x', 'Q', 20, 'C'), cell('x', 'Q', 33, 'D')]);
        expect(out.map((r) => r.suppressed)).toEqual([false, true, true, true, false]);
    });
    it('hides the total when no shown cell is left to protect a hidden one', async () => {
        const p = program({ sources: [], indicators: [indicator('x', count, { by: ['wijk'] })], privacy });
        // A distinct count (a client in two wijken): both cells are hidden, yet 4 + 5 < 10 would be read off the total.
        const out = await applyDisclosure(p, [cell('x', 'Q', 12), cell('x', 'Q', 4, 'A'), cell('x', 'Q', 5, 'B')]);
        expect(out.map((r) => r.suppressed)).toEqual([true, true, true]);
        expect(out.map((r) => r.value)).toEqual([null, null, null]);
    });
    it('protects the denominator cells of a share, not only its numerator', async () => {
        const share = indicator('s', { kind: 'rate', numerator: count, denominator: count, scale: 100, percent: true }, { by: ['wijk'] });
        const p = program({ sources: [], indicators: [share], privacy });
        // Every numerator is shown (≥ 10), but wijk A's denominator 8 is hidden and 100 − 92 would give it away.
        const out = (await applyDisclosure(p, [
            cell('s', 'Q', 40, undefined, { denominator: 100 }), cell('s', 'Q', 10, 'A', { denominator: 8 }),
            cell('s', 'Q', 10, 'B', { denominator: 30 }), cell('s', 'Q', 20, 'C', { denominator: 62 }),
        ]));
        expect(out.map((r) => r.suppressed)).toEqual([false, true, true, false]);
    });
    it('recomputes an expression from disclosed parts and discloses a count reference like a count', async () => {
        const p = program({ sources: [], privacy, indicators: [
            indicator('a', count), indicator('b', count),
            indicator('d', { kind: 'expression', expression: { kind: 'binary', op: '-', left: { kind: 'indicator', name: 'a' }, right: { kind: 'indicator', name: 'b' } } }),
        ] });
        const out = await applyDisclosure(p, [cell('a', 'Q', 23), cell('b', 'Q', 11), cell('d', 'Q', 12), cell('a', 'Q', 3, undefined, { series: 'NL' }), cell('a', 'Q', 41, undefined, { series: 'G40' })]);
        expect(out.map((r) => r.value)).toEqual([25, 10, 15, null, 40]);
        expect(out.slice(3).map((r) => [r.suppressed, r.numerator])).toEqual([[true, null], [false, null]]);
        const hidden = await applyDisclosure(p, [cell('a', 'Q', 23), cell('b', 'Q', 4), cell('d', 'Q', 19)]);
        expect(hidden[2]).toMatchObject({ value: null, suppressed: true });
    });
    it('hides a median duration over fewer episodes than the minimum and drops the unit count from every row', async () => {
        const episodes = source('e', { kind: 'episodes', start: 'b', end: 'e', key: 'k' }, [col('k', 'text'), col('b', 'date'), col('e', 'date', true)]);
        const table = source('t', { kind: 'table', key: null }, [col('n', 'integer')]);
        const median = measure({ source: 'e', time: 'ended', aggregate: 'median', duration: true, isCount: false });
        const sum = measure({ source: 't', time: 'none', aggregate: 'sum', column: { column: 'n', lookup: null }, isCount: false });
        const p = program({ sources: [episodes, table], indicators: [indicator('m', median), indicator('s', sum)], privacy });
        const out = await applyDisclosure(p, [cell('m', 'Q1', 431, undefined, { units: 3 }), cell('m', 'Q2', 380, undefined, { units: 12 }), cell('s', 'Q1', 7, undefined, { units: 1 })]);
        expect(out.map((r) => [r.value, r.suppressed])).toEqual([[null, true], [380, false], [7, false]]);
        expect(out.some((r) => 'units' in r)).toBe(false);
        expect((await applyDisclosure(program({ sources: [], indicators: [indicator('m', median)] }), [cell('m', 'Q1', 431, undefined, { units: 3 })]))[0]).not.toHaveProperty('units');
    });
    it('changes nothing without privacy rules', async () => {
        const rows = [cell('x', 'Q', 3)];
        expect((await applyDisclosure(program({ sources: [], indicators: [indicator('x', count)] }), rows))).toBe(rows);
    });
});
