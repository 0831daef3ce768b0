/**
 * CSV text as the examples use it: comma-separated, a header row, LF line endings, UTF-8 without
 * BOM, an empty field for a missing value, quotes only where a field needs them (RFC 4180).
 */

/** Quotes a field when it holds a comma, a quote or a line break. */
function field(value) {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text for `rows` (objects), with the columns in the order of `columns`. */
export function toCsv(columns, rows) {
    const lines = [columns.join(',')];
    for (const row of rows) lines.push(columns.map(c => field(row[c])).join(','));
    return lines.join('\n') + '\n';
}
