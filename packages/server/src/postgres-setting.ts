/**
 * The editor setting `monitor.postgres.urlEnv` (initialization option `postgresUrlEnv`): the NAME of
 * an environment variable of the editor's process that holds a PostgreSQL connection string — never
 * the string itself, so no password lands in settings files. Without it the standard PG* variables
 * (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE) of the server's process are used. Table
 * sources are checked and computed on PostgreSQL only in a trusted workspace with one of the two.
 */

/** How the server reaches PostgreSQL: plain data, sent to the analysis worker as it is. */
export interface PostgresLink {
    /** The variable named by `monitor.postgres.urlEnv`; null: the PG* variables. */
    urlEnv: string | null;
    /** `statement_timeout` of each query, in milliseconds (the editor's time limit). */
    statementTimeoutMs: number;
}

/** The variables that, set in the server's environment, configure a connection without the setting. */
const PG_VARIABLES = ['PGHOST', 'PGPORT', 'PGDATABASE', 'PGUSER'];

/** The name an initialization option gives, when it is a valid environment variable name; else null. */
export function readPostgresUrlEnv(value: unknown): string | null {
    return typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? value : null;
}

/**
 * The connection of a trusted workspace, or null (nothing is attempted): untrusted, or neither a set
 * variable named by the setting nor a PG* variable. A setting naming an unset variable is null too (logged).
 */
export function postgresLink(settings: { trusted: boolean; postgresUrlEnv: string | null; timeoutSeconds: number }, env: NodeJS.ProcessEnv = process.env): PostgresLink | null {
    if (!settings.trusted) return null;
    const statementTimeoutMs = Math.round(settings.timeoutSeconds * 1000);
    if (settings.postgresUrlEnv !== null) {
        if (env[settings.postgresUrlEnv]) return { urlEnv: settings.postgresUrlEnv, statementTimeoutMs };
        console.error(`monitor: monitor.postgres.urlEnv names ${settings.postgresUrlEnv}, which is not set in the editor's environment: table sources are not checked.`);
        return null;
    }
    return PG_VARIABLES.some(v => env[v]) ? { urlEnv: null, statementTimeoutMs } : null;
}

/** The connection options of a link: the named variable's connection string, else none (PG* variables). */
export function connectionOptions(link: PostgresLink, env: NodeJS.ProcessEnv = process.env): { connectionString?: string } {
    const value = link.urlEnv ? env[link.urlEnv] : undefined;
    return value ? { connectionString: value } : {};
}
