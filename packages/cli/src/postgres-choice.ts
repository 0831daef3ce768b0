/**
 * The PostgreSQL options of the computing commands with `--engine postgres` (engine-choice.ts):
 * `--pg-url-env NAME` (the environment variable holding a connection string; without it the PG*
 * variables) and `--pg-statement-timeout SECONDS`, taken out of the arguments like `--engine`. Connection settings never come
 * from a `.monitor` file or the command line itself, so no password lands in shell history or `ps`.
 */
import type { Engine } from '@monitor/engine';
import { UsageError } from './usage-error.js';

/** The default statement timeout on PostgreSQL, in seconds: below the command's own time box (300 s). */
export const DEFAULT_PG_STATEMENT_TIMEOUT_SECONDS = 240;

let settings: { urlEnv?: string; statementTimeoutMs: number } = { statementTimeoutMs: DEFAULT_PG_STATEMENT_TIMEOUT_SECONDS * 1000 };

/**
 * Reads the PostgreSQL options of a command line and keeps them for `startPostgresEngine`. With a
 * PostgreSQL option but another engine, a usage error (the option would silently do nothing).
 */
export function configurePostgres(values: { 'pg-url-env'?: string; 'pg-statement-timeout'?: string }, engine: string): void {
    const urlEnv = values['pg-url-env'];
    const seconds = values['pg-statement-timeout'];
    if (engine !== 'postgres' && (urlEnv !== undefined || seconds !== undefined)) {
        throw new UsageError(`--pg-url-env and --pg-statement-timeout need --engine postgres.`);
    }
    if (urlEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(urlEnv)) {
        throw new UsageError('--pg-url-env takes the name of an environment variable (letters, digits, _), not a connection string: put the connection string in that variable, never on the command line.');
    }
    if (urlEnv !== undefined && !process.env[urlEnv]) {
        throw new UsageError(`--pg-url-env ${urlEnv}: the environment variable ${urlEnv} is not set or empty. Set it to a connection string (postgresql://user@host:5432/database).`);
    }
    if (engine === 'postgres' && process.env.PGSERVICE && urlEnv === undefined) {
        throw new UsageError('PGSERVICE is set, but the PostgreSQL client used here does not read service files: set PGHOST, PGPORT, PGDATABASE and PGUSER, or put a connection string in a variable and name it with --pg-url-env.');
    }
    if (seconds !== undefined && !(Number(seconds) > 0)) throw new UsageError(`--pg-statement-timeout needs a number of seconds above 0, not '${seconds}'.`);
    settings = { urlEnv, statementTimeoutMs: seconds !== undefined ? Number(seconds) * 1000 : DEFAULT_PG_STATEMENT_TIMEOUT_SECONDS * 1000 };
}

/**
 * Takes `--pg-url-env NAME` and `--pg-statement-timeout SECONDS` (also `--name=value`) out of the
 * arguments and keeps them for `startPostgresEngine`; returns the other arguments.
 */
export function takePostgresOptions(args: string[], engine: string): string[] {
    const values: { 'pg-url-env'?: string; 'pg-statement-timeout'?: string } = {};
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
        const name = (['pg-url-env', 'pg-statement-timeout'] as const).find(n => args[i] === `--${n}` || args[i].startsWith(`--${n}=`));
        if (!name) { rest.push(args[i]); continue; }
        const inline = args[i].includes('=');
        const value = inline ? args[i].slice(name.length + 3) : args[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value.`);
        values[name] = value;
    }
    configurePostgres(values, engine);
    return rest;
}

/** Starts the PostgreSQL engine with the configured settings; `pg` is loaded only now. */
export async function startPostgresEngine(): Promise<Engine> {
    const { createPostgresEngine } = await import('@monitor/engine/postgres');
    const connectionString = settings.urlEnv ? process.env[settings.urlEnv] : undefined;
    return createPostgresEngine({ ...(connectionString ? { connectionString } : {}), statementTimeoutMs: settings.statementTimeoutMs });
}
