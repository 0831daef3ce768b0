import { describe, expect, it } from 'vitest';
import type { MeasureIR, ResultRow } from '@monitor/ir';
import { applyDisclosure } from '../src/disclosure.js';
import { indicator, measure, program } from './helpers/program.js';
import { row } from './helpers/rows.js';

const count = measure({ source: 's', time: 'event' });
const population: MeasureIR = { ...count, aggregate: 'sum', isCount: false };
const privacy = { minimum: 10, round: 5 };
const cell = (ind: string, period: string, n: number | null, wijk?: string, extra: Partial<ResultRow> = {}) =>
    row(ind, period, n, { dimensions: wijk === undefined ? {} : { wijk }, ...extra });

describe('disclosure control', () => {
    it('never shows a count below the minimum or an unrounded count (counts 0..20)', () => {
        const p = program({ sources: [], indicators: [indicator('x', count)], privacy });
        const rows = Array.from({ length: 21 }, (_, n) => cell('x', '2024-Q1', n));
        const out = applyDisclosure(p, rows);
        for (const [n, r] of out.entries()) {
            if (n < 10) expect(r).toMatchObject({ value: null, numerator: null, suppressed: true });
            else expect(r).toMatchObject({ value: Math.round(n / 5) * 5, numerator: Math.round(n / 5) * 5, suppressed: false });
            if (r.value !== null) expect(r.value % 5 === 0 && r.value >= 10).toBe(true);
        }
    });
    it('hides a count whose rounded value falls below the minimum', () => {
        const p = program({ sources: [], indicators: [indicator('x', count)], privacy: { minimum: 7, round: 5 } });
        expect(applyDisclosure(p, [cell('x', '2024-Q1', 7)])[0].suppressed).toBe(true);
    });
    it('computes a rate from rounded parts and hides it when a count part is hidden', () => {
        const rate = indicator('r', { kind: 'rate', numerator: count, denominator: population, scale: 1000, percent: false });
        const p = program({ sources: [], indicators: [rate], privacy });
        const out = applyDisclosure(p, [
            cell('r', '2024-Q1', 12, undefined, { denominator: 1003, value: 12 / 1003 * 1000 }),
            cell('r', '2024-Q2', 4, undefined, { denominator: 1003, value: 4 / 1003 * 1000 }),
        ]);
        expect(out[0]).toMatchObject({ numerator: 10, denominator: 1003, value: 10 / 1003 * 1000 });
        expect(out[1]).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
    });
    it('hides the next-smallest cell when one hidden cell could be worked out from the total', () => {
        const p = program({ sources: [], indicators: [indicator('x', count, { by: ['wijk'] })], privacy });
        const out = applyDisclosure(p, [cell('x', 'Q', 60), cell('x', 'Q', 3, 'A'), cell('x', 'Q', 12, 'B'), cell('x', 'Q', 45, 'C')]);
        expect(out.map((r) => r.suppressed)).toEqual([false, true, true, false]);
        const two = applyDisclosure(p, [cell('x', 'Q', 60), cell('x', 'Q', 3, 'A'), cell('x', 'Q', 4, 'B'), cell('x', 'Q', 53, 'C')]);
        expect(two.map((r) => r.suppressed)).toEqual([false, true, true, false]);
    });
    it('recomputes an expression from disclosed parts and leaves references alone', () => {
        const p = program({ sources: [], privacy, indicators: [
            indicator('a', count), indicator('b', count),
            indicator('d', { kind: 'expression', expression: { kind: 'binary', op: '-', left: { kind: 'indicator', name: 'a' }, right: { kind: 'indicator', name: 'b' } } }),
        ] });
        const out = applyDisclosure(p, [cell('a', 'Q', 23), cell('b', 'Q', 11), cell('d', 'Q', 12), cell('a', 'Q', 3, undefined, { series: 'NL' })]);
        expect(out.map((r) => r.value)).toEqual([25, 10, 15, 3]);
        const hidden = applyDisclosure(p, [cell('a', 'Q', 23), cell('b', 'Q', 4), cell('d', 'Q', 19)]);
        expect(hidden[2]).toMatchObject({ value: null, suppressed: true });
    });
    it('changes nothing without privacy rules', () => {
        const rows = [cell('x', 'Q', 3)];
        expect(applyDisclosure(program({ sources: [], indicators: [indicator('x', count)] }), rows)).toBe(rows);
    });
});
