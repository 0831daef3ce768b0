/** Result rows as CSV: one format for `monitor run --format csv` and the editor's "export rows". */
import type { LabelLang } from './cell-labels.js';
import { flattenRow, type FlatRow, type ResultRow } from './rows.js';

function csvField(value: FlatRow[string]): string {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV with a header: the fixed fields and, per breakdown dimension, its code and its label
 * (`<dim>_label`: the name, the code, or "(unknown)"; empty on the total row).
 */
export function rowsToCsv(rows: ResultRow[], lang: LabelLang = 'en'): string {
    const flat = rows.map((r) => flattenRow(r, lang));
    const dimensions = [...new Set(rows.flatMap(r => Object.keys(r.dimensions).flatMap((d) => [d, `${d}_label`])))];
    const fixed = ['value', 'numerator', 'denominator', 'target', 'status', 'suppressed', 'provisional'];
    const columns = ['indicator', 'series', 'period', ...dimensions, ...fixed];
    const lines = [columns.join(','), ...flat.map(r => columns.map(c => csvField(r[c] ?? null)).join(','))];
    return lines.join('\n') + '\n';
}
