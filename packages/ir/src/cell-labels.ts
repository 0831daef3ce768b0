/**
 * How a breakdown cell is shown: keyed by its code in `dimensions`, labelled by a name (`names via`),
 * by the code itself, or — for rows that had no value in the dimension's column — by "(unknown)".
 * The total row has no dimension fields at all, so it can never be taken for the unknown cell.
 */
import type { ResultRow } from './rows.js';

/** A language for output labels. */
export type LabelLang = 'en' | 'nl';

/** The label of the cell for rows without a value in the breakdown column. */
export const UNKNOWN_LABEL: Record<LabelLang, string> = { en: '(unknown)', nl: '(onbekend)' };

/** True for the row without breakdown: it has no dimension fields (a cell has one per dimension, maybe null). */
export function isTotalRow(row: Pick<ResultRow, 'dimensions'>): boolean {
    return Object.keys(row.dimensions ?? {}).length === 0;
}

/** The label of a row's cell in `dimension`; null for the total (or a dimension the row lacks). */
export function cellLabel(row: Pick<ResultRow, 'dimensions' | 'labels'>, dimension: string, lang: LabelLang = 'en'): string | null {
    const dims = row.dimensions ?? {};
    if (!(dimension in dims)) return null;
    const code = dims[dimension];
    if (code === null || code === undefined) return UNKNOWN_LABEL[lang];
    return row.labels?.[dimension] ?? code;
}

/** Every dimension label of a cell joined by " · " (the total: ""). */
export function cellLabels(row: Pick<ResultRow, 'dimensions' | 'labels'>, lang: LabelLang = 'en'): string {
    return Object.keys(row.dimensions ?? {}).map((d) => cellLabel(row, d, lang)!).join(' · ');
}
