/** The SQL pieces of a measure's rows: time columns, the value column, the join to periods, the aggregate. */
import type { Grain, MeasureIR, ShapeIR, SourceIR, TimeMeaning } from '@monitor/ir';
import { dateColumn, keyColumn, type MeasureContext } from './measure-context.js';
import { declaredCovers } from './measure-coverage.js';
import { monitorPeriods, periodOrdinalSql } from './periods-cte.js';
import type { SourceScope } from './source-scope.js';
import { PlanError, sqlDate } from './sql-text.js';
import { sqlDialect } from './sql-dialect.js';

const OPEN_END = `DATE '9999-12-31'`;

/** The episodes shape of a source, or a planning error naming the time meaning that needs it. */
export function episodes(shape: ShapeIR, time: TimeMeaning): Extract<ShapeIR, { kind: 'episodes' }> {
    if (shape.kind !== 'episodes') throw new PlanError(`The time meaning '${time}' needs an episodes source.`);
    return shape;
}

/** Columns that place a row in time, per time meaning. */
export function timeColumns(time: TimeMeaning, shape: ShapeIR, scope: SourceScope, grain: Grain): string[] {
    switch (time) {
        case 'event':
        case 'started': return [`${periodOrdinalSql(scope.own(placingDate(time, shape)), grain)} AS o`];
        case 'ended': {
            const end = scope.own(placingDate(time, shape));
            return [`${periodOrdinalSql(end, grain)} AS o`, `${scope.own(episodes(shape, time).start)} AS t_start`, `${end} AS t_end`];
        }
        case 'active-at-end':
        case 'active-during': {
            const ep = episodes(shape, time);
            return [`${scope.own(ep.start)} AS t_start`, `coalesce(${scope.own(ep.end)}, ${OPEN_END}) AS t_end_c`];
        }
        case 'snapshot': {
            const date = dateColumn(shape);
            if (shape.kind !== 'snapshot' || !date) throw new PlanError(`The time meaning 'snapshot' needs a snapshot source.`);
            return [`${scope.own(date)} AS t_date`];
        }
        case 'none': return [];
    }
}

/** The date that places a row of a dated measure (`event`, `started`, `ended`) in its period. */
function placingDate(time: TimeMeaning, shape: ShapeIR): string {
    if (time === 'event') {
        const date = dateColumn(shape);
        if (!date) throw new PlanError(`The time meaning 'event' needs an events source.`);
        return date;
    }
    const ep = episodes(shape, time);
    return time === 'started' ? ep.start : ep.end;
}

/**
 * The rows of a dated measure that can count: dated inside the monitor's periods and, with a declared
 * coverage, inside the periods it covers. A
 * literal range on the source's own date column; FALSE when no period is covered.
 */
export function coveredDates(ctx: MeasureContext, source: SourceIR, time: TimeMeaning, scope: SourceScope): string {
    const periods = monitorPeriods(ctx.program.monitor, ctx.grain).filter((p) => declaredCovers(source, p));
    if (periods.length === 0) return 'FALSE';
    return `(${scope.own(placingDate(time, source.shape))} BETWEEN ${sqlDate(periods[0].start)} AND ${sqlDate(periods[periods.length - 1].end)})`;
}

/**
 * How rows meet periods, per time meaning (`r` = rows, `p` = the covered periods `periods`). A
 * snapshot's dates CTE `snap` holds only covered periods, so its rows need no periods at all.
 */
export function periodJoin(time: TimeMeaning, snap: string | null, periods: string): string {
    switch (time) {
        case 'event':
        case 'started':
        case 'ended': return `JOIN ${periods} AS p ON p.ordinal = r.o`;
        case 'active-at-end': return `JOIN ${periods} AS p ON r.t_start <= p.p_end AND r.t_end_c >= p.p_end`;
        case 'active-during': return `JOIN ${periods} AS p ON r.t_start <= p.p_end AND r.t_end_c >= p.p_start`;
        case 'snapshot': return `JOIN ${snap} AS p ON r.t_date = p.snap`;
        case 'none': return `CROSS JOIN ${periods} AS p`;
    }
}

/** The time meaning a measure is counted by: a transition or duration is counted when its episode ends. */
export function effectiveTime(measure: MeasureIR): TimeMeaning {
    return measure.transition || measure.duration ? 'ended' : measure.time;
}

/** The value column of a measure's rows (`v`), or null when it counts rows. */
export function valueSql(measure: MeasureIR, scope: SourceScope, time: TimeMeaning): string | null {
    const shape = scope.source.shape;
    if (measure.duration) return `(${scope.own(episodes(shape, time).end)} - ${scope.own(episodes(shape, time).start)} + 1)`;
    if (measure.column) return scope.column(measure.column);
    if (measure.aggregate !== 'count-distinct') return null;
    const key = keyColumn(shape);
    if (!key) throw new PlanError(`'count distinct' on source ${scope.source.name} needs a column or a key.`);
    return scope.own(key);
}

/**
 * The aggregate of a measure over its hits, whose value column is `v`, on `scope`'s source. Distinct
 * text is compared bytewise (the dialect's `bytewise`), as DuckDB does: the same count under any
 * deterministic collation, and PostgreSQL sorts it by bytes instead of by the server locale's rules
 * (measured: 15–25 % of a distinct count of clients on 1M episodes).
 */
export function aggregateSql(measure: MeasureIR, v: string, scope: SourceScope): string {
    const key = keyColumn(scope.source.shape);
    const distinct = (value: string, text: boolean) => `count(DISTINCT ${text ? sqlDialect().bytewise(value) : value})`;
    const isText = (column: string | null) => column !== null && scope.type({ column, lookup: null }) === 'text';
    if (measure.having) return distinct('k', isText(key));
    switch (measure.aggregate) {
        case 'count': return 'count(*)';
        case 'count-distinct': return distinct(v, measure.column ? scope.type(measure.column) === 'text' : isText(key));
        case 'median': return sqlDialect().median(v);
        case 'sum': case 'avg': case 'min': case 'max': return `${measure.aggregate}(${v})`;
    }
}
