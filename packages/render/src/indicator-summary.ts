/** The headline of an indicator (preview card, CLI report): latest value, change against the previous period and the baseline, status. */
import { formatPeriod, periodsIn, type IndicatorIR, type ResultRow, type Status } from '@monitor/ir';
import { isTotalRow } from './trend-data.js';

/** What the card shows above the chart. */
export interface IndicatorSummary {
    /** The latest period with a shown value, and that value. */
    period: string | null;
    value: number | null;
    /** Change against the period before (absolute), and that period's label. */
    previous: { period: string; change: number } | null;
    /** Change against the target's baseline (absolute and in percent). */
    baseline: { label: string; change: number; percent: number | null } | null;
    status: Status;
    provisional: boolean;
}

/** Summarises the total (no breakdown) actual series of one indicator. */
export function indicatorSummary(indicator: IndicatorIR, rows: ResultRow[]): IndicatorSummary {
    const series = rows
        .filter(r => r.indicator === indicator.name && r.series === 'actual' && isTotalRow(r))
        .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    const shown = series.filter(r => r.value !== null);
    const latest = shown[shown.length - 1];
    if (!latest || latest.value === null) {
        return { period: null, value: null, previous: null, baseline: null, status: 'no-data', provisional: false };
    }
    const index = series.indexOf(latest);
    const before = index > 0 ? series[index - 1] : undefined;
    const previous = before && before.value !== null ? { period: before.period, change: latest.value - before.value } : null;
    let baseline: IndicatorSummary['baseline'] = null;
    const label = indicator.target?.baseline;
    if (label) {
        const periods = new Set(periodsIn(label, indicator.grain).map(formatPeriod));
        const values = series.filter(r => periods.has(r.period) && r.value !== null).map(r => r.value as number);
        if (values.length > 0) {
            const base = values.reduce((a, b) => a + b, 0) / values.length;
            baseline = { label, change: latest.value - base, percent: base === 0 ? null : ((latest.value - base) / Math.abs(base)) * 100 };
        }
    }
    return { period: latest.period, value: latest.value, previous, baseline, status: latest.status, provisional: latest.provisional === true };
}
