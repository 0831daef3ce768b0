/**
 * What the extension tells the language server at `initialize`: workspace trust, language and the
 * user's limits. The server is restarted when any of them changes, so it never runs on stale ones.
 */
import * as vscode from 'vscode';

/** The `initializationOptions` of the Monitor language server (docs/editors.md). */
export interface MonitorInitOptions {
    /** Untrusted: only syntax and reference checks; no data file is read, nothing is computed. */
    trusted: boolean;
    /** `en`, `nl`, or VS Code's display language (e.g. `nl-NL`); the server picks English for the rest. */
    locale: string;
    /** `monitor.privacy.minimum`: raises (never lowers) every file's own privacy minimum; null = the file's. */
    privacyMinimum: number | null;
    /** `monitor.engine.maxRows`: largest data file, in rows, that the editor computes on. */
    maxRows: number;
    /** `monitor.engine.timeoutSeconds`: how long one monitor may compute. */
    timeoutSeconds: number;
    /** `monitor.engine.duckdb`: `auto` (native DuckDB where it loads, else DuckDB-WASM), `native` or `wasm`. */
    engine: 'auto' | 'native' | 'wasm';
    /** `monitor.postgres.urlEnv`: the name of the variable holding a PostgreSQL connection string (never the string); null = PG* variables. */
    postgresUrlEnv: string | null;
}

/** Settings whose change restarts the server. */
export const RESTART_SETTINGS = ['monitor.privacy.minimum', 'monitor.engine', 'monitor.language', 'monitor.postgres'];

function positiveInt(value: unknown): number | null {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : null;
}

function engineChoice(value: unknown): MonitorInitOptions['engine'] {
    return value === 'native' || value === 'wasm' ? value : 'auto';
}

/** A valid environment variable name, else null (a connection string pasted here is never sent on). */
function urlEnvName(value: unknown): string | null {
    return typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? value : null;
}

/** Reads the current settings and trust into the server's initialization options. */
export function initOptions(): MonitorInitOptions {
    const config = vscode.workspace.getConfiguration('monitor');
    const language = config.get<string>('language', 'auto');
    return {
        trusted: vscode.workspace.isTrusted,
        locale: language === 'en' || language === 'nl' ? language : vscode.env.language,
        privacyMinimum: positiveInt(config.get('privacy.minimum')),
        maxRows: positiveInt(config.get('engine.maxRows')) ?? 5_000_000,
        timeoutSeconds: positiveInt(config.get('engine.timeoutSeconds')) ?? 180,
        engine: engineChoice(config.get('engine.duckdb')),
        postgresUrlEnv: urlEnvName(config.get('postgres.urlEnv')),
    };
}
