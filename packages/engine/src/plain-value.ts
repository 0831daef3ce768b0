/** Converts Arrow values from DuckDB into plain JSON values. */
import type { PlainRow } from './engine-types.js';

// Arrow's `Type` enum ids; only the engine's DuckDB dependency brings Arrow, so they are spelled out.
const ARROW_DECIMAL = 7;
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

/** The Arrow data type facts this conversion looks at. */
export interface ArrowTypeLike {
    typeId: number;
    scale?: number;
}

/** BigInt → number, Decimal → number, Date → ISO date text, Timestamp → ISO date-time text. */
export function plainValue(value: unknown, type: ArrowTypeLike): string | number | boolean | null {
    if (value === null || value === undefined) return null;
    switch (type.typeId) {
        case ARROW_DECIMAL: return Number(String(value)) / 10 ** (type.scale ?? 0);
        case ARROW_DATE: return new Date(Number(value)).toISOString().slice(0, 10);
        case ARROW_TIMESTAMP: return new Date(Number(value)).toISOString().replace('.000Z', 'Z');
    }
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    return String(value);
}

/** The Arrow table facts `plainRows` reads (both DuckDB-WASM builds return such a table). */
export interface ArrowTableLike {
    numRows: number;
    schema: { fields: { name: string; type: ArrowTypeLike }[] };
    getChildAt(index: number): { get(row: number): unknown } | null;
}

/** An Arrow result table as plain rows, column by column. */
export function plainRows(table: ArrowTableLike): PlainRow[] {
    const out: PlainRow[] = [];
    for (let i = 0; i < table.numRows; i++) out.push({});
    table.schema.fields.forEach((field, c) => {
        const column = table.getChildAt(c);
        for (let i = 0; i < table.numRows; i++) out[i][field.name] = plainValue(column?.get(i), field.type);
    });
    return out;
}
