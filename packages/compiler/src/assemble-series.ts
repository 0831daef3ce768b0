/**
 * The final SELECT of a series: a grid of periods × breakdown groups (plus a total row per period),
 * joined to the compiled measures. The grid is what zero-fills counts and marks coverage.
 */
import type { CompiledMeasure } from './compile-measure.js';
import { dimensionValueSql } from './dimension-value.js';
import { compileCondition } from './compile-condition.js';
import { dimensionFilter, type MeasureContext } from './measure-context.js';
import { periodsCte } from './periods-cte.js';
import type { ConditionIR, PlanPeriod } from '@monitor/ir';
import { levelConditions } from './source-levels.js';
import { createScope } from './source-scope.js';
import { quoteIdent } from './sql-text.js';
import { sqlDialect } from './sql-dialect.js';

/** The measures of one series: a numerator and, for a rate, a denominator. */
export interface SeriesParts {
    /** The source whose breakdown values make the groups (the numerator's source). */
    groupSource: string;
    /** Only rows matching this make groups (a reference's own `where`); absent: every row of the source. */
    groupFilter?: ConditionIR | null;
    numerator: CompiledMeasure;
    denominator: CompiledMeasure | null;
}

function groupsCte(ctx: MeasureContext, source: string, groupFilter: ConditionIR | null): string {
    const scope = createScope(ctx.program, source, 'g');
    const cols = ctx.dimensions.map((d) => `${dimensionValueSql(ctx, d, scope) ?? 'CAST(NULL AS VARCHAR)'} AS ${quoteIdent(d)}`);
    // Groups come from the whole source, not the measure's filtered rows: a wijk without any matching
    // row is a real 0. Rows outside a binding's `where` give no group (they belong to no cell).
    const filters = [groupFilter, ...ctx.dimensions.map((d) => dimensionFilter(ctx.program, d, source))]
        .filter((f): f is ConditionIR => f !== null)
        .map((f) => compileCondition(f, scope));
    // On a table with levels only the cell rows make groups: the total row's code is no cell.
    const levels = levelConditions(scope);
    if (levels) filters.push(levels.cell);
    const where = filters.length > 0 ? `\n    WHERE ${filters.join(' AND ')}` : '';
    return `groups AS (\n    SELECT DISTINCT ${cols.join(', ')}\n    FROM ${scope.from()}${where}\n)`;
}

/**
 * `grid(label, ordinal, covered, <dims>, total)`: every period with its coverage (every measure's
 * source covers it), once per group and once as the total. Coverage is worked out per period, before
 * the groups multiply the rows.
 */
function gridCtes(dims: string[], measures: CompiledMeasure[]): string[] {
    const covered = [...new Set(measures.map((m) => m.coverage.covered))].join(' AND ');
    const joins = [...new Set(measures.flatMap((m) => m.coverage.joins))].map((j) => `\n    ${j}`).join('');
    const periods = `SELECT p.label, p.ordinal, ${covered} AS covered`;
    if (dims.length === 0) return [`grid AS (\n    ${periods}, TRUE AS total\n    FROM periods AS p${joins}\n)`];
    const cols = dims.map((d) => `g.${quoteIdent(d)}`).join(', ');
    const nulls = dims.map((d) => `CAST(NULL AS VARCHAR) AS ${quoteIdent(d)}`).join(', ');
    return [`grid_periods AS (\n    ${periods}\n    FROM periods AS p${joins}\n)`, `grid AS (
    SELECT c.label, c.ordinal, c.covered, ${cols}, FALSE AS total FROM grid_periods AS c CROSS JOIN groups AS g
    UNION ALL
    SELECT label, ordinal, covered, ${nulls}, TRUE AS total FROM grid_periods
)`];
}

