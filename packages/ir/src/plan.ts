/** The SQL plan: the contract between the compiler (`planIndicators`) and the engine (`executePlan`). Plain data. */
import type { ArithIR, Grain } from './ir.js';

/** One period of an indicator's grain inside the monitor's range. */
export interface PlanPeriod {
    label: string;
    /** First and last day, ISO, inclusive. */
    start: string;
    end: string;
    /** Orders periods of one grain; neighbours differ by one (see `periodOrdinal`). */
    ordinal: number;
}

/**
 * A query for one series. Its result has the columns `period`, one per dimension (named after it),
 * `numerator`, `denominator`, `provisional`, `covered`, `total` (true for the row without breakdown)
 * and `units` (the rows the numerator aggregates; disclosure control reads it, no output shows it); a
 * sum or average over person-level rows also has `top` (its largest absolute row value, for the dominance rule).
 * Under `perturb cellkey` also `numerator_key` and `denominator_key` for each count part: the cell's
 * key, the sum of its record keys modulo 2^48 (NULL when no secret was given); like `units` they
 * never leave the engine.
 */
export interface SeriesQuery {
    sql: string;
}

/** A comparison series of an indicator (`reference`). */
export interface ReferencePlan extends SeriesQuery {
    series: string;
    /** A rate reference: value = numerator / denominator × factor. Absent or null: value = numerator. */
    factor?: number | null;
}

/** How one indicator is computed. */
export interface IndicatorPlan {
    indicator: string;
    kind: 'measure' | 'rate' | 'expression';
    grain: Grain;
    /** The breakdown dimensions, in `by` order. */
    dimensions: string[];
    periods: PlanPeriod[];
    /** The indicator's own query; null for an expression, which the engine combines from other rows. */
    query: SeriesQuery | null;
    /** For a rate: value = numerator / denominator × factor (100 for a percentage). */
    factor: number | null;
    /** For an expression: the arithmetic over other indicators. */
    expression: ArithIR | null;
    /** Indicators this one needs first (expressions only). */
    dependsOn: string[];
    references: ReferencePlan[];
    /**
     * For a breakdown: the rows of the numerator's source per period and cell, whatever their values
     * (a count without filter), so a cell whose values the source marks missing is still "there" for
     * the breakdown-change warning. Absent without a breakdown.
     */
    presence?: SeriesQuery;
}

/** The names of a dimension's codes (`names via table.field`): a query with the columns `code` and `label`. */
export interface LabelQuery {
    dimension: string;
    sql: string;
}

/** The plan for a whole program; indicators are in dependency order (an expression after its parts). */
export interface Plan {
    monitor: string;
    indicators: IndicatorPlan[];
    /** Name queries of the dimensions that declare `names via`; absent when none does. */
    labels?: LabelQuery[];
    /**
     * True when the monitor perturbs (`perturb cellkey`): the engine then creates the secret's table
     * (CELLKEY_SECRET_TABLE) before the queries run. Absent: no query reads it.
     */
    cellKeys?: true;
}

/**
 * The one-row table `(secret VARCHAR)` the engine creates before running a plan that perturbs: the
 * queries read the secret from it, so the SQL text never holds it.
 */
export const CELLKEY_SECRET_TABLE = 'monitor_cellkey';

/** Cell keys are sums of 48-bit record keys taken modulo this (exact in a double). */
export const CELLKEY_MODULUS = 2 ** 48;

/** The column names of every series query, besides the dimension columns. */
export const SERIES_COLUMNS = ['period', 'numerator', 'denominator', 'provisional', 'covered', 'total', 'units'] as const;
