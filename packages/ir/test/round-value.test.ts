/** The one rounding rule of every output (`roundTo`) and the default decimals by kind. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultDecimals, roundRow, roundTo, type IndicatorIR, type MeasureIR, type ResultRow } from '../src/index.js';

const span = { uri: 'memory:/t.monitor', offset: 0, length: 1 };
const measure = (m: Partial<MeasureIR>): MeasureIR => ({
    source: 's', aggregate: 'count', column: null, duration: false, time: 'event', filter: null, having: null, transition: null, isCount: true, span, ...m,
});

describe('roundTo', () => {
    test('prints the decimal it stands for, without float noise', () => {
        expect(String(roundTo(1.1 + 7.8, 1))).toBe('8.9');
        expect(String(roundTo(7 / 100 * 100, 1))).toBe('7');
        expect(String(roundTo(29 / 100 * 100, 2))).toBe('29');
        expect(String(roundTo(2 / 3 * 1000, 1))).toBe('666.7');
    });
    test('rounds halves away from zero, reading the decimal digits first (1.005 is 1.01)', () => {
        expect([roundTo(2.25, 1), roundTo(-2.25, 1), roundTo(1.005, 2), roundTo(0.5, 0), roundTo(-0.5, 0)]).toEqual([2.3, -2.3, 1.01, 1, -1]);
    });
    test('a small negative rounds to 0, not −0', () => {
        expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
    });
    test('is idempotent and moves a value by at most half a unit of the last decimal', () => {
        fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
            const r = roundTo(x, d);
            expect(roundTo(r, d)).toBe(r);
            expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + Math.abs(x) * 1e-12);
            // The shortest text of r has at most d decimals.
            const text = String(r);
            if (!text.includes('e')) expect(text.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(d);
        }));
    });
});

describe('default decimals', () => {
    test('counts 0, sums of integers 0, of decimals 2, averages 1, rates 1', () => {
        const types = { columnType: (_s: string, c: string) => (c === 'n' ? 'integer' as const : 'decimal' as const), decimalsOf: () => 0 };
        expect(defaultDecimals({ kind: 'measure', measure: measure({}) }, types)).toBe(0);
        expect(defaultDecimals({ kind: 'measure', measure: measure({ aggregate: 'sum', isCount: false, column: { column: 'n', lookup: null } }) }, types)).toBe(0);
        expect(defaultDecimals({ kind: 'measure', measure: measure({ aggregate: 'sum', isCount: false, column: { column: 'x', lookup: null } }) }, types)).toBe(2);
        expect(defaultDecimals({ kind: 'measure', measure: measure({ aggregate: 'median', isCount: false, duration: true }) }, types)).toBe(1);
        expect(defaultDecimals({ kind: 'rate', numerator: measure({}), denominator: measure({}), scale: 1000, percent: false }, types)).toBe(1);
    });
    test('an expression takes the most decimals of its parts, at least 1 when it divides', () => {
        const context = { columnType: () => null, decimalsOf: (n: string) => (n === 'a' ? 0 : 2) };
        const a = { kind: 'indicator' as const, name: 'a' };
        expect(defaultDecimals({ kind: 'expression', expression: { kind: 'binary', op: '-', left: a, right: a } }, context)).toBe(0);
        expect(defaultDecimals({ kind: 'expression', expression: { kind: 'binary', op: '/', left: a, right: a } }, context)).toBe(1);
        expect(defaultDecimals({ kind: 'expression', expression: { kind: 'binary', op: '*', left: a, right: { kind: 'number', value: 0.8 } } }, context)).toBe(1);
        expect(defaultDecimals({ kind: 'expression', expression: { kind: 'binary', op: '+', left: a, right: { kind: 'indicator', name: 'b' } } }, context)).toBe(2);
    });
});

describe('roundRow', () => {
    test('a rate: value and target to its decimals, count parts whole, other parts two decimals', () => {
        const indicator: IndicatorIR = {
            name: 'r', title: null, description: null, unit: null, grain: 'year', desired: null, by: [], target: null, references: [], span, decimals: 1,
            value: { kind: 'rate', numerator: measure({}), denominator: measure({ aggregate: 'sum', isCount: false, column: { column: 'x', lookup: null } }), scale: 1000, percent: false },
        };
        const row: ResultRow = {
            indicator: 'r', series: 'actual', period: '2024', dimensions: {}, value: 8.899999999999999, numerator: 89, denominator: 10000.004999999,
            target: 8.95, status: 'no-target', suppressed: false, provisional: null,
        };
        expect(roundRow(row, indicator)).toMatchObject({ value: 8.9, numerator: 89, denominator: 10000, target: 9 });
    });
});
