/** Writing rows as JSON or CSV; cell labels ("(unknown)"/"(onbekend)") follow the `--lang` locale. */
import { flattenRow, rowsToCsv as csvOf, type CsvOptions, type ResultRow } from '@monitor/ir';
import { getLocale } from '@monitor/language';

/** Rows as CSV (the shared writer in @monitor/ir), labels in the current locale. */
export function rowsToCsv(rows: ResultRow[], options: CsvOptions = {}): string {
    return csvOf(rows, { ...options, lang: getLocale() });
}

/** Rows as pretty-printed JSON, labels in the current locale. */
export function rowsToJson(rows: ResultRow[]): string {
    const lang = getLocale();
    return JSON.stringify(rows.map((r) => flattenRow(r, lang)), null, 2) + '\n';
}
