/**
 * The PostgreSQL engine: runs plans written in the PostgreSQL dialect where the data lives. Safe by
 * construction: one read-only transaction (REPEATABLE READ, so every indicator sees the same snapshot)
 * with a `statement_timeout`, in a session whose default is read-only too; it never writes, so a role
 * with SELECT only is enough. Only the aggregated rows of the plan's queries are fetched. Connection
 * settings come from the standard PG* environment variables (PGHOST, PGPORT, PGDATABASE, PGUSER,
 * PGPASSWORD, PGSSLMODE; read by `pg`) or a connection string; a password never reaches a message.
 */
import pg from 'pg';
import type { SourceIR, Span } from '@monitor/ir';
import type { DataIssue, Engine, PlainRow, TableUse } from './engine-types.js';
import { EngineQueryError } from './engine-query-error.js';
import { checkTableSource } from './postgres-catalog.js';
import { fileSourceRefused, pgErrorIssue } from './postgres-issues.js';

/** How to reach the server and how long one statement may run. */
export interface PostgresEngineOptions {
    /** A connection string (`postgresql://…`); absent: the PG* environment variables. */
    connectionString?: string;
    /** The `statement_timeout` of every query, in milliseconds (default 300,000). */
    statementTimeoutMs?: number;
}

/** PostgreSQL type ids read as numbers (bigint, numeric) or left as ISO text (date, timestamps). */
const AS_NUMBER = new Set([20, 1700]);
const AS_TEXT = new Set([1082, 1114, 1184]);

/** Results as plain values: counts and sums as numbers, dates as ISO text, like the DuckDB engines. */
const TYPES = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (AS_NUMBER.has(oid)) return (v: string) => Number(v);
        if (AS_TEXT.has(oid)) return (v: string) => v;
        return pg.types.getTypeParser(oid, format ?? 'text');
    }) as typeof pg.types.getTypeParser,
};

/** The texts no message may show: the password and the connection string. */
function secretsOf(options: PostgresEngineOptions): string[] {
    const out = [process.env.PGPASSWORD ?? ''];
    if (options.connectionString) {
        out.push(options.connectionString);
        try {
            const password = new URL(options.connectionString).password;
            if (password) out.push(password, decodeURIComponent(password));
        } catch {
            // not a URL (a key=value string): the whole string is hidden anyway
        }
    }
    return out.filter((s) => s.length > 0);
}

/** A span-less place for an issue that is about the connection, not a line (the caller places it). */
const NOWHERE: Span = { uri: '', offset: 0, length: 0 };

/** An engine on a PostgreSQL server; connects at the first catalogue check or query. */
export async function createPostgresEngine(options: PostgresEngineOptions = {}): Promise<Engine> {
    const secrets = secretsOf(options);
    const timeout = Math.max(1, Math.round(options.statementTimeoutMs ?? 300_000));
    let client: pg.Client | null = null;
    let failed: DataIssue | null = null;
    let reported = 0;

    const connect = async (span: Span, source: string): Promise<pg.Client> => {
        if (client) return client;
        if (failed) throw new EngineQueryError(failed);
        const c = new pg.Client({
            ...(options.connectionString ? { connectionString: options.connectionString } : {}),
            application_name: 'monitor',
            connectionTimeoutMillis: 15_000,
            statement_timeout: timeout,
            // Read-only by default for the whole session, and the one transaction says so again.
            options: '-c default_transaction_read_only=on',
            types: TYPES,
        });
        // An error after connecting (the server going away) must not crash the process.
        c.on('error', () => {});
        try {
            await c.connect();
            await c.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        } catch (error) {
            await c.end().catch(() => {});
            failed = pgErrorIssue(error, span, source, secrets);
            throw new EngineQueryError(failed);
        }
        client = c;
        return c;
    };

    const run = async (sql: string, params: string[], span: Span, source: string): Promise<PlainRow[]> => {
        const c = await connect(span, source);
        try {
            const result = await c.query({ text: sql, values: params });
            return result.rows as PlainRow[];
        } catch (error) {
            throw new EngineQueryError(pgErrorIssue(error, span, source, secrets));
        }
    };

    return {
        dialect: 'postgres',
        async loadSource(source: SourceIR): Promise<DataIssue[]> {
            return [fileSourceRefused(source)];
        },
        async checkTable(source: SourceIR, use?: TableUse): Promise<DataIssue[]> {
            const span = source.pathSpan ?? source.span;
            try {
                return await checkTableSource((sql, params) => run(sql, params, span, source.name), source, use);
            } catch (error) {
                // A connection that failed is reported once, at the first table source.
                if (error instanceof EngineQueryError) return error.issue === failed && reported++ > 0 ? [] : [error.issue];
                throw error;
            }
        },
        async lock(): Promise<void> {
            // Nothing to lock: the session and its one transaction are read-only from the start.
        },
        async query(sql: string): Promise<PlainRow[]> {
            return run(sql, [], NOWHERE, '');
        },
        async close(): Promise<void> {
            const c = client;
            client = null;
            if (!c) return;
            await c.query('ROLLBACK').catch(() => {});
            await c.end().catch(() => {});
        },
    };
}
