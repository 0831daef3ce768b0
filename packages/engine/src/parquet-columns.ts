/**
 * The columns of a Parquet file from its footer alone, with the monitor column type each maps to,
 * for completion and the "declare column" quick fix. Reads no row data.
 */
import type { ColumnType } from '@monitor/ir';
import { parquetMetadata, parquetSchema, type SchemaElement } from 'hyparquet';

/** A column as a Parquet footer describes it. */
export interface ParquetColumn {
    name: string;
    type: ColumnType;
    nullable: boolean;
}

/** The monitor type of one Parquet leaf column. */
function columnType(e: SchemaElement): ColumnType {
    const logical = e.logical_type?.type;
    if (logical === 'DATE' || logical === 'TIMESTAMP' || e.converted_type === 'DATE' || e.type === 'INT96'
        || e.converted_type === 'TIMESTAMP_MILLIS' || e.converted_type === 'TIMESTAMP_MICROS') return 'date';
    if (logical === 'DECIMAL' || e.converted_type === 'DECIMAL' || e.type === 'FLOAT' || e.type === 'DOUBLE') return 'decimal';
    if (logical === 'INTEGER' || e.type === 'INT32' || e.type === 'INT64') return 'integer';
    if (e.type === 'BOOLEAN') return 'boolean';
    return 'text';
}

/**
 * The top-level columns of a Parquet file, given its last bytes (the footer must be inside them;
 * `footerLength` tells how many to read). Throws when the bytes are no Parquet footer.
 */
export function parquetColumns(tail: Uint8Array): ParquetColumn[] {
    const schema = parquetSchema(parquetMetadata(tail));
    return schema.children.map(c => ({
        name: c.element.name,
        type: c.children.length > 0 ? 'text' : columnType(c.element),
        nullable: c.element.repetition_type !== 'REQUIRED',
    }));
}

/** The number of bytes at the end of a Parquet file that hold its footer, from the last 8 bytes. */
export function footerLength(last8: Uint8Array): number | undefined {
    if (last8.length !== 8) return undefined;
    const view = new DataView(last8.buffer, last8.byteOffset, 8);
    if (view.getUint32(4, true) !== 0x31524150) return undefined; // "PAR1"
    return view.getUint32(0, true) + 8;
}
