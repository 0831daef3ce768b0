/**
 * Queries the data stage runs after loading, to catch numbers that would be silently wrong:
 * a measure that sums rows of several levels of a pre-aggregated table (CBS's municipality row beside
 * its wijken), and a text value in a condition, mapping or lookup that matches no row of the data.
 * The compiler writes the SQL (quoted identifiers and literals only); the data stage runs it.
 */
import type { ColumnRefIR, ConditionIR, LiteralIR, MeasureIR, ProgramIR, SourceIR, Span } from '@monitor/ir';
import { compileCondition } from './compile-condition.js';
import { createScope, findSource } from './source-scope.js';
import { sourceTable } from './column-expression-sql.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';
import { DUCKDB, sqlDialect, withDialect, type Dialect } from './sql-dialect.js';

/** A query that finds the levels of a region code or a "Totaal" category among the rows a measure reads. */
export interface LevelProbe {
    kind: 'levels';
    source: string;
    span: Span;
    /** One result row with `p_<i>` (region-code prefixes, comma-separated) and `t_<i>` (true: a total category beside others). */
    sql: string;
    columns: string[];
}

/** A query that counts the rows holding a text value, with the nearest values when none does. */
export interface ValueProbe {
    kind: 'value';
    /** The table the value is looked for in, and the column. */
    source: string;
    column: string;
    value: string;
    span: Span;
    /** One row: `hits` (rows with the value), `trimmed` (rows equal after trim and case). */
    countSql: string;
    /** The parts of `countSql` for a scan that counts several values of one table at once: its `FROM` and the condition of `hits`. */
    from: string;
    hitsWhere: string;
    /** Up to three distinct values nearest to `value` (column `v`); null when values may not be named. */
    nearestSql: string | null;
}

/** A query whether any code of a column is found in a lookup or mapping table. */
export interface CodeProbe {
    kind: 'codes';
    source: string;
    column: string;
    table: string;
    key: string;
    span: Span;
    /** One row: `codes` (distinct codes), `hits` (found as they are), `trimmed` (found after trim and case), `example` (a code, when nameable). */
    sql: string;
}

/** Region-code levels of CBS: country, part, province, COROP, municipality, wijk, buurt. */
const REGION = `'^(NL|LD|PV|CR|GM|WK|BU)[0-9]'`;

function text(column: string): string {
    return `trim(CAST(${column} AS VARCHAR))`;
}

/** Text columns whose values a diagnostic may name: not the key, not in a person-level source under privacy. */
function nameable(program: ProgramIR, source: SourceIR, column: string): boolean {
    const key = source.shape.kind === 'snapshot' ? null : source.shape.key;
    if (column === key) return false;
    const personLevel = source.shape.kind === 'events' || source.shape.kind === 'episodes';
    return !(personLevel && program.monitor.privacy !== null);
}

function levelProbe(program: ProgramIR, source: SourceIR, filter: ConditionIR | null, span: Span): LevelProbe | null {
    // Pre-aggregated tables are snapshots or tables; one with declared levels is read level by level.
    if (source.levels || (source.shape.kind !== 'snapshot' && source.shape.kind !== 'table')) return null;
    const columns = source.columns.filter((c) => c.type === 'text').map((c) => c.name);
    if (columns.length === 0) return null;
    const scope = createScope(program, source.name, 's');
    const parts = columns.map((c, i) => {
        const v = text(scope.own(c));
        return `string_agg(DISTINCT CASE WHEN ${sqlDialect().matches(v, REGION)} THEN substr(${v}, 1, 2) END, ',') AS p_${i}, `
            + `(bool_or(lower(${v}) IN ('totaal', 'total')) AND count(DISTINCT ${v}) > 1) AS t_${i}`;
    });
    const where = filter ? `\nWHERE ${compileCondition(filter, scope)}` : '';
    return { kind: 'levels', source: source.name, span, columns, sql: `SELECT ${parts.join(',\n       ')}\nFROM ${scope.from()}${where}` };
}

