import { describe, expect, it } from 'vitest';
import type { IndicatorIR, MeasureIR, ProgramIR, ResultRow, SourceIR } from '@monitor/ir';
import { auditPublication } from '../src/audit-publication.js';

const span = { uri: 'file:///w/a.monitor', offset: 0, length: 0 };
const source: SourceIR = {
    name: 's', path: 's.csv', declaredIn: span.uri, format: 'csv',
    csv: { delimiter: ',', decimalComma: false, header: true, nulls: [], dateFormat: null },
    columns: [{ name: 'wijk', type: 'text', nullable: false, span }, { name: 'datum', type: 'date', nullable: false, span }],
    shape: { kind: 'events', date: 'datum', key: null }, status: null, coverage: null, span,
};
const count: MeasureIR = {
    source: 's', aggregate: 'count', column: null, duration: false, time: 'event', filter: null,
    having: null, transition: null, isCount: true, span,
};
const indicator = (name: string, by: string[], m: MeasureIR = count, grain: IndicatorIR['grain'] = 'year'): IndicatorIR => ({
    name, title: null, description: null, unit: null, grain, desired: null, by, value: { kind: 'measure', measure: m }, target: null, references: [], span,
});
const program = (indicators: IndicatorIR[], privacy = { minimum: 10, round: 1 }): ProgramIR => ({
    monitor: { name: 'm', title: null, owner: null, description: null, grain: 'year', range: { from: '2024', to: '2024' }, privacy, span },
    sources: [source],
    dimensions: [{ name: 'wijk', title: null, bindings: [{ source: 's', column: { column: 'wijk', lookup: null } }], span }],
    indicators, notes: [],
});
/** A published row: a number is shown, null is hidden. */
const row = (ind: string, period: string, n: number | null, wijk?: string): ResultRow => ({
    indicator: ind, series: 'actual', period, dimensions: wijk ? { wijk } : {}, value: n, numerator: n, denominator: null,
    target: null, status: n === null ? 'no-data' : 'no-target', suppressed: n === null, provisional: null,
});

describe('the audit solves what a reader can prove', () => {
    it('finds a hidden cell that is the total minus the shown cells', async () => {
        const p = program([indicator('x', ['wijk'])]);
        const result = await auditPublication([{ program: p, rows: [row('x', '2024', 74), row('x', '2024', 40, 'A'), row('x', '2024', 31, 'B'), row('x', '2024', null, 'C')] }]);
        expect(result.findings.map((f) => [f.kind, f.subject, f.interval])).toEqual([['derivable', 'x 2024 wijk=C', { low: 3, high: 3 }]]);
        expect(result.findings[0].givenBy).toEqual(['x 2024', 'x 2024 wijk=A', 'x 2024 wijk=B']);
    });

    it('finds nothing when two hidden cells share a sum of at least the minimum', async () => {
        const p = program([indicator('x', ['wijk'])]);
        const rows = [row('x', '2024', 80), row('x', '2024', 60, 'A'), row('x', '2024', null, 'B'), row('x', '2024', null, 'C')];
        const result = await auditPublication([{ program: p, rows }]);
        expect(result.findings).toEqual([]);
        expect(result.checked.hidden).toBe(2);
    });

    it('finds two hidden cells whose sum is small: each lies in a narrow interval', async () => {
        const p = program([indicator('x', ['wijk'])]);
        const rows = [row('x', '2024', 80), row('x', '2024', 74, 'A'), row('x', '2024', null, 'B'), row('x', '2024', null, 'C')];
        const result = await auditPublication([{ program: p, rows }]);
        expect(result.findings.map((f) => [f.kind, f.interval])).toEqual([['narrow', { low: 0, high: 6 }], ['narrow', { low: 0, high: 6 }]]);
    });

    it('reads a count rounded to 5 as the interval it stands for', async () => {
        const p = program([indicator('x', ['wijk'])], { minimum: 10, round: 5 });
        // 75 - 40 - 30: the hidden cell is 5 give or take three roundings — 0..11, twelve values.
        const rows = [row('x', '2024', 75), row('x', '2024', 40, 'A'), row('x', '2024', 30, 'B'), row('x', '2024', null, 'C')];
        const result = await auditPublication([{ program: p, rows }]);
        expect(result.findings).toEqual([]);
        expect(result.checked.hidden).toBe(1);
    });

    it('ties a year to its four quarters for a flow', async () => {
        const p = program([indicator('q', [], count, 'quarter'), indicator('y', [], count, 'year')]);
        const rows = [row('q', '2024-Q1', 20), row('q', '2024-Q2', 25), row('q', '2024-Q3', null), row('q', '2024-Q4', 30), row('y', '2024', 78)];
        const result = await auditPublication([{ program: p, rows }]);
        expect(result.findings.map((f) => [f.subject, f.interval])).toEqual([['q 2024-Q3', { low: 3, high: 3 }]]);
    });

    it('does not add up keys: a count distinct total is at most the sum of its cells', async () => {
        const distinct: MeasureIR = { ...count, aggregate: 'count-distinct', column: { column: 'wijk', lookup: null } };
        const p = program([indicator('x', ['wijk'], distinct)]);
        const rows = [row('x', '2024', 74), row('x', '2024', 40, 'A'), row('x', '2024', 31, 'B'), row('x', '2024', null, 'C')];
        const result = await auditPublication([{ program: p, rows }]);
        // C ≥ 74 − 71 = 3 and C ≤ 74: not pinned.
        expect(result.findings).toEqual([]);
    });

    it('takes a denominator whose source lacks the breakdown as the same number in every cell', async () => {
        const inwoners: SourceIR = { ...source, name: 'p', path: 'p.csv', columns: [{ name: 'aantal', type: 'integer', nullable: false, span }], shape: { kind: 'snapshot', date: 'datum', valid: null } };
        const population: MeasureIR = { ...count, source: 'p', aggregate: 'sum', column: { column: 'aantal', lookup: null }, time: 'snapshot', isCount: false };
        const rate: IndicatorIR = { ...indicator('r', ['wijk']), value: { kind: 'rate', numerator: count, denominator: population, scale: 1000, percent: false } };
        const p = { ...program([rate]), sources: [source, inwoners] };
        const r = (n: number | null, wijk?: string): ResultRow => ({ ...row('r', '2024', n, wijk), denominator: n === null ? null : 1000 });
        const result = await auditPublication([{ program: p, rows: [r(74), r(40, 'A'), r(31, 'B'), r(null, 'C')] }]);
        expect(result.inconsistent).toEqual([]);
        expect(result.findings.map((f) => [f.subject, f.interval])).toEqual([['r 2024 wijk=C', { low: 3, high: 3 }]]);
    });

    it('sees a published count below the minimum, and no minimum at all', async () => {
        expect((await auditPublication([{ program: program([indicator('x', [])]), rows: [row('x', '2024', 3)] }])).findings.map((f) => f.kind)).toEqual(['below-minimum']);
        expect((await auditPublication([{ program: program([indicator('x', [])], { minimum: 0, round: 5 }), rows: [row('x', '2024', 5)] }])).findings.map((f) => f.kind)).toEqual(['no-minimum']);
    });
});
