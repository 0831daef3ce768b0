/**
 * The cell of rows without a breakdown value is not the total (issue 15, item 10): hover and lenses
 * read the total row, the report and chart label the cell "(unknown)" / "(onbekend)".
 */
import { describe, expect, it } from 'vitest';
import type { ResultRow } from '@monitor/ir';
import { trendData } from '@monitor/render';
import { latestRow } from '../src/indicator-summary.js';

const row = (dimensions: Record<string, string | null>, value: number): ResultRow => ({
    indicator: 'n', series: 'actual', period: '2024', dimensions, value, numerator: value, denominator: null,
    target: null, status: 'no-target', suppressed: false, provisional: null,
});
// The order `monitor run` gives: the total first, then the cells, the unknown cell last.
const rows = [row({}, 90), row({ wijk: 'A' }, 20), row({ wijk: null }, 70)];

describe('the cell of rows without a value', () => {
    it('is not what hover and lenses show as the latest total', () => {
        expect(latestRow(rows, 'n')?.value).toBe(90);
    });

    it('is a group of its own in a chart by that breakdown, labelled in the chart language', () => {
        const ind = { name: 'n', title: null, description: null, unit: null, grain: 'year' as const, desired: null, by: ['wijk'],
            value: { kind: 'expression' as const, expression: { kind: 'number' as const, value: 1 } }, target: null, references: [],
            span: { uri: 'x', offset: 0, length: 0 } };
        const groups = trendData(ind, rows, { breakdown: 'wijk', lang: 'nl' }).map((d) => d.group);
        expect(new Set(groups)).toEqual(new Set(['A', '(onbekend)']));
        expect(new Set(trendData(ind, rows).map((d) => d.group))).toEqual(new Set(['']));
    });
});
