/**
 * The SQL text of the data stage: reading a registered CSV file as text columns, and turning a text
 * column into its declared type. Shared by both engines, so WASM and native read and type alike.
 */
import type { ColumnIR, SourceIR } from '@monitor/ir';
import { quoteIdent, quoteLiteral } from './sql-quote.js';

const TRUE_WORDS = ['true', 'ja', '1', 'waar', 'yes', 'j', 'y'];
const FALSE_WORDS = ['false', 'nee', '0', 'onwaar', 'no', 'n'];
const ISO_DATE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";

/**
 * SQL that reads the registered file as text columns, with every CSV option explicit. Without the
 * file's column names it is for reading the header: DuckDB's sniffer then only counts columns
 * (trying no other types, which on DuckDB-WASM costs more than reading a small file). With them
 * (from that first read) there is nothing left to sniff.
 */
export function readCsvSql(file: string, source: SourceIR, fileColumns?: string[]): string {
    const nulls = ['', ...source.csv.nulls].map(quoteLiteral).join(', ');
    const columns = fileColumns
        ? `auto_detect = false, columns = {${fileColumns.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}}`
        : `all_varchar = true, auto_type_candidates = ['VARCHAR']`;
    return `read_csv(${quoteLiteral(file)}, ${columns}, header = ${source.csv.header}, `
        + `delim = ${quoteLiteral(source.csv.delimiter)}, quote = '"', escape = '"', skip = 0, comment = '', `
        + `nullstr = [${nulls}], null_padding = false, strict_mode = true)`;
}

/** The typed value of a text column `raw` (already NULL for missing values), or NULL when it does not fit. */
export function typedSql(raw: string, column: ColumnIR, source: SourceIR): string {
    const clean = `nullif(trim(${raw}), '')`;
    switch (column.type) {
        case 'text': return column.trim ? trimmedSql(raw, source) : raw;
        case 'integer': return `CASE WHEN regexp_full_match(${clean}, '[+-]?[0-9]+') THEN TRY_CAST(${clean} AS BIGINT) END`;
        case 'decimal': {
            const text = source.csv.decimalComma ? `replace(${clean}, ',', '.')` : clean;
            return `CASE WHEN regexp_full_match(${text}, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN TRY_CAST(${text} AS DOUBLE) END`;
        }
        case 'date': return source.csv.dateFormat
            ? `CAST(TRY_STRPTIME(${clean}, ${quoteLiteral(source.csv.dateFormat)}) AS DATE)`
            // GLOB is the same test as the regex [0-9]{4}-[0-9]{2}-[0-9]{2}, at about half the cost; a
            // value that passes it untrimmed has no blanks, so only the others are trimmed.
            : `CASE WHEN ${raw} GLOB ${ISO_DATE} THEN TRY_CAST(${raw} AS DATE) WHEN ${clean} GLOB ${ISO_DATE} THEN TRY_CAST(${clean} AS DATE) END`;
        case 'boolean': return `CASE WHEN lower(${clean}) IN (${TRUE_WORDS.map(quoteLiteral).join(', ')}) THEN TRUE `
            + `WHEN lower(${clean}) IN (${FALSE_WORDS.map(quoteLiteral).join(', ')}) THEN FALSE END`;
    }
}

/**
 * A text value without the spaces around it (CBS pads `"Wijk      "`); a value that is only spaces,
 * or a declared missing-value marker once trimmed (`"         ."`), is missing like an empty field.
 */
function trimmedSql(raw: string, source: SourceIR): string {
    const missing = ['', ...source.csv.nulls].map(quoteLiteral).join(', ');
    return `CASE WHEN trim(${raw}) NOT IN (${missing}) THEN trim(${raw}) END`;
}

/** True when the text column `raw` holds a value (for a typed column: more than blanks). */
export function presentSql(raw: string, column: ColumnIR, source: SourceIR): string {
    if (column.type === 'text' && column.trim) return `(${trimmedSql(raw, source)}) IS NOT NULL`;
    return column.type === 'text' ? `${raw} IS NOT NULL` : `nullif(trim(${raw}), '') IS NOT NULL`;
}

/** The name of the helper column that says whether a typed column has a value that does not fit. */
export function badFlag(index: number): string {
    return quoteIdent(`__monitor_bad_${index}`);
}

/** The name under which a typed column's text passes from the file to the check of its flag. */
export function rawColumn(index: number): string {
    return quoteIdent(`__monitor_raw_${index}`);
}