/** Text literals compared with a column in a condition: `col = "x"`, `col <> "x"`, `col in ("x", "y")`. */
function textValues(condition: ConditionIR | null | undefined): { ref: ColumnRefIR; value: string }[] {
    if (!condition) return [];
    const textOf = (l: LiteralIR) => (l.kind === 'text' ? l.value : null);
    switch (condition.kind) {
        case 'and': case 'or': return [...textValues(condition.left), ...textValues(condition.right)];
        case 'not': return textValues(condition.operand);
        case 'compare': {
            const { left, right } = condition;
            if (condition.op !== '=' && condition.op !== '<>') return [];
            if (left.kind === 'column' && right.kind === 'literal' && textOf(right.literal) !== null) return [{ ref: left.ref, value: textOf(right.literal)! }];
            if (right.kind === 'column' && left.kind === 'literal' && textOf(left.literal) !== null) return [{ ref: right.ref, value: textOf(left.literal)! }];
            return [];
        }
        case 'in': {
            if (condition.operand.kind !== 'column') return [];
            const ref = condition.operand.ref;
            return condition.values.map(textOf).filter((v): v is string => v !== null).map((value) => ({ ref, value }));
        }
        default: return [];
    }
}

/** Where a value is looked for: the source's column, or the lookup table's field. */
function valueProbe(program: ProgramIR, sourceName: string, ref: ColumnRefIR, value: string, span: Span): ValueProbe {
    const table = ref.lookup ? findSource(program, ref.lookup.source) : findSource(program, sourceName);
    const column = ref.lookup ? ref.lookup.field : ref.column;
    return columnValueProbe(program, table, column, value, span);
}

/** A probe for `value` in `table.column`. */
export function columnValueProbe(program: ProgramIR, table: SourceIR, column: string, value: string, span: Span): ValueProbe {
    const v = `CAST(t.${quoteIdent(column)} AS VARCHAR)`;
    const lit = quoteLiteral(value);
    const from = `FROM ${sourceTable(table)} AS t`;
    const distance = sqlDialect().levenshtein;
    return {
        kind: 'value', source: table.name, column, value, span, from, hitsWhere: `${v} = ${lit}`,
        countSql: `SELECT count(*) FILTER (WHERE ${v} = ${lit}) AS hits, count(*) FILTER (WHERE lower(trim(${v})) = lower(trim(${lit}))) AS trimmed ${from}`,
        // Without an edit distance in the dialect (PostgreSQL without an extension) no value is suggested.
        nearestSql: nameable(program, table, column) && distance
            ? `SELECT v FROM (SELECT DISTINCT ${v} AS v ${from} WHERE ${v} IS NOT NULL) AS d ORDER BY ${distance('lower(trim(v))', `lower(trim(${lit}))`)}, v LIMIT 3`
            : null,
    };
}

/** A probe whether the codes of `source.column` (rows dated from `since` on) are keys of `table.key`. */
function codeProbe(program: ProgramIR, source: SourceIR, column: string, table: string, key: string, since: string | null, span: Span): CodeProbe {
    const date = source.shape.kind === 'events' || source.shape.kind === 'snapshot' ? source.shape.date
        : source.shape.kind === 'episodes' ? source.shape.start : null;
    const v = `CAST(s.${quoteIdent(column)} AS VARCHAR)`;
    const after = since && date ? ` AND s.${quoteIdent(date)} >= DATE ${quoteLiteral(since)}` : '';
    const example = nameable(program, source, column) ? 'min(d.v)' : 'NULL';
    return {
        kind: 'codes', source: source.name, column, table, key, span,
        sql: `WITH d AS (SELECT DISTINCT ${v} AS v FROM ${sourceTable(source)} AS s WHERE ${v} IS NOT NULL${after}),
t AS (SELECT DISTINCT CAST(m.${quoteIdent(key)} AS VARCHAR) AS k FROM ${sourceTable(findSource(program, table))} AS m)
SELECT count(*) AS codes, count(*) FILTER (WHERE d.v IN (SELECT k FROM t)) AS hits,
       count(*) FILTER (WHERE lower(trim(d.v)) IN (SELECT lower(trim(k)) FROM t)) AS trimmed, ${example} AS example
FROM d`,
    };
}

