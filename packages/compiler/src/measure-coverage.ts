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
import type { PlanPeriod, SourceIR } from '@monitor/ir';
import { sourceTable } from './column-expression-sql.js';
import { quoteIdent, sqlDate, sqlInteger } from './sql-text.js';
import { sqlDialect } from './sql-dialect.js';

/** Whether a period lies inside the source's declared coverage (its last day does); true when none is declared. */
export function declaredCovers(source: SourceIR, period: PlanPeriod): boolean {
    return !source.coverage || (source.coverage.from <= period.end && period.end <= source.coverage.to);
}

/** The same rule as `declaredCovers`, as SQL over `periods AS p`; null when no coverage is declared. */
function declaredCoverage(source: SourceIR): string | null {
    return source.coverage
        ? `(p.p_end BETWEEN ${sqlDate(source.coverage.from)} AND ${sqlDate(source.coverage.to)})`
        : null;
}

/**
 * `<name>(label, snap)`: per period the latest snapshot date inside it, or with `valid N unit` the
 * latest on or before its last day that is still valid then (snapshot sources only). Only covered
 * periods have a row, so the CTE is the coverage too.
 */
export function snapshotDatesCte(name: string, source: SourceIR): string | null {
    if (source.shape.kind !== 'snapshot') return null;
    const date = quoteIdent(source.shape.date);
    const valid = source.shape.valid;
    const window = valid
        ? `d.snap_date <= p.p_end AND d.snap_date > ${sqlDialect().dateMinus('p.p_end', sqlInteger(valid.amount), VALID_UNIT[valid.unit])}`
        : 'd.snap_date BETWEEN p.p_start AND p.p_end';
    const declared = declaredCoverage(source);
    return `${name}(label, snap) AS (
    SELECT p.label, max(d.snap_date)
    FROM (SELECT DISTINCT ${date} AS snap_date FROM ${sourceTable(source)}${sqlDialect().fromAlias('src')} WHERE ${date} IS NOT NULL) AS d
    JOIN periods AS p ON ${window}${declared ? ` AND ${declared}` : ''}
    GROUP BY p.label
)`;
}

const VALID_UNIT = { days: 'DAY', months: 'MONTH', years: 'YEAR' } as const;

/**
 * A measure's coverage as SQL over `periods AS p`: `covered` is a boolean expression that may use
 * the aliases that `joins` add after `FROM periods AS p`, and `ctes` are the CTEs those joins read.
 */
export interface MeasureCoverage {
    ctes: string[];
    joins: string[];
    covered: string;
}

/**
 * The coverage of a measure on `source`; `prefix` names its CTEs and aliases, `snapName` is the
 * source's snapshot-date CTE, if any. A declared coverage is plain literals: no CTE and no join.
 */
export function measureCoverage(prefix: string, source: SourceIR, snapName: string | null): MeasureCoverage {
    const declared = declaredCoverage(source);
    const shape = source.shape;
    if (shape.kind === 'snapshot' && snapName) {
        const alias = `${prefix}_s`;
        return { ctes: [], joins: [`LEFT JOIN ${snapName} AS ${alias} ON ${alias}.label = p.label`], covered: `(${alias}.snap IS NOT NULL)` };
    }
    if (declared || shape.kind === 'table' || shape.kind === 'snapshot') return { ctes: [], joins: [], covered: declared ?? 'TRUE' };
    const table = sourceTable(source);
    let bounds: string;
    if (shape.kind === 'events') {
        const d = quoteIdent(shape.date);
        bounds = `SELECT min(${d}), max(${d}) FROM ${table}${sqlDialect().fromAlias('src')}`;
    } else {
        const s = quoteIdent(shape.start);
        const e = quoteIdent(shape.end);
        bounds = `SELECT min(${s}), max(greatest(${s}, coalesce(${e}, ${s}))) FROM ${table}${sqlDialect().fromAlias('src')}`;
    }
    const name = `${prefix}_bounds`;
    const alias = `${prefix}_b`;
    return {
        ctes: [`${name}(lo, hi) AS (${bounds})`],
        joins: [`CROSS JOIN ${name} AS ${alias}`],
        covered: `coalesce(p.p_end BETWEEN ${alias}.lo AND ${alias}.hi, FALSE)`,
    };
}