function joinOn(alias: string, m: CompiledMeasure): string {
    const conds = [m.key === 'o' ? `${alias}.o = grid.ordinal` : `${alias}.label = grid.label`];
    // A measure whose source lacks a breakdown has only total rows: its value holds for every cell.
    if (m.boundDims.length > 0) {
        conds.push(`${alias}.total = grid.total`);
        for (const d of m.boundDims) conds.push(`${alias}.${quoteIdent(d)} IS NOT DISTINCT FROM grid.${quoteIdent(d)}`);
    }
    return conds.join(' AND ');
}

function valueSql(alias: string, m: CompiledMeasure, covered: string): string {
    const value = `${alias}.${m.columns.value}`;
    return `CASE WHEN ${covered} THEN ${m.isCount ? `coalesce(${value}, 0)` : value} END`;
}

function provisionalSql(parts: SeriesParts, denAlias: string, covered: string): string {
    const flags: string[] = [];
    if (parts.numerator.hasStatus) flags.push(`coalesce(n.${parts.numerator.columns.prov}, FALSE)`);
    if (parts.denominator?.hasStatus) flags.push(`coalesce(${denAlias}.${parts.denominator.columns.prov}, FALSE)`);
    if (flags.length === 0) return 'CAST(NULL AS BOOLEAN)';
    return `CASE WHEN ${covered} THEN ${[...new Set(flags)].join(' OR ')} END`;
}

/** The complete SQL text of a series with the output columns of `SeriesQuery`. */
export function assembleSeries(parts: SeriesParts, ctx: MeasureContext, periods: PlanPeriod[]): string {
    const { numerator: num, denominator: den } = parts;
    const ctes = [periodsCte(periods, ctx.grain), ...num.ctes, ...(den?.ctes ?? [])];
    if (ctx.dimensions.length > 0) ctes.push(groupsCte(ctx, parts.groupSource, parts.groupFilter ?? null));
    ctes.push(...gridCtes(ctx.dimensions, den ? [num, den] : [num]));
    const covered = 'grid.covered';
    // Measures counted in one pass share one aggregate: join it once.
    const denAlias = den && den.agg === num.agg ? 'n' : 'd';
    const dimCols = ctx.dimensions.map((d) => `grid.${quoteIdent(d)}`);
    const select = [
        'grid.label AS period',
        ...dimCols,
        `${valueSql('n', num, covered)} AS numerator`,
        den ? `${valueSql(denAlias, den, covered)} AS denominator` : `CAST(NULL AS ${sqlDialect().double}) AS denominator`,
        `${provisionalSql(parts, denAlias, covered)} AS provisional`,
        `${covered} AS covered`,
        'grid.total',
        num.columns.units ? `CASE WHEN ${covered} THEN CAST(coalesce(n.${num.columns.units}, 0) AS ${sqlDialect().double}) END AS units` : `CAST(NULL AS ${sqlDialect().double}) AS units`,
        // Only a sum or average over person-level rows has `top`: other plans keep their columns.
        ...(num.columns.top ? [`CASE WHEN ${covered} THEN n.${num.columns.top} END AS top`] : []),
    ];
    // Cell keys of the count parts (`perturb cellkey`): NULL for a cell without rows, whose count 0 gets no noise.
    if (num.columns.cellKey) select.push(`CASE WHEN ${covered} THEN n.${num.columns.cellKey} END AS numerator_key`);
    if (den?.columns.cellKey) select.push(`CASE WHEN ${covered} THEN ${denAlias}.${den.columns.cellKey} END AS denominator_key`);
    const from = ['grid', `LEFT JOIN ${num.agg} AS n ON ${joinOn('n', num)}`];
    if (den && denAlias === 'd') from.push(`LEFT JOIN ${den.agg} AS d ON ${joinOn('d', den)}`);
    const order = ['grid.ordinal', 'grid.total DESC', ...dimCols.map((c) => `${sqlDialect().bytewise(c)} NULLS LAST`)];
    return `WITH ${ctes.join(',\n')}\nSELECT ${select.join(',\n       ')}\nFROM ${from.join('\n')}\nORDER BY ${order.join(', ')}`;
}