/** The code probes of a program: mapping tables, lookups of bindings and measures, and names tables. */
function codeProbes(program: ProgramIR, loaded: Set<string>): CodeProbe[] {
    const out: CodeProbe[] = [];
    const keyOf = (table: string) => {
        const t = program.sources.find((s) => s.name === table);
        return t && t.shape.kind === 'table' ? t.shape.key : null;
    };
    const add = (source: string, column: string, table: string, key: string | null, since: string | null, span: Span) => {
        if (key && loaded.has(source) && loaded.has(table)) out.push(codeProbe(program, findSource(program, source), column, table, key, since, span));
    };
    for (const d of program.dimensions) {
        for (const b of d.bindings) {
            if (b.column.lookup) add(b.source, b.column.column, b.column.lookup.source, keyOf(b.column.lookup.source), null, d.span);
            else if (d.mapping) add(b.source, b.column.column, d.mapping.table, d.mapping.from, d.mapping.since, d.span);
            if (d.names && !b.column.lookup && !d.mapping) add(b.source, b.column.column, d.names.table, keyOf(d.names.table), null, d.span);
        }
    }
    for (const i of program.indicators) {
        const v = i.value;
        const measures = v.kind === 'measure' ? [v.measure] : v.kind === 'rate' ? [v.numerator, v.denominator] : [];
        for (const m of measures) {
            if (m.column?.lookup) add(m.source, m.column.column, m.column.lookup.source, keyOf(m.column.lookup.source), null, m.span);
        }
    }
    return out;
}

/**
 * Every probe of a program over the sources in `loaded` (those that loaded without errors): a level
 * probe per measure and reference on a snapshot or table without `levels`, and a value probe per text
 * value of a measure's, reference's or binding's `where`.
 */
export function planProbes(program: ProgramIR, loaded: Set<string>, options: { dialect?: Dialect } = {}): (LevelProbe | ValueProbe | CodeProbe)[] {
    return withDialect(options.dialect ?? DUCKDB, () => probesOf(program, loaded));
}

function probesOf(program: ProgramIR, loaded: Set<string>): (LevelProbe | ValueProbe | CodeProbe)[] {
    const out: (LevelProbe | ValueProbe | CodeProbe)[] = [...codeProbes(program, loaded)];
    const ready = (source: string, ...conditions: (ConditionIR | null | undefined)[]) => loaded.has(source)
        && conditions.flatMap(textValues).every((t) => !t.ref.lookup || loaded.has(t.ref.lookup.source));
    const values = (source: string, condition: ConditionIR | null | undefined, span: Span) => {
        for (const t of textValues(condition)) out.push(valueProbe(program, source, t.ref, t.value, span));
    };
    const measures = (m: MeasureIR) => {
        if (!ready(m.source, m.filter, m.transition?.to)) return;
        const level = levelProbe(program, findSource(program, m.source), m.filter, m.span);
        if (level) out.push(level);
        values(m.source, m.filter, m.span);
        values(m.source, m.transition?.to, m.span);
    };
    for (const indicator of program.indicators) {
        const v = indicator.value;
        if (v.kind === 'measure') measures(v.measure);
        if (v.kind === 'rate') { measures(v.numerator); measures(v.denominator); }
        for (const r of indicator.references) {
            if (!ready(r.source, r.filter)) continue;
            const level = levelProbe(program, findSource(program, r.source), r.filter, r.span);
            if (level) out.push(level);
            values(r.source, r.filter, r.span);
        }
    }
    for (const s of program.sources) {
        if (!s.levels || !loaded.has(s.name)) continue;
        for (const value of [s.levels.total, s.levels.cells]) if (value !== null) out.push(columnValueProbe(program, s, s.levels.column, value, s.levels.span));
    }
    for (const d of program.dimensions) {
        for (const b of d.bindings) if (ready(b.source, b.filter)) values(b.source, b.filter, d.span);
    }
    // Identical probes (one value in several measures) run once, at the first place.
    const seen = new Set<string>();
    return out.filter((p) => {
        const key = p.kind === 'value' ? p.countSql : p.sql;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}
