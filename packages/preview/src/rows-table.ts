/** The table view of an indicator's rows for the chosen breakdown. */
import { cellLabel, indicatorDecimals, type IndicatorIR, type ResultRow } from '@monitor/ir';
import { formatNumber, isTotalRow, statusLabel } from '@monitor/render';
import type { PreviewLang } from '@monitor/protocol';
import { el } from './dom.js';
import { texts } from './texts.js';

/** Builds a table of the rows (total rows, or the rows of one breakdown dimension). */
export function rowsTable(indicator: IndicatorIR, rows: ResultRow[], breakdown: string | null, lang: PreviewLang): HTMLTableElement {
    const t = texts(lang);
    const decimals = indicatorDecimals(indicator);
    const shown = rows.filter(r => r.indicator === indicator.name && (breakdown ? breakdown in (r.dimensions ?? {}) : isTotalRow(r)));
    const head = [t.columns.period, ...(breakdown ? [breakdown] : []), t.columns.series, t.columns.value, t.columns.target, t.columns.status, t.columns.provisional];
    const body = shown.map(r => el('tr', {}, [
        el('td', {}, [r.period]),
        ...(breakdown ? [el('td', {}, [cellLabel(r, breakdown, lang)!])] : []),
        el('td', {}, [r.series]),
        el('td', { class: 'num' }, [r.suppressed ? t.hidden : formatNumber(r.value, lang, decimals)]),
        el('td', { class: 'num' }, [r.target === null ? '' : formatNumber(r.target, lang, decimals)]),
        el('td', {}, [r.series === 'actual' ? statusLabel(r.status, lang) : '']),
        el('td', {}, [r.provisional ? t.provisional : '']),
    ]));
    return el('table', { class: 'rows' }, [
        el('thead', {}, [el('tr', {}, head.map(h => el('th', { scope: 'col' }, [h])))]),
        el('tbody', {}, body),
    ]);
}
