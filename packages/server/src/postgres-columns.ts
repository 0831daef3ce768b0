/**
 * The catalogue's columns of a table source, for completion inside its `columns { … }`: read from
 * PostgreSQL when the workspace is trusted and a connection is configured (postgres-setting.ts), kept
 * for a short while per table so typing does not query the server at each key. `@monitor/engine/postgres`
 * (and `pg`) is loaded only then; DuckDB never is (ARCHITECTURE.md: the main thread).
 */
import type { ast } from '@monitor/language';
import { tableRef } from '@monitor/language';
import type { FileColumn } from './csv-header.js';
import { connectionOptions, postgresLink } from './postgres-setting.js';
import type { ServerContext } from './server-context.js';

/** A column offered for a table source: the declared type that holds it, and the database's own type. */
export interface TableColumn extends FileColumn {
    databaseType: string;
}

/** How long a table's columns are reused before the catalogue is read again. */
const KEEP_MS = 30_000;
const cache = new Map<string, { at: number; columns: Promise<TableColumn[] | undefined> }>();

/**
 * The columns of the table a source reads; undefined when untrusted, not configured, not a table
 * source, or when the table is missing, unreadable or the server unreachable (the data stage says why).
 */
export function postgresSourceColumns(ctx: ServerContext, source: ast.Source): Promise<TableColumn[] | undefined> {
    const link = postgresLink(ctx.settings);
    if (!link || !source.table || !source.path) return Promise.resolve(undefined);
    const key = `${link.urlEnv ?? ''}|${source.path}`;
    const kept = cache.get(key);
    if (kept && Date.now() - kept.at < KEEP_MS) return kept.columns;
    const columns = read(source.path, { ...connectionOptions(link), timeoutMs: Math.min(5_000, link.statementTimeoutMs) });
    cache.set(key, { at: Date.now(), columns });
    return columns;
}

async function read(table: string, options: { connectionString?: string; timeoutMs: number }): Promise<TableColumn[] | undefined> {
    try {
        const { readTableColumns } = await import('@monitor/engine/postgres');
        const columns = await readTableColumns(tableRef(table), options);
        // A column no declared type holds (jsonb, say) cannot be declared: not offered.
        return columns?.flatMap(c => c.type === null ? [] : [{ name: c.name, type: c.type, nullable: c.nullable, databaseType: c.databaseType }]);
    } catch {
        // Unreachable, refused login: completion offers nothing; the data stage's diagnostic tells why.
        return undefined;
    }
}
