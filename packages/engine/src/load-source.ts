/**
 * The DATA validation stage: reads a CSV file with DuckDB as text, checks it against the source
 * declaration, and only when nothing is wrong creates the typed table `src_<name>`. A Parquet file
 * is first turned into CSV text (`parquet-to-csv.ts`) and then goes the same way.
 */
import type { ColumnIR, SourceIR } from '@monitor/ir';
import {
    columnMissing, fileEmpty, fileUnreadable, formatUnsupported, nullInRequired, typeMismatch,
} from './data-issues.js';
import type { DataIssue, SqlConnection } from './engine-types.js';
import { quoteIdent, quoteLiteral } from './sql-quote.js';
import { suggestName } from './suggest-name.js';
import { diagnoseUnreadable, wrongDelimiter } from './diagnose-csv.js';
import { PARQUET_CSV, parquetToCsv } from './parquet-to-csv.js';

const BOM = [0xef, 0xbb, 0xbf];
const ROW = '__monitor_row';
const TRUE_WORDS = ['true', 'ja', '1', 'waar', 'yes', 'j', 'y'];
const FALSE_WORDS = ['false', 'nee', '0', 'onwaar', 'no', 'n'];

/** The bytes without a leading UTF-8 byte-order mark. */
export function stripBom(bytes: Uint8Array): Uint8Array {
    return BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
}

function isBlank(bytes: Uint8Array): boolean {
    return bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

/** SQL that reads the registered file as text columns, with every CSV option explicit. */
function readCsvSql(file: string, source: SourceIR): string {
    const nulls = ['', ...source.csv.nulls].map(quoteLiteral).join(', ');
    return `read_csv(${quoteLiteral(file)}, all_varchar = true, header = ${source.csv.header}, `
        + `delim = ${quoteLiteral(source.csv.delimiter)}, quote = '"', escape = '"', skip = 0, comment = '', `
        + `nullstr = [${nulls}], null_padding = false, strict_mode = true)`;
}

/** The typed value of a text column `raw` (already NULL for missing values), or NULL when it does not fit. */
export function typedSql(raw: string, column: ColumnIR, source: SourceIR): string {
    const clean = `nullif(trim(${raw}), '')`;
    switch (column.type) {
        case 'text': return raw;
        case 'integer': return `CASE WHEN regexp_full_match(${clean}, '[+-]?[0-9]+') THEN TRY_CAST(${clean} AS BIGINT) END`;
        case 'decimal': {
            const text = source.csv.decimalComma ? `replace(${clean}, ',', '.')` : clean;
            return `CASE WHEN regexp_full_match(${text}, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN TRY_CAST(${text} AS DOUBLE) END`;
        }
        case 'date': return source.csv.dateFormat
            ? `CAST(TRY_STRPTIME(${clean}, ${quoteLiteral(source.csv.dateFormat)}) AS DATE)`
            : `CASE WHEN regexp_full_match(${clean}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${clean} AS DATE) END`;
        case 'boolean': return `CASE WHEN lower(${clean}) IN (${TRUE_WORDS.map(quoteLiteral).join(', ')}) THEN TRUE `
            + `WHEN lower(${clean}) IN (${FALSE_WORDS.map(quoteLiteral).join(', ')}) THEN FALSE END`;
    }
}

function missingSql(raw: string, column: ColumnIR): string {
    return column.type === 'text' ? `${raw} IS NULL` : `nullif(trim(${raw}), '') IS NULL`;
}

/** Validates and loads one source; returns its issues (the table exists only when there are no errors). */
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
    const table = quoteIdent(`src_${source.name}`);
    const stage = quoteIdent(`stage_${source.name}`);
    await conn.registerFile(fileName, content);
    try {
        await conn.query(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${stage}`);
        try {
            await conn.query(`CREATE TEMP TABLE ${stage} AS SELECT row_number() OVER () AS ${ROW}, * FROM ${readCsvSql(fileName, source)}`);
        } catch (e) {
            // DuckDB names the engine's internal copy; the user knows the file by its declared path.
            const reason = (e instanceof Error ? e.message : String(e)).replaceAll(fileName, source.path);
            return [diagnoseUnreadable(source, content) ?? fileUnreadable(source, reason)];
        }
        try {
            return await checkAndCreate(conn, source, stage, table);
        } finally {
            await conn.query(`DROP TABLE IF EXISTS ${stage}`);
        }
    } finally {
        await conn.dropFile(fileName);
    }
}

async function checkAndCreate(conn: SqlConnection, source: SourceIR, stage: string, table: string): Promise<DataIssue[]> {
    const described = await conn.query(`DESCRIBE ${stage}`);
    const fileColumns = described.map((r) => String(r.column_name)).filter((n) => n !== ROW);
    const delimiter = wrongDelimiter(source, fileColumns);
    if (delimiter) return [delimiter];
    // Without a header, declared columns match the file's columns by position.
    const rawName = new Map<string, string>();
    source.columns.forEach((c, i) => {
        if (source.csv.header) { if (fileColumns.includes(c.name)) rawName.set(c.name, c.name); }
        else if (i < fileColumns.length) rawName.set(c.name, fileColumns[i]);
    });
    const issues: DataIssue[] = [];
    for (const c of source.columns) {
        if (!rawName.has(c.name)) issues.push(columnMissing(source, c, fileColumns, source.csv.header ? suggestName(c.name, fileColumns) : null));
    }
    const count = await conn.query(`SELECT count(*) AS n FROM ${stage}`);
    if (Number(count[0].n) === 0) return [fileEmpty(source, true), ...issues];

    const present = source.columns.filter((c) => rawName.has(c.name));
    const raw = (c: ColumnIR) => quoteIdent(rawName.get(c.name)!);
    const checks = present.flatMap((c, i) => [
        `min(CASE WHEN NOT (${missingSql(raw(c), c)}) AND (${typedSql(raw(c), c, source)}) IS NULL THEN ${ROW} END) AS bad_${i}`,
        `min(CASE WHEN ${missingSql(raw(c), c)} THEN ${ROW} END) AS null_${i}`,
    ]);
    const lineOffset = source.csv.header ? 1 : 0;
    if (checks.length > 0) {
        const found = (await conn.query(`SELECT ${checks.join(', ')} FROM ${stage}`))[0];
        for (const [i, c] of present.entries()) {
            const bad = found[`bad_${i}`];
            if (bad !== null) {
                const value = await conn.query(`SELECT ${raw(c)} AS v FROM ${stage} WHERE ${ROW} = ${Number(bad)}`);
                issues.push(typeMismatch(source, c, Number(bad), String(value[0]?.v ?? ''), lineOffset));
            }
            const firstNull = found[`null_${i}`];
            if (!c.nullable && firstNull !== null) issues.push(nullInRequired(source, c, Number(firstNull), lineOffset));
        }
    }
    if (issues.some((i) => i.severity === 'error')) return issues;
    const select = source.columns.map((c) => `${typedSql(raw(c), c, source)} AS ${quoteIdent(c.name)}`);
    await conn.query(`CREATE TABLE ${table} AS SELECT ${select.join(', ')} FROM ${stage} ORDER BY ${ROW}`);
    return issues;
}
