/**
 * Parquet without the network: DuckDB-WASM reads Parquet only through an extension it would download
 * (PLATFORM.md), so the engine turns a Parquet file into CSV text in plain JavaScript (`hyparquet`)
 * and loads that through the one CSV data stage, with the same checks and the same typed tables on
 * every engine. Snappy is built into hyparquet; gzip, brotli and lz4 come from `hyparquet-compressors`,
 * zstd from `fzstd` (all plain JavaScript, no WebAssembly, so they run under the preview's CSP).
 */
import type { CsvOptionsIR } from '@monitor/ir';
import { parquetMetadata, parquetRead, parquetSchema, type Compressors } from 'hyparquet';
import { decompress as decompressZstd } from 'fzstd';
// Single files: the package's index instantiates its WebAssembly snappy at import, which a browser's
// main thread refuses for a module over 4 KB.
import { decompressBrotli } from 'hyparquet-compressors/src/brotli.js';
import { gunzip } from 'hyparquet-compressors/src/gzip.js';
import { decompressLz4, decompressLz4Raw } from 'hyparquet-compressors/src/lz4.js';

const COMPRESSORS: Compressors = {
    GZIP: (input, length) => gunzip(input, new Uint8Array(length)),
    ZSTD: (input) => decompressZstd(input),
    BROTLI: decompressBrotli, LZ4: decompressLz4, LZ4_RAW: decompressLz4Raw,
};

/** The CSV options of the text `parquetToCsv` writes (the source's own CSV options do not apply to Parquet). */
export const PARQUET_CSV: CsvOptionsIR = { delimiter: ',', decimalComma: false, header: true, nulls: [], dateFormat: null };

const utf8 = new TextDecoder();

function field(text: string): string {
    // An empty text is quoted so that it stays a text; an unquoted empty field is a missing value.
    return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One Parquet value as a CSV field: dates and timestamps as their UTC day (`YYYY-MM-DD`). */
function cell(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
    if (typeof value === 'string') return field(value);
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (value instanceof Uint8Array) return field(utf8.decode(value));
    return field(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
}

/** The rows of a Parquet file as UTF-8 CSV text with a header (`PARQUET_CSV`); throws when it is no Parquet file. */
export async function parquetToCsv(bytes: Uint8Array): Promise<Uint8Array> {
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const metadata = parquetMetadata(file);
    const names = parquetSchema(metadata).children.map((c) => c.element.name);
    const lines = [names.map(field).join(',')];
    await parquetRead({
        file, metadata, compressors: COMPRESSORS, rowFormat: 'array',
        onComplete: (rows: unknown[][]) => { for (const row of rows) lines.push(row.map(cell).join(',')); },
    });
    return new TextEncoder().encode(lines.join('\n') + '\n');
}
