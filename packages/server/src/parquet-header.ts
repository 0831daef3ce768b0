/** The columns of a real Parquet file, read from its footer only (completion, quick fixes). */
import fs from 'node:fs';
// The footer reader alone: the engine's main entry loads DuckDB, which only the analysis worker needs.
import { footerLength, parquetColumns } from '@monitor/engine/parquet';
import type { FileColumn } from './csv-header.js';

/** A footer larger than this is not read for completion (a file with very many columns). */
const MAX_FOOTER = 16 * 1024 * 1024;

/** Reads the footer and maps the column types; undefined when the file cannot be read as Parquet. */
export function readParquetColumns(file: string): FileColumn[] | undefined {
    try {
        const fd = fs.openSync(file, 'r');
        try {
            const size = fs.fstatSync(fd).size;
            if (size < 12) return undefined;
            const last8 = Buffer.alloc(8);
            fs.readSync(fd, last8, 0, 8, size - 8);
            const length = footerLength(last8);
            if (length === undefined || length > size - 4 || length > MAX_FOOTER) return undefined;
            const tail = Buffer.alloc(length);
            fs.readSync(fd, tail, 0, length, size - length);
            return parquetColumns(tail);
        } finally {
            fs.closeSync(fd);
        }
    } catch {
        return undefined;
    }
}
