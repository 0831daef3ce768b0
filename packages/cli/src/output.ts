/** Writing rows as JSON or CSV; cell labels ("(unknown)"/"(onbekend)") follow the `--lang` locale. */
import { flattenRow, roundRow, rowsToCsv as csvOf, type CsvOptions, type IndicatorIR, type ResultRow } from '@monitor/ir';
import { getLocale } from '@monitor/language';

/** Rows as CSV (the shared writer in @monitor/ir), labels in the current locale. */
export function rowsToCsv(rows: ResultRow[], options: CsvOptions = {}): string {
    return csvOf(rows, { ...options, lang: getLocale() });
}

/**
 * Rows as pretty-printed JSON, labels in the current locale; numbers through the one rounding rule
 * (`roundRow`) of their indicator.
 */
export function rowsToJson(rows: ResultRow[], indicators: IndicatorIR[] = []): string {
    const lang = getLocale();
    const byName = new Map(indicators.map(i => [i.name, i]));
    return JSON.stringify(rows.map(r => { const i = byName.get(r.indicator); return flattenRow(i ? roundRow(r, i) : r, lang); }), null, 2) + '\n';
}
