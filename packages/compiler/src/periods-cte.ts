/** The periods of an indicator as data: a VALUES list and the date → period arithmetic in SQL. */
import { formatPeriod, parsePeriod, periodEnd, periodOrdinal, periodStart, periodsBetween, type Grain, type MonitorIR, type PlanPeriod } from '@monitor/ir';
import { PlanError, quoteLiteral, sqlDate, sqlInteger } from './sql-text.js';

/** The periods of `grain` covering the monitor's range, in order. */
export function monitorPeriods(monitor: MonitorIR, grain: Grain): PlanPeriod[] {
    const from = parsePeriod(monitor.range.from);
    const to = parsePeriod(monitor.range.to);
    if (!from || !to) throw new PlanError(`The range ${monitor.range.from} .. ${monitor.range.to} is not a pair of period labels.`);
    return periodsBetween(from, to, grain).map((p) => ({
        label: formatPeriod(p),
        start: periodStart(p),
        end: periodEnd(p),
        ordinal: periodOrdinal(p),
    }));
}

/** `periods(label, p_start, p_end, ordinal) AS (VALUES …)` — the CTE every query starts from. */
export function periodsCte(periods: PlanPeriod[]): string {
    if (periods.length === 0) throw new PlanError('The monitor range contains no periods.');
    const rows = periods.map((p) =>
        `(${quoteLiteral(p.label)}, ${sqlDate(p.start)}, ${sqlDate(p.end)}, ${sqlInteger(p.ordinal)})`);
    return `periods(label, p_start, p_end, ordinal) AS (\n    VALUES ${rows.join(',\n           ')}\n)`;
}

const PER_YEAR: Record<Grain, number> = { year: 1, 'half-year': 2, quarter: 4, month: 12 };

/**
 * The ordinal of the period of `grain` containing the date `expr`, as SQL (matches `periodOrdinal`).
 * Lets a dated row join its period on equality instead of a range condition.
 */
export function periodOrdinalSql(expr: string, grain: Grain): string {
    const n = PER_YEAR[grain];
    if (n === 1) return `year(${expr})`;
    return `(year(${expr}) * ${n} + (month(${expr}) - 1) // ${12 / n})`;
}
