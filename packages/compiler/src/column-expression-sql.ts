/**
 * Derived columns as SQL: one function renders a column expression, and a source with derived columns
 * is read through a subquery that adds them to its loaded table. Only `coalesce`, `trim`, `+ - * /`,
 * CAST and NULLIF, so a PostgreSQL dialect can render the same shape.
 */
import type { ColumnExprIR, ColumnType, SourceIR } from '@monitor/ir';
import { PlanError, quoteIdent, quoteLiteral, sqlNumber } from './sql-text.js';

const SQL_TYPE: Record<ColumnType, string> = { text: 'VARCHAR', integer: 'BIGINT', decimal: 'DOUBLE', date: 'DATE', boolean: 'BOOLEAN' };

/**
 * SQL for a column expression; `column(name)` renders a column it reads. A division is done in
 * floating point, and dividing by 0 gives no value (NULL), not an error.
 */
export function columnExpressionSql(expr: ColumnExprIR, column: (name: string) => string): string {
    const render = (e: ColumnExprIR): string => {
        switch (e.kind) {
            case 'column': return column(e.name);
            case 'number': return sqlNumber(e.value);
            case 'text': return quoteLiteral(e.value);
            case 'call':
                if (e.function === 'trim') return `trim(${render(e.args[0])})`;
                return `coalesce(${e.args.map(render).join(', ')})`;
            case 'binary':
                // A constant divisor other than 0 needs no guard.
                if (e.op === '/' && e.right.kind === 'number' && e.right.value !== 0) return `(CAST(${render(e.left)} AS DOUBLE) / ${render(e.right)})`;
                return e.op === '/'
                    ? `(CAST(${render(e.left)} AS DOUBLE) / NULLIF(${render(e.right)}, 0))`
                    : `(${render(e.left)} ${e.op} ${render(e.right)})`;
        }
    };
    return render(expr);
}

/**
 * The SQL of a derived column of `source` over its loaded table's columns: a derived column it reads
 * is expanded in place (validation refuses cycles; a cycle that slips through is a planning error).
 */
export function derivedColumnSql(source: SourceIR, name: string, path: string[] = []): string {
    const column = source.columns.find((c) => c.name === name);
    if (!column?.expression) return quoteIdent(name);
    if (path.includes(name)) throw new PlanError(`The derived column ${JSON.stringify(name)} of source ${JSON.stringify(source.name)} depends on itself.`);
    const inner = columnExpressionSql(column.expression, (n) => derivedColumnSql(source, n, [...path, name]));
    return `CAST(${inner} AS ${SQL_TYPE[column.type]})`;
}

/** The FROM item of a source: its loaded table `"src_<name>"`, through a subquery that adds its derived columns. */
export function sourceTable(source: SourceIR): string {
    const table = quoteIdent(`src_${source.name}`);
    const derived = source.columns.filter((c) => c.expression);
    if (derived.length === 0) return table;
    const columns = derived.map((c) => `${derivedColumnSql(source, c.name)} AS ${quoteIdent(c.name)}`);
    // `*` leaves out DuckDB's row id, which transitions use to tell an episode from its successor
    // (found by test/fuzz-data.test.ts: "does not have a column named rowid", an internal error);
    // a declared column of that name is the row id's stand-in already.
    const rowid = source.columns.some((c) => c.name.toLowerCase() === 'rowid') ? '' : 'rowid, ';
    return `(SELECT *, ${rowid}${columns.join(', ')} FROM ${table})`;
}
