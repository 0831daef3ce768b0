/** What the client told the server at `initialize`: workspace trust, display language, folders, limits. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '@monitor/language';
import { readEngineChoice, type AnalysisEngineChoice } from './engine-setting.js';
import { readPostgresUrlEnv } from './postgres-setting.js';

/** Settings shared by the server's providers; filled in at `initialize`. */
export interface ServerSettings {
    /** Untrusted: only syntax and reference checks; no data file is read, nothing is computed. */
    trusted: boolean;
    locale: Locale;
    /** Workspace folders as absolute paths. */
    folders: string[];
    /** `monitor.privacy.minimum`: raises every file's own privacy minimum (never lowers it); null = the file's. */
    privacyMinimum: number | null;
    /** Largest data file, in rows, that the server computes on. */
    maxRows: number;
    /** How long one analysis may compute before it is stopped. */
    timeoutSeconds: number;
    /** `monitor.engine.duckdb`: which DuckDB computes (`auto`: native where its binary loads, else WASM). */
    engine: AnalysisEngineChoice;
    /** `monitor.postgres.urlEnv`: the name of the variable holding a connection string (postgres-setting.ts); null = PG* variables. */
    postgresUrlEnv: string | null;
}

/** The engine limits when the client sends none (the extension's defaults). */
export const DEFAULT_MAX_ROWS = 5_000_000;
export const DEFAULT_TIMEOUT_SECONDS = 180;

/** The defaults before `initialize`: untrusted until the client says otherwise. */
export function defaultSettings(): ServerSettings {
    return { trusted: false, locale: 'en', folders: [], privacyMinimum: null, maxRows: DEFAULT_MAX_ROWS, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, engine: 'auto', postgresUrlEnv: null };
}

function positive(value: unknown): number | null {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Reads the limits and the engine from `initializationOptions`; anything missing or not a positive
 * number keeps the default, an engine other than `native` or `wasm` is `auto`.
 */
export function readLimits(settings: ServerSettings, options: { privacyMinimum?: unknown; maxRows?: unknown; timeoutSeconds?: unknown; engine?: unknown; postgresUrlEnv?: unknown }): void {
    settings.engine = readEngineChoice(options.engine);
    settings.postgresUrlEnv = readPostgresUrlEnv(options.postgresUrlEnv);
    const minimum = positive(options.privacyMinimum);
    settings.privacyMinimum = minimum === null ? null : Math.ceil(minimum);
    settings.maxRows = Math.floor(positive(options.maxRows) ?? DEFAULT_MAX_ROWS);
    // Fractions are allowed: tests use a timeout shorter than DuckDB's start.
    settings.timeoutSeconds = positive(options.timeoutSeconds) ?? DEFAULT_TIMEOUT_SECONDS;
}

/**
 * The workspace a document's data paths must stay inside: its workspace folder, else its own folder.
 * Undefined for a document that is no local file (`untitled:`, `vscode-notebook-cell:`, `git:`, a
 * `file:` URI with a host): it gets syntax and reference checks, but no data stage.
 */
export function workspaceRootOf(settings: ServerSettings, uri: string): string | undefined {
    const file = localPath(uri);
    if (file === undefined) return undefined;
    const inside = settings.folders
        .filter(f => { const rel = path.relative(f, file); return !rel.startsWith('..') && !path.isAbsolute(rel); })
        .sort((a, b) => b.length - a.length);
    return inside[0] ?? path.dirname(file);
}

/** The local path of a `file:` URI; undefined for any other scheme or a URI Node cannot map to a path. */
export function localPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
        return fileURLToPath(uri);
    } catch {
        return undefined;
    }
}
