/**
 * Episodes that meet their periods through their own period ordinals, for a dialect with a row-wise
 * integer series (PostgreSQL). An episode is active at the end of (or during) exactly one unbroken run
 * of periods, so each row lists those periods' ordinals `o` itself — a lateral series of some three
 * numbers — instead of being joined to every covered period on a range condition. Measured on 1M
 * episodes (bench/postgres.mjs): PostgreSQL runs that range join as a nested loop that tests every row
 * against every period, and, when the covered periods are a filter on the `periods` CTE (estimated:
 * one row), rescans the table once per period; the series makes no such choice. DuckDB's range join is
 * fast, so DuckDB keeps it.
 */
import type { MeasureIR, SourceIR, TimeMeaning } from '@monitor/ir';
import type { MeasureContext } from './measure-context.js';
import { declaredCovers, type MeasureCoverage } from './measure-coverage.js';
import { monitorPeriods, periodOrdinalSql } from './periods-cte.js';
import type { SourceScope } from './source-scope.js';
import { sqlDate } from './sql-text.js';
import { sqlDialect } from './sql-dialect.js';

/** How a measure's rows get their periods' ordinals: a filter on the rows, and the FROM after `<rows> AS r`. */
export interface EpisodeOrdinals {
    /** Keeps only the rows active in some period of the series (and none with an unknown start). */
    rowFilter: string;
    /** `CROSS JOIN LATERAL <series> AS g(o)`, then the covered periods when coverage is derived from data. */
    join: string;
}

/**
 * The ordinals of an `active-at-end` or `active-during` measure's episodes, or null when the dialect
 * has no row-wise series, the measure is stacked (`having` reads the periods' labels and starts) or
 * another time meaning. Rows `r` have `t_start` and `t_end_c` (the end, open as 9999-12-31).
 */
export function episodeOrdinals(ctx: MeasureContext, measure: MeasureIR, source: SourceIR, time: TimeMeaning,
    scope: SourceScope, coverage: MeasureCoverage): EpisodeOrdinals | null {
    const series = sqlDialect().ordinalSeries;
    if (!series || measure.having || (time !== 'active-at-end' && time !== 'active-during')) return null;
    if (source.shape.kind !== 'episodes') return null;
    // A declared coverage is literal: only its periods are listed. A derived one is joined below.
    const periods = monitorPeriods(ctx.program.monitor, ctx.grain).filter((p) => declaredCovers(source, p));
    if (periods.length === 0) return { rowFilter: 'FALSE', join: `CROSS JOIN LATERAL ${series('0', '-1')}` };
    const first = periods[0];
    const last = periods[periods.length - 1];
    const start = scope.own(source.shape.start);
    const endC = `coalesce(${scope.own(source.shape.end)}, DATE '9999-12-31')`;
    const atEnd = time === 'active-at-end';
    // Invariant: the same hits as the range join `t_start <= p_end AND t_end_c >= p_end` (at end) or
    // `>= p_start` (during). At end, period o ends on or before t_end_c iff the period of t_end_c + 1
    // day comes after o. The dates are clamped to the listed periods before their ordinals are taken,
    // which also keeps an infinite date (PostgreSQL allows them) out of the arithmetic.
    const rowFilter = `(${start} <= ${sqlDate(last.end)} AND ${endC} >= ${sqlDate(atEnd ? first.end : first.start)})`;
    const lo = periodOrdinalSql(`greatest(r.t_start, ${sqlDate(first.start)})`, ctx.grain);
    const clampedEnd = `least(r.t_end_c, ${sqlDate(last.end)})`;
    const hi = atEnd ? `${periodOrdinalSql(`${clampedEnd} + 1`, ctx.grain)} - 1` : periodOrdinalSql(clampedEnd, ctx.grain);
    let join = `CROSS JOIN LATERAL ${series(lo, hi)}`;
    if (coverage.joins.length > 0) {
        join += ` JOIN (SELECT p.ordinal FROM periods AS p${coverage.joins.map((j) => ` ${j}`).join('')} WHERE ${coverage.covered}) AS p ON p.ordinal = g.o`;
    }
    return { rowFilter, join };
}
