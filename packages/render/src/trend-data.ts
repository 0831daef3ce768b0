/**
 * The flat records a trend chart draws: one per actual or reference row, note, provisional period and
 * suppressed point. One dataset, so that small multiples facet every layer the same way.
 */
import { cellLabels, indicatorDecimals, isTotalRow, parsePeriod, periodEnd, periodStart, type IndicatorIR, type NoteIR, type ResultRow, type Status } from '@monitor/ir';
import { chartWord, formatNumber, statusLabel, type Lang } from './labels.js';

/** What a record stands for; each chart layer filters on it. */
export type TrendKind = 'actual' | 'reference' | 'note' | 'provisional' | 'suppressed';

/** One record of the chart's dataset. */
export interface TrendDatum {
    kind: TrendKind;
    /** The breakdown cell (`wijk = Noord`), or '' for the total. */
    group: string;
    series: string;
    period: string;
    /** First and last day of the period (or the note's date twice), ISO. */
    date: string;
    end: string;
    value: number | null;
    target: number | null;
    low: number | null;
    high: number | null;
    status: Status;
    /** The tooltip text. */
    tip: string;
    /** A note's text. */
    text: string;
    /** A note label's distance from the top in pixels; notes in date order step down so labels do not overlap. */
    labelY: number;
    /**
     * Which way a note's label runs from its rule: `start` (rightwards) in the left half of the time
     * axis, `end` (leftwards) in the right half, so a label (at most half the plot wide) stays inside.
     */
    side: 'start' | 'end';
    /**
     * A reference value with no value in the period before or after it (a one-period table, or a gap
     * on both sides): a line cannot show it, so the chart marks it with a point and a label.
     */
    isolated: boolean;
}

/** What the chart shows besides the rows: notes, the privacy minimum, which breakdown, the language. */
export interface TrendOptions {
    notes?: NoteIR[];
    /** A dimension to show as small multiples; null or absent: the total. */
    breakdown?: string | null;
    lang?: Lang;
}

/** True for the row without breakdown (no dimension fields; the "(unknown)" cell has them, as null). */
export { isTotalRow };

function groupOf(row: ResultRow, breakdown: string | null, lang: Lang): string | null {
    if (!breakdown) return isTotalRow(row) ? '' : null;
    if (!(breakdown in (row.dimensions ?? {}))) return null;
    return cellLabels(row, lang);
}

function slack(indicator: IndicatorIR, target: number): number {
    const t = indicator.target?.tolerance;
    if (!t) return 0;
    return t.relative ? (Math.abs(target) * t.value) / 100 : t.value;
}

/** Builds the dataset of one indicator's trend chart. */
export function trendData(indicator: IndicatorIR, rows: ResultRow[], options: TrendOptions = {}): TrendDatum[] {
    const lang = options.lang ?? 'en';
    const decimals = indicatorDecimals(indicator);
    const breakdown = options.breakdown ?? null;
    const out: TrendDatum[] = [];
    const groups = new Set<string>();
    let first = '9999-12-31';
    let last = '0000-01-01';
    for (const row of rows) {
        if (row.indicator !== indicator.name) continue;
        const group = groupOf(row, breakdown, lang);
        const p = parsePeriod(row.period);
        if (group === null || !p) continue;
        groups.add(group);
        const date = periodStart(p);
        const end = periodEnd(p);
        if (date < first) first = date;
        if (end > last) last = end;
        const base = { group, series: row.series, period: row.period, date, end, text: '', labelY: 0, side: 'start' as const, isolated: false };
        const value = formatNumber(row.value, lang, decimals);
        if (row.series !== 'actual') {
            // The label says which period the reference is from: `Gemeenten 100.000–250.000 (2024)`.
            out.push({ ...base, kind: 'reference', value: row.value, target: null, low: null, high: null, status: 'no-target', tip: `${row.series} · ${row.period}: ${value}`, text: `${row.series} (${row.period})` });
            continue;
        }
        const s = row.target === null ? 0 : slack(indicator, row.target);
        const targetText = row.target === null ? '' : ` · ${chartWord('target', lang)} ${formatNumber(row.target, lang, decimals)}`;
        const tip = row.suppressed
            ? `${row.period}: ${chartWord('hidden', lang)}`
            : `${row.period}: ${value}${targetText} · ${statusLabel(row.status, lang)}${row.provisional ? ` · ${chartWord('provisional', lang)}` : ''}`;
        out.push({
            ...base, kind: 'actual', value: row.value, target: row.target,
            low: row.target === null ? null : row.target - s, high: row.target === null ? null : row.target + s,
            status: row.status, tip,
        });
        if (row.suppressed) out.push({ ...out[out.length - 1], kind: 'suppressed' });
        if (row.provisional) out.push({ ...out[out.length - 1], kind: 'provisional', tip: `${row.period}: ${chartWord('provisional', lang)}` });
    }
    markIsolated(out);
    const notes = (options.notes ?? [])
        .filter(n => (n.indicator === null || n.indicator === indicator.name) && n.date >= first && n.date <= last)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const middle = (Date.parse(first) + Date.parse(last)) / 2;
    for (const [lane, note] of notes.entries()) {
        const side = Date.parse(note.date) > middle ? 'end' : 'start';
        // Repeated per group, so that every small multiple shows the note.
        for (const group of groups) {
            out.push({
                kind: 'note', group, series: '', period: '', date: note.date, end: note.date, value: null, target: null,
                low: null, high: null, status: 'no-target', tip: `${note.date}: ${note.text}`, text: note.text, labelY: 2 + 13 * lane, side, isolated: false,
            });
        }
    }
    return out;
}

/**
 * Sets `isolated` on reference values that the line layer cannot show: the records before and after
 * them in their series (same group, date order) are missing or null, where the line breaks.
 */
function markIsolated(data: TrendDatum[]): void {
    const series = new Map<string, TrendDatum[]>();
    for (const d of data) {
        if (d.kind !== 'reference') continue;
        const key = JSON.stringify([d.series, d.group]);
        series.set(key, [...(series.get(key) ?? []), d]);
    }
    for (const records of series.values()) {
        records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        const valued = (d: TrendDatum | undefined) => d !== undefined && d.value !== null;
        records.forEach((d, i) => { d.isolated = valued(d) && !valued(records[i - 1]) && !valued(records[i + 1]); });
    }
}
