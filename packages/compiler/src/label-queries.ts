/** The names of breakdown codes (`names via stadsdelen.naam`): one query per dimension that declares them. */
import type { LabelQuery, ProgramIR } from '@monitor/ir';
import { findSource } from './source-scope.js';
import { sourceTable } from './column-expression-sql.js';
import { PlanError, quoteIdent } from './sql-text.js';
import { sqlDialect } from './sql-dialect.js';

/**
 * A `code, label` query for each dimension used by an indicator that declares `names via`. When the
 * table names a code twice, the smallest name wins, so the label never depends on row order.
 */
export function labelQueries(program: ProgramIR): LabelQuery[] {
    const used = new Set(program.indicators.flatMap((i) => i.by));
    const out: LabelQuery[] = [];
    for (const dimension of program.dimensions) {
        if (!dimension.names || !used.has(dimension.name)) continue;
        const table = findSource(program, dimension.names.table);
        const key = table.shape.kind === 'table' ? table.shape.key : null;
        if (!key) throw new PlanError(`The names table ${JSON.stringify(table.name)} needs a table shape with a key column.`);
        const code = `CAST(t.${quoteIdent(key)} AS VARCHAR)`;
        out.push({
            dimension: dimension.name,
            sql: `SELECT ${code} AS code, min(${sqlDialect().bytewise(`CAST(t.${quoteIdent(dimension.names.field)} AS VARCHAR)`)}) AS label\n`
                + `FROM ${sourceTable(table)} AS t\nWHERE ${code} IS NOT NULL\nGROUP BY 1`,
        });
    }
    return out;
}
