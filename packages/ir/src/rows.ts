import { cellLabel, type LabelLang } from './cell-labels.js';

/** The one row shape that `monitor run`, the report and the preview share (LANGUAGE.md). */

export type Status = 'on-track' | 'within-tolerance' | 'off-track' | 'no-target' | 'no-data';

export interface ResultRow {
    indicator: string;
    /** `"actual"` for the monitor's own values, the reference's label otherwise. */
    series: string;
    period: string;
    /**
     * One entry per breakdown dimension, keyed by code; the total row has none. `null` is the cell of
     * rows without a value in that column ("(unknown)"), never the total.
     */
    dimensions: Record<string, string | null>;
    /** The name of a cell's code per dimension, from the dimension's `names via` table; absent: shown by its code. */
    labels?: Record<string, string>;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    target: number | null;
    status: Status;
    suppressed: boolean;
    provisional: boolean | null;
    /**
     * Internal, between `executePlan` and `applyDisclosure`: how many source rows the numerator
     * aggregates. Disclosure control removes it, so no output carries it.
     */
    units?: number | null;
    /**
     * Internal like `units`: for a sum or average over person-level rows, the largest absolute value of
     * one row (the dominance rule). Disclosure control removes it.
     */
    top?: number | null;
    /**
     * Internal, like `units`: the cell keys of the count parts under `perturb cellkey` (sum of the
     * record keys modulo 2^48; null when the cell has no rows or no secret was given). Disclosure
     * control reads and removes them.
     */
    numeratorKey?: number | null;
    denominatorKey?: number | null;
}

/** The flat form of a row for JSON and CSV output: dimensions become fields of their own. */
export type FlatRow = Record<string, string | number | boolean | null>;

/**
 * The fields every output row has besides its dimensions (JSON keys, CSV columns). A dimension may not
 * be named like one of them, or it would overwrite it (the validator's `dimension-name-reserved`).
 */
export const OUTPUT_FIELDS = ['indicator', 'series', 'period', 'value', 'numerator', 'denominator', 'target', 'status', 'suppressed', 'provisional'] as const;

/**
 * Flattens a row into the output shape: each dimension's code and then its label (`<dim>_label`) sit
 * between `period` and `value`; the total row has neither.
 */
export function flattenRow(row: ResultRow, lang: LabelLang = 'en'): FlatRow {
    // `rows.map(flattenRow)` passes an index here: anything but 'nl' is English.
    const language: LabelLang = lang === 'nl' ? 'nl' : 'en';
    const cells: FlatRow = {};
    for (const d of Object.keys(row.dimensions ?? {})) {
        cells[d] = row.dimensions[d];
        cells[`${d}_label`] = cellLabel(row, d, language);
    }
    return {
        indicator: row.indicator,
        series: row.series,
        period: row.period,
        ...cells,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        target: row.target,
        status: row.status,
        suppressed: row.suppressed,
        provisional: row.provisional,
    };
}
