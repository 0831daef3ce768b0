/**
 * The value a row has in a breakdown dimension, as SQL text: the bound column (through a lookup when
 * it has one), translated by the dimension's code mapping when it declares one, and NULL for a row
 * outside the binding's `where`.
 */
import type { DimensionMappingIR, ShapeIR } from '@monitor/ir';
import { compileCondition } from './compile-condition.js';
import { dimensionBinding, dimensionFilter, type MeasureContext } from './measure-context.js';
import { findSource, type SourceScope } from './source-scope.js';
import { sourceTable } from './column-expression-sql.js';
import { PlanError, quoteIdent, sqlDate } from './sql-text.js';
import { sqlDialect } from './sql-dialect.js';

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

/**
 * The bound value, translated by the dimension's code mapping and then by the binding's lookup
 * (`col via table.field`): codes are mapped first, so a reused code is looked up in its new meaning.
 * The binding's `where` is not applied here.
 */
function mappedValueSql(ctx: Pick<MeasureContext, 'program'>, dimension: string, scope: SourceScope): string | null {
    const ref = dimensionBinding(ctx.program, dimension, scope.source.name);
    if (!ref) return null;
    const mapping = ctx.program.dimensions.find((d) => d.name === dimension)?.mapping;
    if (!mapping) return `CAST(${scope.column(ref)} AS VARCHAR)`;
    const code = mappedCodeSql(ctx.program, mapping, `CAST(${scope.own(ref.column)} AS VARCHAR)`, scope);
    if (!ref.lookup) return code;
    // Invariant: the lookup reads the mapped code (failure 3 of issue 13: it used to read the old one).
    const lookup = findSource(ctx.program, ref.lookup.source);
    const key = lookup.shape.kind === 'table' ? lookup.shape.key : null;
    if (!key) throw new PlanError(`The lookup source ${JSON.stringify(ref.lookup.source)} needs a table shape with a key column.`);
    return `(SELECT min(${sqlDialect().bytewise(`CAST(l.${quoteIdent(ref.lookup.field)} AS VARCHAR)`)}) FROM ${sourceTable(lookup)} AS l`
        + ` WHERE CAST(l.${quoteIdent(key)} AS VARCHAR) = ${code})`;
}

/** A code translated by the mapping table (with `since`: only rows dated on or after it). */
function mappedCodeSql(program: MeasureContext['program'], mapping: DimensionMappingIR, raw: string, scope: SourceScope): string {
    const lookup = `(SELECT min(${sqlDialect().bytewise(`CAST(m.${quoteIdent(mapping.to)} AS VARCHAR)`)}) FROM ${sourceTable(findSource(program, mapping.table))} AS m`
        + ` WHERE CAST(m.${quoteIdent(mapping.from)} AS VARCHAR) = ${raw})`;
    const mapped = `coalesce(${lookup}, ${raw})`;
    const date = rowDate(scope.source.shape);
    if (!mapping.since || !date) return mapped;
    // Invariant: a row dated before `since` carries a code of the old layout, which is kept as it is.
    return `CASE WHEN ${scope.own(date)} >= ${sqlDate(mapping.since)} THEN ${mapped} ELSE ${raw} END`;
}
