/** Result rows as CSV: one format for `monitor run --format csv` and the editor's "export rows". */
import type { LabelLang } from './cell-labels.js';
import type { IndicatorIR } from './ir.js';
import { roundRow } from './round-value.js';
import { flattenRow, type FlatRow, type ResultRow } from './rows.js';

/** How rows are written as CSV. */
export interface CsvOptions {
    /** Leave text cells that start like a spreadsheet formula unescaped (`monitor run --csv-raw`). */
    raw?: boolean;
    /** The language of the "(unknown)" cell label. */
    lang?: LabelLang;
    /** The indicators whose `decimals` round the numbers (the one rounding rule). */
    indicators?: IndicatorIR[];
}

/**
 * A text cell starting with `=`, `+`, `-`, `@`, tab or CR is run as a formula by spreadsheets (CSV
 * injection); OWASP's advice is a leading `'`. Numbers (also negative ones) are numbers, not text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: FlatRow[string], options: CsvOptions): string {
    if (value === null || value === undefined) return '';
    const text = typeof value === 'string' && !options.raw && FORMULA_START.test(value) ? `'${value}` : String(value);
    return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
/**
 * Rows as CSV with a header: the fixed fields and, per breakdown dimension, its code and its label
 * (`<dim>_label`: the name, the code, or "(unknown)"; empty on the total row); formula-like text
 * escaped. Numbers go through the one rounding rule (`roundRow`) of the row's indicator when
 * `indicators` are given.
 */
export function rowsToCsv(rows: ResultRow[], options: CsvOptions = {}): string {
    const byName = new Map((options.indicators ?? []).map(i => [i.name, i]));
    const flat = rows.map((r) => { const i = byName.get(r.indicator); return flattenRow(i ? roundRow(r, i) : r, options.lang ?? 'en'); });
    const dimensions = [...new Set(rows.flatMap(r => Object.keys(r.dimensions).flatMap((d) => [d, `${d}_label`])))];
    const fixed = ['value', 'numerator', 'denominator', 'target', 'status', 'suppressed', 'provisional'];
    const columns = ['indicator', 'series', 'period', ...dimensions, ...fixed];
    const lines = [columns.join(','), ...flat.map(r => columns.map(c => csvField(r[c] ?? null, options)).join(','))];
    return lines.join('\n') + '\n';
}
