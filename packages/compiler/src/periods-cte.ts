/** The periods of an indicator in SQL: a range of period ordinals, and the date → period arithmetic. */
import { formatPeriod, parsePeriod, periodEnd, periodOrdinal, periodStart, periodsBetween, type Grain, type MonitorIR, type PlanPeriod } from '@monitor/ir';
import { PlanError, sqlInteger } from './sql-text.js';
import { sqlDialect } from './sql-dialect.js';

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

const PER_YEAR: Record<Grain, number> = { year: 1, 'half-year': 2, quarter: 4, month: 12 };

/**
 * `periods(label, p_start, p_end, ordinal)` — the CTE every query starts from, worked out in SQL from
 * the ordinals (same labels and dates as `monitorPeriods`). Measured: a VALUES list of every period
 * costs more to bind and optimize than the whole range, which matters for small sources.
 */
export function periodsCte(periods: PlanPeriod[], grain: Grain): string {
    if (periods.length === 0) throw new PlanError('The monitor range contains no periods.');
    const first = periods[0].ordinal;
    // Invariant: the periods are consecutive, so a range of ordinals lists exactly them.
    if (periods.some((p, i) => p.ordinal !== first + i)) throw new PlanError('The monitor periods are not consecutive.');
    const n = PER_YEAR[grain];
    const months = 12 / n;
    // The first month of period `o` is `o % n * months + 1` of year `o // n`; its last is `months - 1` later.
    const d = sqlDialect();
    const year = n === 1 ? 'o' : d.intDiv('o', String(n));
    const before = n === 1 ? '' : months === 1 ? `o % ${n} + ` : `o % ${n} * ${months} + `;
    const start = `make_date(${year}, ${before}1, 1)`;
    const end = d.lastDay(`make_date(${year}, ${before}${months}, 1)`);
    const series = d.integerSeries(sqlInteger(first), sqlInteger(first + periods.length));
    // Unnesting a list hides its length from the optimizer (estimated: one row), so a range condition
    // between rows and periods runs as a nested loop instead of sorting both sides (a piecewise merge
    // join): measured 15–25 % faster on the small examples.
    return `periods(label, p_start, p_end, ordinal) AS (\n    SELECT ${d.periodLabel(grain)}, ${start}, ${end}, o\n    FROM ${series}\n)`;
}

/**
 * The ordinal of the period of `grain` containing the date `expr`, as SQL (matches `periodOrdinal`).
 * Lets a dated row join its period on equality instead of a range condition.
 */
export function periodOrdinalSql(expr: string, grain: Grain): string {
    const n = PER_YEAR[grain];
    const d = sqlDialect();
    if (n === 1) return d.year(expr);
    return `(${d.year(expr)} * ${n} + ${d.intDiv(`(${d.month(expr)} - 1)`, String(12 / n))})`;
}
