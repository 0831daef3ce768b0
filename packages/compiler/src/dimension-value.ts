/**
 * The value a row has in a breakdown dimension, as SQL text: the bound column (through a lookup when
 * it has one), translated by the dimension's code mapping when it declares one, and NULL for a row
 * outside the binding's `where`.
 */
import type { ShapeIR } from '@monitor/ir';
import { compileCondition } from './compile-condition.js';
import { dimensionBinding, dimensionFilter, type MeasureContext } from './measure-context.js';
import { findSource, type SourceScope } from './source-scope.js';
import { sourceTable } from './column-expression-sql.js';
import { quoteIdent, sqlDate } from './sql-text.js';

/** The date that decides whether a row's code is read in the new layout (`since`): event, snapshot or start date. */
function rowDate(shape: ShapeIR): string | null {
    switch (shape.kind) {
        case 'events': case 'snapshot': return shape.date;
        case 'episodes': return shape.start;
        case 'table': return null;
    }
}

/**
 * `CAST(<value> AS VARCHAR)` for `dimension` in the scope's source, or null when the source does not
 * bind it. Codes the mapping table lacks stay as they are; when the table lists a code twice, the
 * smallest new code wins, so the result never depends on row order.
 */
export function dimensionValueSql(ctx: Pick<MeasureContext, 'program'>, dimension: string, scope: SourceScope): string | null {
    const value = mappedValueSql(ctx, dimension, scope);
    const filter = dimensionFilter(ctx.program, dimension, scope.source.name);
    if (value === null || !filter) return value;
    // Invariant: a row outside the binding's `where` has no value here, so it falls in no cell (only in totals).
    return `CASE WHEN ${compileCondition(filter, scope)} THEN ${value} END`;
}

/** The bound value, translated by the dimension's code mapping; the binding's `where` is not applied here. */
function mappedValueSql(ctx: Pick<MeasureContext, 'program'>, dimension: string, scope: SourceScope): string | null {
    const ref = dimensionBinding(ctx.program, dimension, scope.source.name);
    if (!ref) return null;
    const raw = `CAST(${scope.column(ref)} AS VARCHAR)`;
    const mapping = ctx.program.dimensions.find((d) => d.name === dimension)?.mapping;
    if (!mapping) return raw;
    const lookup = `(SELECT min(CAST(m.${quoteIdent(mapping.to)} AS VARCHAR)) FROM ${sourceTable(findSource(ctx.program, mapping.table))} AS m`
        + ` WHERE CAST(m.${quoteIdent(mapping.from)} AS VARCHAR) = ${raw})`;
    const mapped = `coalesce(${lookup}, ${raw})`;
    const date = rowDate(scope.source.shape);
    if (!mapping.since || !date) return mapped;
    // Invariant: a row dated before `since` carries a code of the old layout, which is kept as it is.
    return `CASE WHEN ${scope.own(date)} >= ${sqlDate(mapping.since)} THEN ${mapped} ELSE ${raw} END`;
}
