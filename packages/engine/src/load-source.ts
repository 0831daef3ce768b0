/**
 * The DATA validation stage: reads a CSV file with DuckDB as text, checks it against the source
 * declaration, and only when nothing is wrong keeps the typed table `src_<name>`. A Parquet file
 * is first turned into CSV text (`parquet-to-csv.ts`) and then goes the same way.
 */
import type { ColumnIR, SourceIR } from '@monitor/ir';
import {
    columnMissing, duplicateHeader, endBeforeStart, fileEmpty, fileUnreadable, formatUnsupported, nullInRequired, typeMismatch,
} from './data-issues.js';
import { headerNames } from './csv-scan.js';
import type { DataIssue, PlainRow, SqlConnection } from './engine-types.js';
import { quoteIdent } from './sql-quote.js';
import { suggestName } from './suggest-name.js';
import { diagnoseUnreadable, wrongDelimiter } from './diagnose-csv.js';
import { PARQUET_CSV, parquetToCsv } from './parquet-to-csv.js';
import { badFlag, presentSql, rawColumn, readCsvSql, typedSql } from './csv-sql.js';

const BOM = [0xef, 0xbb, 0xbf];

/** The bytes without a leading UTF-8 byte-order mark. */
export function stripBom(bytes: Uint8Array): Uint8Array {
    return BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
}

