/**
 * The headline of an indicator (preview card, CLI report): latest value, change against the previous
 * period and the baseline, status. The changes come with their text, so the preview and the report
 * word them alike: for an indicator in `%` a change is in percentage points ("+3,1 procentpunt"),
 * never a percent of a percent; for any other unit the change against the baseline is relative (%).
 */
import { formatPeriod, indicatorDecimals, periodsIn, type IndicatorIR, type ResultRow, type Status } from '@monitor/ir';
import { formatNumber, type Lang } from './labels.js';
import { isTotalRow } from './trend-data.js';

/** A change with its text, e.g. `+3,1 procentpunt`, `−12,5%` or `−4`. */
export interface SummaryChange {
    /** The absolute change, in the indicator's unit. */
    change: number;
    /** The signed text shown in the headline. */
    text: string;
}

/** What the card shows above the chart. */
export interface IndicatorSummary {
    /** The latest period with a shown value, and that value. */
    period: string | null;
    value: number | null;
    /** Change against the period before (absolute), and that period's label. */
    previous: (SummaryChange & { period: string }) | null;
    /**
     * Change against the target's baseline: absolute, relative in percent (null for a `%` indicator,
     * whose change is in percentage points, and for a baseline of 0).
     */
    baseline: (SummaryChange & { label: string; percent: number | null }) | null;
    status: Status;
    provisional: boolean;
}

/** True when the indicator's unit is a percentage: `%`, `procent`, `percent`, `percentage`. */
export function isPercentUnit(unit: string | null | undefined): boolean {
    return /^\s*(%|procent|percent|percentage)\s*$/i.test(unit ?? '');
}

/** `+3,1`, `−2`, `0` with the indicator's decimals (the minus sign, not a hyphen). */
export function signedNumber(value: number, lang: Lang, decimals: number, suffix = ''): string {
    const text = formatNumber(Math.abs(value), lang, decimals);
    const sign = text.replace(/[^1-9]/g, '') === '' ? '' : value > 0 ? '+' : '−';
    return `${sign}${text}${suffix}`;
}

/** A change in percentage points: `+3.1 percentage points`, `+3,1 procentpunt`. */
export function pointsText(change: number, lang: Lang, decimals: number): string {
    const one = formatNumber(Math.abs(change), 'en', decimals) === '1';
    const word = lang === 'nl' ? 'procentpunt' : one ? 'percentage point' : 'percentage points';
    return `${signedNumber(change, lang, decimals)} ${word}`;
}

/** Summarises the total (no breakdown) actual series of one indicator; texts in `lang`. */
export function indicatorSummary(indicator: IndicatorIR, rows: ResultRow[], lang: Lang = 'en'): IndicatorSummary {
    const series = rows
        .filter(r => r.indicator === indicator.name && r.series === 'actual' && isTotalRow(r))
        .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    const shown = series.filter(r => r.value !== null);
    const latest = shown[shown.length - 1];
    if (!latest || latest.value === null) {
        return { period: null, value: null, previous: null, baseline: null, status: 'no-data', provisional: false };
    }
    const decimals = indicatorDecimals(indicator);
    const points = isPercentUnit(indicator.unit);
    const absolute = (change: number) => (points ? pointsText(change, lang, decimals) : signedNumber(change, lang, decimals));
    const index = series.indexOf(latest);
    const before = index > 0 ? series[index - 1] : undefined;
    const previous = before && before.value !== null
        ? { period: before.period, change: latest.value - before.value, text: absolute(latest.value - before.value) } : null;
    let baseline: IndicatorSummary['baseline'] = null;
    const label = indicator.target?.baseline;
    if (label) {
        const periods = new Set(periodsIn(label, indicator.grain).map(formatPeriod));
        const values = series.filter(r => periods.has(r.period) && r.value !== null).map(r => r.value as number);
        if (values.length > 0) {
            const base = values.reduce((a, b) => a + b, 0) / values.length;
            const change = latest.value - base;
            const percent = points || base === 0 ? null : (change / Math.abs(base)) * 100;
            baseline = { label, change, percent, text: percent === null ? absolute(change) : signedNumber(percent, lang, 1, '%') };
        }
    }
    return { period: latest.period, value: latest.value, previous, baseline, status: latest.status, provisional: latest.provisional === true };
}
