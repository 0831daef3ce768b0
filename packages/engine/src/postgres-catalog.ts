/**
 * The data stage of a table source on PostgreSQL: the table exists and may be read, every declared
 * column is in it with a type that holds the declared type, and required columns have no missing
 * values. Read from the system catalogue (`pg_attribute`, which shows the columns of a table the role
 * may not read, so a missing privilege is told apart from a missing table) and one aggregate query;
 * no row of the table leaves the server.
 */
import type { ColumnIR, ColumnType, SourceIR, TableRefIR } from '@monitor/ir';
import type { DataIssue, PlainRow, TableUse } from './engine-types.js';
import { pgColumnMissing, pgColumnType, pgNullsInRequired, tableMissing, tableNotReadable, viewHasNoRowId } from './postgres-issues.js';
import { quoteIdent } from './sql-quote.js';
import { suggestName } from './suggest-name.js';

/** Runs a parameterised query (`$1`, …) and returns plain rows. */
export type ParamQuery = (sql: string, params: string[]) => Promise<PlainRow[]>;

/** The PostgreSQL types that hold each declared type (the names `format_type` gives, without modifiers). */
const FITS: Record<ColumnType, string[]> = {
    text: ['text', 'character varying', 'character', 'name', 'citext'],
    integer: ['smallint', 'integer', 'bigint'],
    decimal: ['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'],
    date: ['date'],
    boolean: ['boolean'],
};

/** The declared type a database type holds, for the hint ("declare it as …"); null when none does. */
export function declaredFor(type: string): ColumnType | null {
    if (FITS.integer.includes(type)) return 'integer';
    for (const t of ['text', 'decimal', 'date', 'boolean'] as const) if (FITS[t].includes(type)) return t;
    return null;
}

/** The table's column nearest to a declared name: by spelling, else one that contains it (`wijk` → `wijkcode`). */
function nearestColumn(name: string, columns: string[]): string | null {
    const lower = name.toLowerCase();
    return suggestName(name, columns) ?? columns.find((c) => c.toLowerCase().includes(lower)) ?? null;
}

/** The qualified, quoted name of a table: `"schema"."name"` or `"name"`. */
export function qualifiedTable(t: TableRefIR): string {
    return [t.schema, t.name].filter((p): p is string => p !== null).map(quoteIdent).join('.');
}

/** The qualified, quoted name of a table source's table. */
export function qualifiedName(source: SourceIR): string {
    return qualifiedTable(source.table!);
}

/** Checks a table source against the catalogue (as the plan reads it: `use`); no issues means the compiled queries can read it. */
export async function checkTableSource(query: ParamQuery, source: SourceIR, use: TableUse = { rowId: false }): Promise<DataIssue[]> {
    const name = qualifiedName(source);
    const [found] = await query(`SELECT CAST(to_regclass($1) AS oid) AS oid, has_table_privilege(to_regclass($1), 'SELECT') AS can_select,
(SELECT CAST(c.relkind AS text) FROM pg_class AS c WHERE c.oid = to_regclass($1)) AS kind`, [name]);
    if (found.oid === null) return [tableMissing(source)];
    if (found.can_select !== true) return [tableNotReadable(source)];
    // A view has no ctid; a table, a partitioned table, a materialized view and a foreign table have.
    if (use.rowId && found.kind === 'v') return [viewHasNoRowId(source)];
    const rows = await query(`SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type FROM pg_attribute AS a
WHERE a.attrelid = CAST($1 AS oid) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`, [String(found.oid)]);
    const types = new Map(rows.map((r) => [String(r.name), String(r.type)]));
    const issues: DataIssue[] = [];
    const required: ColumnIR[] = [];
    for (const column of source.columns) {
        if (column.expression) continue;
        const type = types.get(column.name);
        if (type === undefined) issues.push(pgColumnMissing(source, column, nearestColumn(column.name, [...types.keys()])));
        else if (!FITS[column.type].includes(type)) issues.push(pgColumnType(source, column, type, declaredFor(type)));
        else if (!column.nullable) required.push(column);
    }
    if (issues.length > 0 || required.length === 0) return issues;
    // One aggregate over the table: how many rows lack each required column.
    const counts = required.map((c, i) => `count(*) FILTER (WHERE ${quoteIdent(c.name)} IS NULL) AS n${i}`);
    const [nulls] = await query(`SELECT ${counts.join(', ')} FROM ${name} AS t`, []);
    required.forEach((c, i) => {
        const n = Number(nulls[`n${i}`]);
        if (n > 0) issues.push(pgNullsInRequired(source, c, n));
    });
    return issues;
}
