/**
 * The analysis worker's PostgreSQL engine: a monitor whose every source is a table source is checked
 * and computed where its data lives, when the workspace is trusted and a connection is configured
 * (postgres-setting.ts). `@monitor/engine/postgres` (and `pg`) is loaded only then.
 */
import type { ProgramIR } from '@monitor/ir';
import { POSTGRES, type PlanOptions } from '@monitor/compiler';
import { cellKeyNeedsDuckDB } from '@monitor/engine/issues';
import { getLocale } from '@monitor/language';
import type { SpanIssue } from './data-files.js';
import type { StartedEngine } from './engine-choice.js';
import { connectionOptions, type PostgresLink } from './postgres-setting.js';

/** Whether the analysis computes on PostgreSQL: a link is configured and every source is a table. */
export function computesOnPostgres(program: ProgramIR, link: PostgresLink | null | undefined): link is PostgresLink {
    return !!link && program.sources.length > 0 && program.sources.every(s => s.table);
}

/** Starts the PostgreSQL engine of a link; it connects at the first catalogue check. */
export async function startPostgresAnalysisEngine(link: PostgresLink): Promise<StartedEngine> {
    // As MONITOR_NATIVE_DUCKDB=off for DuckDB: the client counts as absent (an install without `pg`, such as the VSIX).
    if (process.env.MONITOR_PG_CLIENT === 'off') throw new Error('the PostgreSQL client (pg) is switched off (MONITOR_PG_CLIENT=off)');
    const { createPostgresEngine } = await import('@monitor/engine/postgres');
    return { engine: await createPostgresEngine({ ...connectionOptions(link), statementTimeoutMs: link.statementTimeoutMs }), kind: 'postgres' };
}

/** The hover's line naming the engine when the values come from PostgreSQL; undefined otherwise. */
export function computedOnLine(engine: 'native' | 'wasm' | 'postgres' | undefined, locale: 'en' | 'nl'): string | undefined {
    if (engine !== 'postgres') return undefined;
    return locale === 'nl' ? '_Berekend in de database (PostgreSQL), uit de tabelbronnen._' : '_Computed in the database (PostgreSQL), from the table sources._';
}

/** The plan's dialect for the engine that computes: PostgreSQL SQL on PostgreSQL, else DuckDB's. */
export function planOptionsFor(kind: 'native' | 'wasm' | 'postgres'): PlanOptions {
    return kind === 'postgres' ? { dialect: POSTGRES } : {};
}

/** What the PostgreSQL engine refuses before planning, as in the CLI: `perturb cellkey` (its secret needs a temporary table). */
export function postgresRefusals(program: ProgramIR, kind: 'native' | 'wasm' | 'postgres'): SpanIssue[] {
    const perturb = program.monitor.privacy?.perturb;
    if (kind !== 'postgres' || !perturb) return [];
    const issue = cellKeyNeedsDuckDB(perturb);
    const nl = getLocale() === 'nl';
    return [{ span: issue.span, severity: issue.severity, code: issue.code, message: nl ? `${issue.messageNl} ${issue.hintNl}` : `${issue.message} ${issue.hint}` }];
}

/**
 * The editor's word on a table source computed with DuckDB (`data-table-source-needs-postgres`, whose
 * own hint is the CLI's): how to have the editor compute it on PostgreSQL.
 */
export function withEditorHint(issues: SpanIssue[], link: PostgresLink | null | undefined): SpanIssue[] {
    // With a connection every monitor of table sources computes on PostgreSQL (a monitor mixing files
    // and tables is refused by validation, `sources-mixed`): the hint is only for a missing connection.
    if (link) return issues;
    const nl = getLocale() === 'nl';
    const hint = nl ? " In de editor: vertrouw de werkruimte en zet de instelling 'monitor.postgres.urlEnv' op de naam van een omgevingsvariabele met de verbindingstekst (of zet PGHOST, PGDATABASE, PGUSER, …)."
        : " In the editor: trust the workspace and set 'monitor.postgres.urlEnv' to the name of an environment variable holding the connection string (or set PGHOST, PGDATABASE, PGUSER, …).";
    return issues.map(i => i.code === 'data-table-source-needs-postgres' ? { ...i, message: i.message + hint } : i);
}
