/** The one row shape that `monitor run`, the report and the preview share (LANGUAGE.md). */

export type Status = 'on-track' | 'within-tolerance' | 'off-track' | 'no-target' | 'no-data';

export interface ResultRow {
    indicator: string;
    /** `"actual"` for the monitor's own values, the reference's label otherwise. */
    series: string;
    period: string;
    /** One entry per breakdown dimension; absent or null for the total. */
    dimensions: Record<string, string | null>;
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
     * Internal, like `units`: the cell keys of the count parts under `perturb cellkey` (sum of the
     * record keys modulo 2^48; null when the cell has no rows or no secret was given). Disclosure
     * control reads and removes them.
     */
    numeratorKey?: number | null;
    denominatorKey?: number | null;
}

/** The flat form of a row for JSON and CSV output: dimensions become fields of their own. */
export type FlatRow = Record<string, string | number | boolean | null>;

/** Flattens a row into the output shape: dimension fields sit between `period` and `value`. */
export function flattenRow(row: ResultRow): FlatRow {
    return {
        indicator: row.indicator,
        series: row.series,
        period: row.period,
        ...row.dimensions,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        target: row.target,
        status: row.status,
        suppressed: row.suppressed,
        provisional: row.provisional,
    };
}
