/** A small indicator with a target, a note, a hidden count and a provisional quarter, for the chart tests. */
import type { IndicatorIR, NoteIR, ResultRow, Span } from '@monitor/ir';

const span: Span = { uri: 'file:///t.monitor', offset: 0, length: 1 };

export const indicator: IndicatorIR = {
    name: 'verblijf', title: 'Jeugdigen met verblijf', description: null, unit: 'per 1.000 jongeren',
    grain: 'quarter', desired: 'down', by: ['wijk'],
    value: { kind: 'measure', measure: { source: 's', aggregate: 'count', column: null, duration: false, time: 'event', filter: null, having: null, transition: null, isCount: true, span } },
    target: { baseline: '2022', points: [], tolerance: { value: 5, relative: true }, span },
    references: [], span,
};

export const notes: NoteIR[] = [{ date: '2022-07-01', text: 'Nieuw inkoopbeleid', indicator: 'verblijf', span }];

function row(period: string, value: number | null, extra: Partial<ResultRow> = {}): ResultRow {
    return {
        indicator: 'verblijf', series: 'actual', period, dimensions: {}, value, numerator: value, denominator: null,
        target: value === null ? null : 10, status: value === null ? 'no-data' : value <= 10 ? 'on-track' : 'off-track',
        suppressed: false, provisional: false, ...extra,
    };
}

export const rows: ResultRow[] = [
    row('2022-Q1', 12), row('2022-Q2', 11), row('2022-Q3', null, { suppressed: true }), row('2022-Q4', 9),
    row('2023-Q1', 8, { provisional: true }),
    { ...row('2022-Q1', 7), series: 'Nederland', target: null, status: 'no-target' },
    { ...row('2022-Q4', 6), series: 'Nederland', target: null, status: 'no-target' },
    row('2022-Q1', 20, { dimensions: { wijk: 'Noord' } }), row('2022-Q2', 21, { dimensions: { wijk: 'Noord' } }),
    row('2022-Q1', 30, { dimensions: { wijk: 'Zuid' } }), row('2022-Q2', null, { dimensions: { wijk: 'Zuid' }, suppressed: true }),
];
