import { describe, expect, it } from 'vitest';
import type { TargetIR, TargetPointIR } from '@monitor/ir';
import { assessTargets, targetStatus } from '../src/targets.js';
import { indicator, measure, program, span } from './helpers/program.js';
import { row } from './helpers/rows.js';

const point = (period: string, p: Partial<TargetPointIR>): TargetPointIR => ({ period, kind: 'absolute', op: null, value: null, direction: null, span, ...p });
const m = measure({ source: 's', time: 'event' });

function assess(target: TargetIR, values: [string, number | null][], desired: 'up' | 'down' | null = 'down', dims: Record<string, string | null> = {}) {
    // Two decimals, so the trajectory's halves (97.5) are published as they are.
    const p = program({ sources: [], indicators: [indicator('x', m, { target, desired, decimals: 2 })] });
    return assessTargets(p, values.map(([period, v]) => row('x', period, v, { dimensions: dims })));
}

describe('target trajectories and statuses', () => {
    it('runs straight from the baseline mean to a relative target and stays there afterwards', () => {
        const target: TargetIR = { baseline: '2022', points: [point('2023-Q4', { kind: 'relative', value: -10 })], tolerance: null, span };
        const out = assess(target, [['2022-Q1', 90], ['2022-Q2', 110], ['2022-Q3', 100], ['2022-Q4', 100], ['2023-Q1', 99], ['2023-Q2', 96], ['2023-Q4', 91], ['2024-Q1', 89]]);
        expect(out.map((r) => r.target)).toEqual([null, null, null, 100, 97.5, 95, 90, 90]);
        expect(out.map((r) => r.status)).toEqual(['no-target', 'no-target', 'no-target', 'on-track', 'off-track', 'off-track', 'off-track', 'on-track']);
    });
    it('gives a status within tolerance, relative or absolute', () => {
        expect(targetStatus(104, 100, 'down', { value: 5, relative: true })).toBe('within-tolerance');
        expect(targetStatus(106, 100, 'down', { value: 5, relative: true })).toBe('off-track');
        expect(targetStatus(97, 100, 'up', { value: 3, relative: false })).toBe('within-tolerance');
        expect(targetStatus(101, 100, 'up', null)).toBe('on-track');
        expect(targetStatus(null, 100, 'up', null)).toBe('no-data');
    });
    it('draws an absolute target without baseline as a flat line across all periods', () => {
        const target: TargetIR = { baseline: null, points: [point('2026-Q4', { op: '>=', value: 60 })], tolerance: null, span };
        const out = assess(target, [['2024-Q1', 55], ['2024-Q2', 61], ['2024-Q3', null]], null);
        expect(out.map((r) => [r.target, r.status])).toEqual([[60, 'off-track'], [60, 'on-track'], [60, 'no-data']]);
    });
    it('judges a direction-only target against the baseline, per breakdown cell', () => {
        const target: TargetIR = { baseline: '2023-Q1', points: [point('2024-Q4', { kind: 'direction', direction: 'up' })], tolerance: null, span };
        const out = assess(target, [['2023-Q1', 10], ['2023-Q2', 12], ['2023-Q3', 9]], null, { wijk: 'Noord' });
        expect(out.map((r) => [r.target, r.status])).toEqual([[10, 'on-track'], [10, 'on-track'], [10, 'off-track']]);
    });
    it('takes the baseline at a coarser grain as the mean of its periods and ignores missing ones', () => {
        const target: TargetIR = { baseline: '2022', points: [point('2022-Q4', { op: '<=', value: 1 })], tolerance: null, span };
        const out = assess(target, [['2022-Q1', 4], ['2022-Q2', null], ['2022-Q4', 8]], null);
        expect(out[2].target).toBe(6);
    });
    it('leaves reference series and indicators without a target alone', () => {
        const p = program({ sources: [], indicators: [indicator('x', m)] });
        const rows = [row('x', '2024-Q1', 3), row('x', '2024-Q1', 4, { series: 'NL' })];
        expect(assessTargets(p, rows)).toEqual(rows);
    });
});

describe('published numbers', () => {
    const rate = measure({ source: 's', time: 'event', aggregate: 'avg', column: { column: 'v', lookup: null } });
    it('rounds value and target to the decimals, and assesses the status on the rounded numbers', () => {
        // 8.96 against a trajectory of 8.95 (down is better) is shown as 9.0 against 9.0: on track, as the reader sees it.
        const target: TargetIR = { baseline: null, points: [point('2024-Q4', { op: '<=', value: 8.95 })], tolerance: null, span };
        const p = program({ sources: [], indicators: [indicator('x', rate, { target, desired: 'down', decimals: 1 })] });
        const [out] = assessTargets(p, [row('x', '2024-Q1', 8.96)]);
        expect([out.value, out.numerator, out.target, out.status]).toEqual([9, 9, 9, 'on-track']);
    });
    it('publishes float noise as the number it stands for, in references too', () => {
        const p = program({ sources: [], indicators: [indicator('x', rate, { decimals: 2 })] });
        const out = assessTargets(p, [row('x', '2024-Q1', 1.1 + 7.8), row('x', '2024-Q1', 0.1 + 0.2, { series: 'NL' })]);
        expect(out.map((r) => r.value)).toEqual([8.9, 0.3]);
        expect(out.map((r) => String(r.value))).toEqual(['8.9', '0.3']);
    });
    it('uses the default decimals of the kind when none are declared: a count is whole', () => {
        const target: TargetIR = { baseline: null, points: [point('2024-Q4', { op: '<=', value: 10.4 })], tolerance: null, span };
        const p = program({ sources: [], indicators: [indicator('x', m, { target, desired: 'down' })] });
        const [out] = assessTargets(p, [row('x', '2024-Q1', 10)]);
        expect([out.value, out.target, out.status]).toEqual([10, 10, 'on-track']);
    });
});
