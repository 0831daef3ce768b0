/**
 * Data coverage per period. The rule (also in the report and ARCHITECTURE.md):
 * - events / episodes: coverage is `source.coverage` when declared, else derived from the data —
 *   events [min(date), max(date)], episodes [min(start), max(greatest(start, coalesce(end, start)))].
 *   A period is covered iff its last day lies inside coverage: `coverage.from <= p_end <= coverage.to`.
 *   So the first, partly covered period counts; a period in which the data stops early does not.
 * - snapshot: a period is covered iff the source has a snapshot date inside the period — or, with
 *   `valid N unit`, on or before its last day and less than N units old then (and, when coverage is
 *   declared, its last day also lies inside the declared coverage).
 * - table: every period is covered, unless coverage is declared (then the events rule applies).
 * An empty source covers nothing.
 */
import type { SourceIR } from '@monitor/ir';
import { sourceTable } from './source-scope.js';
import { quoteIdent, sqlDate, sqlInteger } from './sql-text.js';

/**
 * `<name>_snap(label, snap)`: per period the latest snapshot date inside it, or with `valid N unit`
 * the latest on or before its last day that is still valid then (snapshot sources only).
 */
export function snapshotDatesCte(name: string, source: SourceIR): string | null {
    if (source.shape.kind !== 'snapshot') return null;
    const date = quoteIdent(source.shape.date);
    const valid = source.shape.valid;
    const window = valid
        ? `d.snap_date <= p.p_end AND d.snap_date > CAST(p.p_end - INTERVAL ${sqlInteger(valid.amount)} ${VALID_UNIT[valid.unit]} AS DATE)`
        : 'd.snap_date BETWEEN p.p_start AND p.p_end';
    return `${name}(label, snap) AS (
    SELECT p.label, max(d.snap_date)
    FROM (SELECT DISTINCT ${date} AS snap_date FROM ${sourceTable(source.name)} WHERE ${date} IS NOT NULL) AS d
    JOIN periods AS p ON ${window}
    GROUP BY p.label
)`;
}

const VALID_UNIT = { days: 'DAY', months: 'MONTH', years: 'YEAR' } as const;

/** `<name>(label, covered)` for every period; `snapName` is the source's snapshot-date CTE, if any. */
export function coverageCte(name: string, source: SourceIR, snapName: string | null): string {
    const declared = source.coverage
        ? `(p.p_end BETWEEN ${sqlDate(source.coverage.from)} AND ${sqlDate(source.coverage.to)})`
        : null;
    const table = sourceTable(source.name);
    const shape = source.shape;
    if (shape.kind === 'snapshot' && snapName) {
        const covered = `s.snap IS NOT NULL${declared ? ` AND ${declared}` : ''}`;
        return `${name}(label, covered) AS (
    SELECT p.label, ${covered} FROM periods AS p LEFT JOIN ${snapName} AS s ON s.label = p.label
)`;
    }
    if (declared || shape.kind === 'table' || shape.kind === 'snapshot') {
        return `${name}(label, covered) AS (SELECT p.label, ${declared ?? 'TRUE'} FROM periods AS p)`;
    }
    let bounds: string;
    if (shape.kind === 'events') {
        const d = quoteIdent(shape.date);
        bounds = `SELECT min(${d}) AS lo, max(${d}) AS hi FROM ${table}`;
    } else {
        const s = quoteIdent(shape.start);
        const e = quoteIdent(shape.end);
        bounds = `SELECT min(${s}) AS lo, max(greatest(${s}, coalesce(${e}, ${s}))) AS hi FROM ${table}`;
    }
    return `${name}(label, covered) AS (
    SELECT p.label, coalesce(p.p_end BETWEEN b.lo AND b.hi, FALSE)
    FROM periods AS p CROSS JOIN (${bounds}) AS b
)`;
}
