/** Resolves column references of one source to SQL, joining lookup tables (`col via table.field`). */
import type { ColumnRefIR, ColumnType, ProgramIR, SourceIR } from '@monitor/ir';
import { PlanError, quoteIdent } from './sql-text.js';
import { sourceTable } from './column-expression-sql.js';

/** Finds a source by name, or fails with a planning error. */
export function findSource(program: ProgramIR, name: string): SourceIR {
    const source = program.sources.find((s) => s.name === name);
    if (!source) throw new PlanError(`There is no source named ${JSON.stringify(name)}.`);
    return source;
}

/** Column references of one source, resolved against a table alias plus the lookup joins they need. */
export interface SourceScope {
    source: SourceIR;
    /** SQL expression for a column reference (a lookup reference adds a LEFT JOIN). */
    column(ref: ColumnRefIR): string;
    /** SQL expression for a plain column of the source itself. */
    own(column: string): string;
    /** The declared type of a column reference (null when unknown). */
    type(ref: ColumnRefIR): ColumnType | null;
    /** The FROM clause: the source table and every lookup join used so far. */
    from(): string;
}

function columnType(source: SourceIR, name: string): ColumnType | null {
    return source.columns.find((c) => c.name === name)?.type ?? null;
}

/** Creates a scope over `sourceName` with table alias `alias`; `rowId`: its rows' row id is read too (transitions). */
export function createScope(program: ProgramIR, sourceName: string, alias: string, rowId = false): SourceScope {
    const source = findSource(program, sourceName);
    const joins = new Map<string, { alias: string; sql: string }>();
    const own = (column: string) => `${quoteIdent(alias)}.${quoteIdent(column)}`;

    const lookupAlias = (column: string, lookupName: string): string => {
        const id = JSON.stringify([column, lookupName]);
        const known = joins.get(id);
        if (known) return known.alias;
        const lookup = findSource(program, lookupName);
        if (lookup.shape.kind !== 'table' || !lookup.shape.key) {
            throw new PlanError(`The lookup source ${JSON.stringify(lookupName)} needs a table shape with a key column.`);
        }
        const joinAlias = `${alias}_l${joins.size + 1}`;
        const keySql = `${quoteIdent(joinAlias)}.${quoteIdent(lookup.shape.key)}`;
        // Codes are often text in one file and numbers in the other: compare as text when the types differ.
        const sameType = columnType(source, column) === columnType(lookup, lookup.shape.key);
        const on = sameType
            ? `${keySql} = ${own(column)}`
            : `CAST(${keySql} AS VARCHAR) = CAST(${own(column)} AS VARCHAR)`;
        joins.set(id, { alias: joinAlias, sql: `LEFT JOIN ${sourceTable(lookup)} AS ${quoteIdent(joinAlias)} ON ${on}` });
        return joinAlias;
    };

    return {
        source,
        own,
        column(ref) {
            if (!ref.lookup) return own(ref.column);
            return `${quoteIdent(lookupAlias(ref.column, ref.lookup.source))}.${quoteIdent(ref.lookup.field)}`;
        },
        type(ref) {
            return ref.lookup ? columnType(findSource(program, ref.lookup.source), ref.lookup.field) : columnType(source, ref.column);
        },
        from() {
            return [`${sourceTable(source, rowId)} AS ${quoteIdent(alias)}`, ...[...joins.values()].map((j) => j.sql)].join('\n    ');
        },
    };
}
