/** The table of an indicator's rows in the report: totals, or the cells of one breakdown dimension. */
import { cellLabel, indicatorDecimals, type IndicatorIR, type ResultRow } from '@monitor/ir';
import { formatNumber, isTotalRow, statusLabel } from '@monitor/render';
import type { Locale } from '@monitor/language';
import { h, type Html } from './html.js';
import { reportTexts } from './report-texts.js';

/**
 * A value cell: the number, or "hidden" for a value that disclosure control hid. Not "< N": a cell
 * hidden to protect another (secondary suppression), by the dominance rule or over a small denominator
 * can hold N or more, so "< N" would promise what the engine does not keep.
 */
export function valueText(row: ResultRow, lang: Locale, decimals?: number): string {
    return row.suppressed ? reportTexts(lang).hidden : formatNumber(row.value, lang, decimals);
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Within a period: the breakdown value, then the monitor's own series before the references. */
function sortKey(row: ResultRow, breakdown: string | null): string {
    return `${breakdown ? String(row.dimensions[breakdown] ?? '\uffff') : ''}\u0000${row.series === 'actual' ? '' : row.series}`;
}

/** The rows of one indicator as a table (reference series included, after the actual rows of a period). */
export function rowsTable(indicator: IndicatorIR, rows: ResultRow[], breakdown: string | null, lang: Locale): Html {
    const t = reportTexts(lang);
    const decimals = indicatorDecimals(indicator);
    const shown = rows.filter(r => r.indicator === indicator.name && (breakdown ? breakdown in (r.dimensions ?? {}) : isTotalRow(r)))
        .sort((a, b) => compare(a.period, b.period) || compare(sortKey(a, breakdown), sortKey(b, breakdown)));
    const head = [t.columns.period, ...(breakdown ? [breakdown] : []), t.columns.series, t.columns.value, t.columns.target, t.columns.status, t.columns.provisional];
    const body = shown.map(r => h('tr', r.suppressed ? { class: 'suppressed' } : {}, [
        h('td', {}, [r.period]),
        breakdown ? h('td', {}, [cellLabel(r, breakdown, lang)!]) : null,
        h('td', {}, [r.series === 'actual' ? t.actual : r.series]),
        h('td', { class: 'num value' }, [valueText(r, lang, decimals)]),
        h('td', { class: 'num' }, [r.target === null ? '' : formatNumber(r.target, lang, decimals)]),
        h('td', {}, [r.series === 'actual' ? statusLabel(r.status, lang) : '']),
        h('td', {}, [r.provisional ? t.provisional : '']),
    ]));
    return h('table', { class: 'rows' }, [
        h('thead', {}, [h('tr', {}, head.map(c => h('th', { scope: 'col' }, [c])))]),
        h('tbody', {}, body),
    ]);
}
