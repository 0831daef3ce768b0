/**
 * A quote-aware scan of CSV bytes, for what DuckDB reports without a usable line: duplicate header
 * names, the first row with another number of fields than the header (DuckDB: "Error when sniffing
 * file"), and the first row too long for DuckDB's line buffer (reported by DuckDB at "Line: 1").
 * Lines are physical lines of the file, counted from 1 (a quoted newline starts a new line).
 */

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** DuckDB's default `max_line_size`: a longer row cannot be read. */
export const MAX_LINE_BYTES = 2_097_152;

/** The names in the first row of the file (its header), unquoted. */
export function headerNames(bytes: Uint8Array, delimiter: string): string[] {
    let end = 0;
    let quoted = false;
    while (end < bytes.length && (quoted || bytes[end] !== NL)) {
        if (bytes[end] === QUOTE) quoted = !quoted;
        end++;
    }
    const line = new TextDecoder().decode(bytes.subarray(0, end)).replace(/\r$/, '');
    const names: string[] = [];
    let field = '';
    let inQuotes = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '"') {
            if (inQuotes && line[i + 1] === '"') { field += '"'; i++; } else inQuotes = !inQuotes;
        } else if (!inQuotes && line.startsWith(delimiter, i)) {
            names.push(field);
            field = '';
            i += delimiter.length - 1;
        } else field += c;
    }
    names.push(field);
    return names;
}

/** What the scan found first: a row with another field count, or a row longer than DuckDB reads. */
export type ScanFinding =
    | { kind: 'ragged'; line: number; fields: number; expected: number }
    | { kind: 'too-long'; line: number; bytes: number };

/** The first ragged or too long row of the file, or null when every row is fine. */
export function firstBadRow(bytes: Uint8Array, delimiter: string): ScanFinding | null {
    const delim = new TextEncoder().encode(delimiter);
    let line = 1;
    let recordLine = 1;
    let recordStart = 0;
    let fields = 1;
    let expected = -1;
    let quoted = false;
    for (let i = 0; i <= bytes.length; i++) {
        const b = i < bytes.length ? bytes[i] : NL;
        if (b === QUOTE) { quoted = !quoted; continue; }
        if (quoted) { if (b === NL) line++; continue; }
        if (b === delim[0] && delim.every((d, k) => bytes[i + k] === d)) { fields++; i += delim.length - 1; continue; }
        if (b !== NL) continue;
        const length = i - recordStart;
        const blank = length === 0 || (length === 1 && bytes[recordStart] === CR);
        if (length > MAX_LINE_BYTES) return { kind: 'too-long', line: recordLine, bytes: length };
        if (!blank) {
            if (expected < 0) expected = fields;
            else if (fields !== expected) return { kind: 'ragged', line: recordLine, fields, expected };
        }
        line++;
        recordLine = line;
        recordStart = i + 1;
        fields = 1;
    }
    return null;
}
