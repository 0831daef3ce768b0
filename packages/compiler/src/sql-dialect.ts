/**
 * The SQL dialects the compiler writes: DuckDB (the default, and the preview's) and PostgreSQL. The
 * same IR and the same query shapes; only the functions, types and operators that differ are asked of
 * the dialect. Identifiers and literals are quoted the same way in both (double quotes and single
 * quotes, each doubled inside; PostgreSQL with `standard_conforming_strings` on, its default since 9.1,
 * so a backslash is an ordinary character), so `quoteIdent` and `quoteLiteral` serve both.
 *
 * Planning is synchronous, so the dialect of the plan being built is held for its duration
 * (`withDialect`) instead of being threaded through every helper that writes a function call.
 */

/** The grains of a monitor, as the dialect's period-label expressions need them. */
type GrainName = 'year' | 'half-year' | 'quarter' | 'month';

/** What differs between the SQL dialects the compiler writes. */
export interface Dialect {
    name: 'duckdb' | 'postgres';
    /** The 64-bit floating point type. */
    double: string;
    /** Integer division of two integer expressions. */
    intDiv(a: string, b: string): string;
    /** The label of period ordinal `o` (an integer column) of a grain: `2024`, `2024-H1`, `2024-Q3`, `2024-07`. */
    periodLabel(grain: GrainName): string;
    /** The last day of the month that starts at the date `firstOfMonth`. */
    lastDay(firstOfMonth: string): string;
    /** A FROM item with one integer column `o` running from `first` up to, not including, `end` (SQL integers). */
    integerSeries(first: string, end: string): string;
    /** The calendar year and month (1–12) of a date, as integers. */
    year(date: string): string;
    month(date: string): string;
    /** A date shifted by a whole number (SQL text) of days, months or years, as a DATE. */
    shiftDate(date: string, amount: string, unit: 'DAY' | 'MONTH' | 'YEAR'): string;
    /** A date moved back by a whole number (SQL text) of days, months or years, as a DATE. */
    dateMinus(date: string, amount: string, unit: 'DAY' | 'MONTH' | 'YEAR'): string;
    /** The median aggregate of `v` (continuous: the mean of the middle two of an even count). */
    median(v: string): string;
    /** The column that tells rows of one table apart (DuckDB's `rowid`, PostgreSQL's `ctid`). */
    rowId: string;
    /** A text expression compared by code point, so the smallest name and the row order do not depend on the server's locale. */
    bytewise(text: string): string;
    /** Whether a text matches a regular expression (a quoted literal). */
    matches(text: string, pattern: string): string;
    /** ` AS <alias>` where the dialect requires an alias on a subquery in FROM (PostgreSQL before 16), else nothing. */
    fromAlias(alias: string): string;
    /** Edit distance between two texts; null when the dialect has none built in. */
    levenshtein: ((a: string, b: string) => string) | null;
    /**
     * A row-wise FROM item `g(o)` listing the integers `lo` .. `hi` (SQL integers of the row before it):
     * episodes then list their own periods (episode-ordinals.ts). Null: episodes are range-joined to the periods.
     */
    ordinalSeries: ((lo: string, hi: string) => string) | null;
}

/** DuckDB, as every golden before the dialect layer was written. */
export const DUCKDB: Dialect = {
    name: 'duckdb',
    double: 'DOUBLE',
    intDiv: (a, b) => `${a} // ${b}`,
    periodLabel: (grain) => ({
        year: 'CAST(o AS VARCHAR)',
        'half-year': `printf('%d-H%d', o // 2, o % 2 + 1)`,
        quarter: `printf('%d-Q%d', o // 4, o % 4 + 1)`,
        month: `printf('%d-%02d', o // 12, o % 12 + 1)`,
    })[grain],
    lastDay: (d) => `last_day(${d})`,
    integerSeries: (first, end) => `(SELECT unnest(range(${first}, ${end})) AS o) AS t`,
    year: (d) => `year(${d})`,
    month: (d) => `month(${d})`,
    shiftDate: (date, amount, unit) => `CAST(${date} + INTERVAL (${amount}) ${unit} AS DATE)`,
    dateMinus: (date, amount, unit) => `CAST(${date} - INTERVAL ${amount} ${unit} AS DATE)`,
    median: (v) => `median(${v})`,
    rowId: 'rowid',
    bytewise: (t) => t,
    matches: (t, p) => `regexp_matches(${t}, ${p})`,
    fromAlias: () => '',
    levenshtein: (a, b) => `levenshtein(${a}, ${b})`,
    // Its range join of rows to periods is fast (measured faster than the hand-written SQL).
    ordinalSeries: null,
};

/** PostgreSQL 12 or later (tested on 15): only built-in functions, no extension. */
export const POSTGRES: Dialect = {
    name: 'postgres',
    double: 'DOUBLE PRECISION',
    intDiv: (a, b) => `${a} / ${b}`,
    periodLabel: (grain) => ({
        year: 'CAST(o AS VARCHAR)',
        'half-year': `format('%s-H%s', o / 2, o % 2 + 1)`,
        quarter: `format('%s-Q%s', o / 4, o % 4 + 1)`,
        month: `format('%s-%s', o / 12, lpad(CAST(o % 12 + 1 AS VARCHAR), 2, '0'))`,
    })[grain],
    lastDay: (d) => `(CAST(${d} + INTERVAL '1 MONTH' AS DATE) - 1)`,
    integerSeries: (first, end) => `generate_series(${first}, ${end} - 1) AS t(o)`,
    year: (d) => `CAST(EXTRACT(YEAR FROM ${d}) AS INTEGER)`,
    month: (d) => `CAST(EXTRACT(MONTH FROM ${d}) AS INTEGER)`,
    shiftDate: (date, amount, unit) => `CAST(${date} + (${amount}) * INTERVAL '1 ${unit}' AS DATE)`,
    dateMinus: (date, amount, unit) => `CAST(${date} - (${amount}) * INTERVAL '1 ${unit}' AS DATE)`,
    median: (v) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${v})`,
    rowId: 'ctid',
    bytewise: (t) => `(${t}) COLLATE "C"`,
    matches: (t, p) => `(${t} ~ ${p})`,
    fromAlias: (alias) => ` AS ${alias}`,
    levenshtein: null,
    ordinalSeries: (lo, hi) => `generate_series(${lo}, ${hi}) AS g(o)`,
};

/** The dialects by name. */
export const DIALECTS = { duckdb: DUCKDB, postgres: POSTGRES } as const;

/** The name of a dialect. */
export type DialectName = keyof typeof DIALECTS;

let current: Dialect = DUCKDB;

/** The dialect of the SQL being written now (DuckDB outside `withDialect`). */
export function sqlDialect(): Dialect {
    return current;
}

/** Runs `build` (synchronous) with `dialect` as the dialect every SQL helper writes. */
export function withDialect<T>(dialect: Dialect, build: () => T): T {
    const before = current;
    current = dialect;
    try {
        return build();
    } finally {
        current = before;
    }
}
