/** Result rows as CSV: one format for `monitor run --format csv` and the editor's "export rows". */
import type { IndicatorIR } from './ir.js';
import { roundRow } from './round-value.js';
import { flattenRow, type FlatRow, type ResultRow } from './rows.js';

function csvField(value: FlatRow[string]): string {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV with a header: the fixed fields and one column per breakdown dimension. Numbers go
 * through the one rounding rule (`roundRow`) of the row's indicator when `indicators` are given.
 */
export function rowsToCsv(rows: ResultRow[], indicators: IndicatorIR[] = []): string {
    const byName = new Map(indicators.map(i => [i.name, i]));
    const flat = rows.map(r => { const i = byName.get(r.indicator); return flattenRow(i ? roundRow(r, i) : r); });
    const dimensions = [...new Set(rows.flatMap(r => Object.keys(r.dimensions)))];
    const fixed = ['value', 'numerator', 'denominator', 'target', 'status', 'suppressed', 'provisional'];
    const columns = ['indicator', 'series', 'period', ...dimensions, ...fixed];
    const lines = [columns.join(','), ...flat.map(r => columns.map(c => csvField(r[c] ?? null)).join(','))];
    return lines.join('\n') + '\n';
}
