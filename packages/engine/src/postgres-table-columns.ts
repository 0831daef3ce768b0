/**
 * The columns of one table or view as the catalogue lists them, for the editor's completion inside a
 * table source's `columns { … }`: name, database type, the declared type that holds it and whether it
 * may be missing. One short read-only session; nothing but the catalogue is read, no row of the table.
 */
import pg from 'pg';
import type { ColumnType, TableRefIR } from '@monitor/ir';
import { declaredFor, qualifiedTable } from './postgres-catalog.js';

/** One column of a table in the catalogue. */
export interface CatalogueColumn {
    name: string;
    /** The type as `format_type` names it (`character varying`, `bigint`, …). */
    databaseType: string;
    /** The declared type that holds it; null when none does (a `jsonb` column, say). */
    type: ColumnType | null;
    /** No NOT NULL constraint: the declaration gets `?`. */
    nullable: boolean;
}

/**
 * The columns of `table` in order; null when the table does not exist or the role may not read it.
 * Rejects when the server cannot be reached (the caller offers nothing then).
 */
export async function readTableColumns(table: TableRefIR, options: { connectionString?: string; timeoutMs?: number } = {}): Promise<CatalogueColumn[] | null> {
    const timeout = Math.max(1, Math.round(options.timeoutMs ?? 5_000));
    const client = new pg.Client({
        ...(options.connectionString ? { connectionString: options.connectionString } : {}),
        application_name: 'monitor-editor',
        connectionTimeoutMillis: timeout,
        statement_timeout: timeout,
        options: '-c default_transaction_read_only=on',
    });
    client.on('error', () => {});
    try {
        await client.connect();
        const name = qualifiedTable(table);
        const result = await client.query<{ name: string; type: string; notnull: boolean }>({
            text: `SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type, a.attnotnull AS notnull FROM pg_attribute AS a
WHERE a.attrelid = to_regclass($1) AND has_table_privilege(to_regclass($1), 'SELECT') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
            values: [name],
        });
        if (result.rows.length === 0) return null;
        return result.rows.map((r) => ({ name: r.name, databaseType: r.type, type: declaredFor(r.type), nullable: !r.notnull }));
    } finally {
        await client.end().catch(() => {});
    }
}
