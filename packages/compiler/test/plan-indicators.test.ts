import { describe, expect, it } from 'vitest';
import type { IndicatorIR, MeasureIR, ProgramIR, SourceIR, Span } from '@monitor/ir';
import { explainSql, monitorPeriods, planIndicators, PlanError, quoteIdent, quoteLiteral, sqlDate, sqlLiteral, sqlNumber } from '@monitor/compiler';

const span: Span = { uri: 'test://t', offset: 0, length: 1 };
const src: SourceIR = {
    name: 'ep', path: 'ep.csv', declaredIn: 'test://t', format: 'csv',
    csv: { delimiter: ',', decimalComma: false, header: true, nulls: [], dateFormat: null },
    columns: [], shape: { kind: 'episodes', start: 'b', end: 'e', key: 'k' }, status: null, coverage: null, span,
};
const m: MeasureIR = { source: 'ep', aggregate: 'count', column: null, duration: false, time: 'active-at-end', filter: null, having: null, transition: null, isCount: true, span };
const ind = (name: string, value: IndicatorIR['value'], grain: IndicatorIR['grain'] = 'quarter'): IndicatorIR =>
    ({ name, title: null, description: null, unit: null, grain, desired: null, by: [], value, target: null, references: [], span });
const prog = (indicators: IndicatorIR[], range = { from: '2024', to: '2024' }): ProgramIR => ({
    monitor: { name: 'm', title: null, owner: null, description: null, grain: 'quarter', range, privacy: null, span },
    sources: [src], dimensions: [], indicators, notes: [],
});
const ref = (name: string) => ({ kind: 'indicator', name }) as const;

describe('SQL text', () => {
    it('doubles quotes in identifiers and literals', () => {
        expect(quoteIdent('a"b')).toBe('"a""b"');
        expect(quoteLiteral(`it's`)).toBe(`'it''s'`);
        expect(sqlLiteral({ kind: 'text', value: `'); DROP TABLE x; --` })).toBe(`'''); DROP TABLE x; --'`);
    });
    it('refuses numbers that are not finite and dates that do not exist', () => {
        expect(() => sqlNumber(Number.NaN)).toThrow(PlanError);
        expect(() => sqlNumber(Infinity)).toThrow(PlanError);
        expect(() => sqlDate('2023-02-29')).toThrow(PlanError);
        expect(sqlDate('2024-02-29')).toBe(`DATE '2024-02-29'`);
    });
});

describe('planning', () => {
    it('lists the periods of the indicator grain across the monitor range, with half-year boundaries', () => {
        const periods = monitorPeriods(prog([]).monitor, 'half-year');
        expect(periods).toEqual([
            { label: '2024-H1', start: '2024-01-01', end: '2024-06-30', ordinal: 4048 },
            { label: '2024-H2', start: '2024-07-01', end: '2024-12-31', ordinal: 4049 },
        ]);
        expect(monitorPeriods(prog([]).monitor, 'month')[1]).toMatchObject({ label: '2024-02', end: '2024-02-29' });
    });
    it('puts an expression after the indicators it uses and gives it no SQL', () => {
        const plan = planIndicators(prog([
            ind('d', { kind: 'expression', expression: { kind: 'binary', op: '/', left: ref('a'), right: ref('b') } }),
            ind('a', { kind: 'measure', measure: m }),
            ind('b', { kind: 'measure', measure: m }),
        ]));
        expect(plan.indicators.map((i) => i.indicator)).toEqual(['a', 'b', 'd']);
        expect(plan.indicators[2]).toMatchObject({ kind: 'expression', query: null, dependsOn: ['a', 'b'] });
        expect(explainSql(plan, 'd')).toContain('(a / b)');
    });
    it('reports an expression that depends on itself', () => {
        const loop = ind('x', { kind: 'expression', expression: { kind: 'binary', op: '+', left: ref('x'), right: { kind: 'number', value: 1 } } });
        expect(() => planIndicators(prog([loop]))).toThrow(/depends on itself/);
    });
    it('gives a percentage a factor of 100 and a rate per 1000 a factor of 1000', () => {
        const plan = planIndicators(prog([
            ind('p', { kind: 'rate', numerator: m, denominator: m, scale: 1, percent: true }),
            ind('r', { kind: 'rate', numerator: m, denominator: m, scale: 1000, percent: false }),
        ]));
        expect(plan.indicators.map((i) => i.factor)).toEqual([100, 1000]);
    });
    it('joins active-at-end rows to periods with a range condition and groups dated rows by their period ordinal', () => {
        const plan = planIndicators(prog([ind('a', { kind: 'measure', measure: m }), ind('s', { kind: 'measure', measure: { ...m, time: 'started' } }, 'month')]));
        expect(plan.indicators[0].query!.sql).toContain('r.t_start <= p.p_end AND r.t_end_c >= p.p_end');
        const started = plan.indicators[1].query!.sql;
        expect(started).toContain(`(year("s"."b") * 12 + (month("s"."b") - 1) // 1) AS o`);
        // Not joined to the periods: grouped by ordinal, only rows dated inside the monitor's range.
        expect(started).not.toContain('p.ordinal = r.o');
        expect(started).toMatch(/GROUP BY o\b/);
        expect(started).toContain('LEFT JOIN n_agg AS n ON n.o = grid.ordinal');
        expect(started).toMatch(/WHERE \("s"\."b" BETWEEN DATE '\d{4}-\d{2}-01' AND DATE '\d{4}-\d{2}-\d{2}'\)/);
    });
    it('counts units only where disclosure control reads them: a non-count value under a privacy rule', () => {
        const avg: MeasureIR = { ...m, aggregate: 'avg', column: { column: 'v', lookup: null }, isCount: false };
        const withPrivacy = (p: ProgramIR): ProgramIR => ({ ...p, monitor: { ...p.monitor, privacy: { minimum: 10, round: 1 } } });
        const count = planIndicators(withPrivacy(prog([ind('c', { kind: 'measure', measure: m })]))).indicators[0].query!.sql;
        const mean = planIndicators(withPrivacy(prog([ind('a', { kind: 'measure', measure: avg })]))).indicators[0].query!.sql;
        const meanNoPrivacy = planIndicators(prog([ind('a', { kind: 'measure', measure: avg })])).indicators[0].query!.sql;
        expect(count).toContain('CAST(NULL AS DOUBLE) AS units');
        expect(mean).toMatch(/count\([^)]*\) AS units/);
        expect(meanNoPrivacy).toContain('CAST(NULL AS DOUBLE) AS units');
    });
    it('explains a missing indicator with a planning error', () => {
        expect(() => explainSql(planIndicators(prog([])), 'nope')).toThrow(PlanError);
    });
});