function isBlank(bytes: Uint8Array): boolean {
    return bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

/** The names that occur more than once, with how often. */
function duplicateNames(names: string[]): [string, number][] {
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    return [...counts].filter(([, times]) => times > 1);
}

/** What the checks need to know about one file: where it is registered and its header. */
interface ReadFile {
    source: SourceIR;
    fileName: string;
    columns: string[];
    /** The issue for a file DuckDB cannot read, from DuckDB's error. */
    unreadable(error: unknown): DataIssue;
}

/**
 * Validates and loads one source; returns its issues (the table exists only when there are no errors).
 * Three round trips on a good file (header; typed table with checks; helper columns dropped), the
 * same SQL on both engines: the header comes from a sample, then the file is read in full once and
 * every value typed once. A file with findings is read once more, to name the first row of each.
 */
export async function loadSource(conn: SqlConnection, declared: SourceIR, bytes: Uint8Array, fileName: string): Promise<DataIssue[]> {
    if (declared.format === 'json') return [formatUnsupported(declared)];
    let source = declared;
    if (declared.format === 'parquet') {
        try {
            bytes = await parquetToCsv(bytes);
        } catch (e) {
            return [fileUnreadable(declared, e instanceof Error ? e.message : String(e))];
        }
        source = { ...declared, csv: PARQUET_CSV };
    }
    const content = stripBom(bytes);
    if (isBlank(content)) return [fileEmpty(source, false)];
    const duplicates = source.csv.header ? duplicateNames(headerNames(content, source.csv.delimiter)) : [];
    if (duplicates.length > 0) return duplicates.map(([name, times]) => duplicateHeader(source, name, times));
    const table = quoteIdent(`src_${source.name}`);
    const unreadable = (e: unknown): DataIssue => {
        // DuckDB names the engine's internal copy; the user knows the file by its declared path.
        const reason = (e instanceof Error ? e.message : String(e)).replaceAll(fileName, source.path);
        return diagnoseUnreadable(source, content) ?? fileUnreadable(source, reason);
    };
    await conn.registerFile(fileName, content);
    try {
        let header: PlainRow[];
        try {
            header = await conn.query(`DROP TABLE IF EXISTS ${table}; DESCRIBE SELECT * FROM ${readCsvSql(fileName, source)}`);
        } catch (e) {
            return [unreadable(e)];
        }
        const file: ReadFile = { source, fileName, columns: header.map((r) => String(r.column_name)), unreadable };
        return await checkAndCreate(conn, file, table);
    } finally {
        await conn.dropFile(fileName);
    }
}

async function checkAndCreate(conn: SqlConnection, file: ReadFile, table: string): Promise<DataIssue[]> {
    const { source, columns: fileColumns } = file;
    // Without a header, declared columns match the file's columns by position. Derived columns are
    // no file columns: the compiler computes them from the loaded ones.
    const rawName = new Map<string, string>();
    readColumns(source).forEach((c, i) => {
        if (source.csv.header) { if (fileColumns.includes(c.name)) rawName.set(c.name, c.name); }
        else if (i < fileColumns.length) rawName.set(c.name, fileColumns[i]);
    });
    const present = readColumns(source).filter((c) => rawName.has(c.name));
    const raw = (c: ColumnIR) => quoteIdent(rawName.get(c.name)!);
    const name = (c: ColumnIR) => quoteIdent(c.name);
    // Typed columns keep a flag "the file has a value here that does not fit" next to the typed value,
    // so one scan of the table tells whether any value does not fit or is missing. The flag looks at
    // the text only where the typed value is missing.
    const flagged = (c: ColumnIR) => c.type !== 'text';
    const typed = present.flatMap((c, i) => [
        `${typedSql(raw(c), c, source)} AS ${name(c)}`, ...(flagged(c) ? [`${raw(c)} AS ${rawColumn(i)}`] : []),
    ]);
    const select = present.flatMap((c, i) => [name(c), ...(flagged(c)
        ? [`CASE WHEN ${name(c)} IS NULL THEN ${presentSql(rawColumn(i), c, source)} ELSE false END AS ${badFlag(i)}`] : [])]);
    const order = episodeColumns(source, present);
    const checks = ['count(*) AS n', ...present.flatMap((c, i) => flagged(c)
        ? [`bool_or(${badFlag(i)}) AS bad_${i}`, `bool_or(${name(c)} IS NULL AND NOT ${badFlag(i)}) AS null_${i}`]
        : [`bool_or(${name(c)} IS NULL) AS null_${i}`]),
    // Episodes that end before they start, counted in the same scan of the table (the file is read once).
    ...(order ? [`count(*) FILTER (WHERE ${name(order.end)} < ${name(order.start)}) AS end_before_start`] : [])];
    let found: PlainRow;
    try {
        // Even a file with no declared column is read to the end: an unreadable file says so first.
        const [inner, outer] = select.length > 0 ? [typed.join(', '), select.join(', ')] : ['true AS __monitor_none', '*'];
        found = (await conn.query(`CREATE TABLE ${table} AS SELECT ${outer} FROM (SELECT ${inner} FROM ${readCsvSql(file.fileName, source, fileColumns)}); `
            + `SELECT ${checks.join(', ')} FROM ${table}`))[0];
    } catch (e) {
        await conn.query(`DROP TABLE IF EXISTS ${table}`);
        return [file.unreadable(e)];
    }
    const issues = await findIssues(conn, file, found, present, raw);
    if (issues.some((i) => i.severity === 'error')) {
        await conn.query(`DROP TABLE ${table}`);
    } else {
        const drops = present.flatMap((c, i) => flagged(c) ? [`ALTER TABLE ${table} DROP COLUMN ${badFlag(i)};`] : []);
        if (drops.length > 0) await conn.query(drops.join(' '));
    }
    return issues;
}

/** The declared columns read from the file: all but the derived ones. */
export function readColumns(source: SourceIR): ColumnIR[] {
    return source.columns.filter((c) => !c.expression);
}

/** The issues in the checks' results, in the order of the declaration. */
async function findIssues(conn: SqlConnection, file: ReadFile, found: PlainRow, present: ColumnIR[], raw: (c: ColumnIR) => string): Promise<DataIssue[]> {
    const { source, columns: fileColumns } = file;
    const delimiter = wrongDelimiter(source, fileColumns);
    if (delimiter) return [delimiter];
    const issues: DataIssue[] = readColumns(source).filter((c) => !present.includes(c))
        .map((c) => columnMissing(source, c, fileColumns, source.csv.header ? suggestName(c.name, fileColumns) : null));
    if (Number(found.n) === 0) return [fileEmpty(source, true), ...issues];
    const wanted = present.map((c, i) => ({ column: c, raw: raw(c), bad: found[`bad_${i}`] === true, missing: !c.nullable && found[`null_${i}`] === true }));
    if (!wanted.some((w) => w.bad || w.missing)) return [...issues, ...(await episodeOrder(conn, file, present, raw, Number(found.end_before_start ?? 0)))];
    const first = await firstRows(conn, file, wanted);
    const lineOffset = source.csv.header ? 1 : 0;
    for (const [i, w] of wanted.entries()) {
        if (w.bad) issues.push(typeMismatch(source, w.column, Number(first[`bad_${i}`]), String(first[`value_${i}`] ?? ''), lineOffset));
        if (w.missing) issues.push(nullInRequired(source, w.column, Number(first[`null_${i}`]), lineOffset));
    }
    return issues;
}

/**
 * Only for a file with findings: the first data row of each finding, and the text that does not
 * fit. Reads the file once more, numbering its rows (the table has no row numbers: native DuckDB
 * loads in parallel, and its rowid need not be the data row).
 */
async function firstRows(conn: SqlConnection, file: ReadFile, wanted: { column: ColumnIR; raw: string; bad: boolean; missing: boolean }[]): Promise<PlainRow> {
    const row = quoteIdent('__monitor_row');
    const picks = wanted.flatMap(({ column: c, raw, bad, missing }, i) => {
        const badWhen = `${presentSql(raw, c, file.source)} AND (${typedSql(raw, c, file.source)}) IS NULL`;
        return [
            ...(bad ? [`min(${row}) FILTER (WHERE ${badWhen}) AS bad_${i}`, `arg_min(${raw}, ${row}) FILTER (WHERE ${badWhen}) AS value_${i}`] : []),
            ...(missing ? [`min(${row}) FILTER (WHERE NOT (${presentSql(raw, c, file.source)})) AS null_${i}`] : []),
        ];
    });
    const raws = [...new Set(wanted.filter((w) => w.bad || w.missing).map((w) => w.raw))];
    const [result] = await conn.query(`SELECT ${picks.join(', ')} FROM (SELECT row_number() OVER () AS ${row}, ${raws.join(', ')} `
        + `FROM ${readCsvSql(file.fileName, file.source, file.columns)})`);
    return result;
}

/** The typed start and end columns of an episodes source, when both are dates read from the file. */
function episodeColumns(source: SourceIR, present: ColumnIR[]): { start: ColumnIR; end: ColumnIR } | null {
    const shape = source.shape;
    if (shape.kind !== 'episodes') return null;
    const start = present.find((c) => c.name === shape.start);
    const end = present.find((c) => c.name === shape.end);
    return start && end && start.type === 'date' && end.type === 'date' ? { start, end } : null;
}

/**
 * Episodes must not end before they start: a negative duration and an episode active nowhere would
 * count silently. Only for well-typed files; `count` comes from the checks' scan of the table, so a
 * good file is not read again. Only when there are such rows, one more read names the first one's line
 * (the table has no row numbers: native DuckDB loads in parallel).
 */
async function episodeOrder(conn: SqlConnection, file: ReadFile, present: ColumnIR[], raw: (c: ColumnIR) => string, count: number): Promise<DataIssue[]> {
    const columns = episodeColumns(file.source, present);
    if (!columns || count === 0) return [];
    const { start, end } = columns;
    const row = quoteIdent('__monitor_row');
    const [found] = await conn.query(`SELECT min(${row}) AS first FROM (SELECT row_number() OVER () AS ${row}, `
        + `${typedSql(raw(start), start, file.source)} AS s, ${typedSql(raw(end), end, file.source)} AS e `
        + `FROM ${readCsvSql(file.fileName, file.source, file.columns)}) WHERE e < s`);
    return [endBeforeStart(file.source, end, count, Number(found.first), file.source.csv.header ? 1 : 0)];
}
