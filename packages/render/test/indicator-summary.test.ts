import { describe, expect, test } from 'vitest';
import type { ResultRow } from '@monitor/ir';
import { indicatorSummary } from '../src/indicator-summary.js';
import { indicator, rows } from './fixtures.js';

const actual = (period: string, value: number | null, extra: Partial<ResultRow> = {}): ResultRow => ({
    indicator: 'verblijf', series: 'actual', period, dimensions: {}, value, numerator: value, denominator: null,
    target: null, status: value === null ? 'no-data' : 'on-track', suppressed: value === null, provisional: false, ...extra,
});

describe('indicatorSummary', () => {
    test('the headline is the latest shown total value with its status and provisional mark', () => {
        const s = indicatorSummary(indicator, rows);
        expect(s).toMatchObject({ period: '2023-Q1', value: 8, provisional: true });
    });

    test('the change against the previous period is absolute', () => {
        expect(indicatorSummary(indicator, rows).previous).toEqual({ period: '2022-Q4', change: -1, text: '−1' });
    });

    test('for a % indicator the changes are in percentage points, never a percent of a percent', () => {
        const share = { ...indicator, unit: '%', decimals: 1 };
        const s = indicatorSummary(share, [actual('2022-Q1', 40), actual('2022-Q2', 42.2), actual('2022-Q3', 40.2), actual('2022-Q4', 43.4)], 'nl');
        expect(s.previous?.text).toBe('+3,2 procentpunt');
        // Baseline 2022: mean 41.45; 43.4 − 41.45 = 1.95, rounded by roundTo to 2.0 (a float subtraction gives 1.9499…).
        expect(s.baseline).toMatchObject({ percent: null, text: '+2,0 procentpunt' });
        expect(indicatorSummary(share, [actual('2022-Q1', 40), actual('2022-Q4', 37)], 'en').baseline?.text).toBe('−1.5 percentage points');
    });

    test('for other units the change against the baseline is relative, in percent with one decimal', () => {
        expect(indicatorSummary(indicator, rows, 'nl').baseline?.text).toBe('−25,0%');
    });

    test('the change against the baseline compares with the mean of the baseline year, in percent', () => {
        // 2022: 12, 11, hidden, 9 → mean of the shown values 32/3.
        const s = indicatorSummary(indicator, rows);
        expect(s.baseline?.label).toBe('2022');
        expect(s.baseline?.change).toBeCloseTo(8 - 32 / 3, 10);
        expect(s.baseline?.percent).toBeCloseTo(((8 - 32 / 3) / (32 / 3)) * 100, 10);
    });

    test('no change against the previous period when that period is hidden', () => {
        const s = indicatorSummary(indicator, [actual('2024-Q1', 5), actual('2024-Q2', null), actual('2024-Q3', 6)]);
        expect(s.value).toBe(6);
        expect(s.previous).toBeNull();
    });

    test('a trailing hidden period does not become the headline; the last shown value does', () => {
        const s = indicatorSummary(indicator, [actual('2024-Q1', 5), actual('2024-Q2', null)]);
        expect(s).toMatchObject({ period: '2024-Q1', value: 5 });
    });

    test('an indicator without any shown value has status no-data', () => {
        expect(indicatorSummary(indicator, [actual('2024-Q1', null)])).toMatchObject({ value: null, status: 'no-data', baseline: null });
    });

    test('breakdown rows and reference series never make the headline', () => {
        const s = indicatorSummary(indicator, [actual('2024-Q1', 5), actual('2024-Q2', 50, { dimensions: { wijk: 'Noord' } }), { ...actual('2024-Q2', 70), series: 'Nederland' }]);
        expect(s).toMatchObject({ period: '2024-Q1', value: 5 });
    });
});
