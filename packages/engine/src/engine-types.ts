/** The runtime-independent engine contract; node and browser entries provide a `SqlConnection`. */
import type { SourceIR, Span } from '@monitor/ir';

/** One problem found in a data file while loading it (the DATA validation stage). */
export interface DataIssue {
    source: string;
    code: DataIssueCode;
    severity: 'error' | 'warning';
    /** A full English sentence: what is wrong. */
    message: string;
    /** The same in Dutch. */
    messageNl: string;
    /** What to do about it (English). */
    hint: string;
    /** The same in Dutch. */
    hintNl: string;
    /** The column's span when the issue is about a column, else the source's span. */
    span: Span;
}

/** Codes of data issues, so callers and tests match on the code rather than on the text. */
export type DataIssueCode =
    /** `perturb cellkey` asked of the PostgreSQL engine. */
    | 'data-pg-cellkey'
    | 'data-pg-view-transition'
    | 'data-file-missing'
    | 'data-empty'
    | 'data-missing-column'
    | 'data-type-mismatch'
    | 'data-null-in-required'
    | 'data-unreadable'
    | 'data-format-unsupported'
    /** The header names a column twice. */
    | 'data-duplicate-header'
    /** Episodes whose end lies before their start. */
    | 'data-end-before-start'
    /** The monitor would compute more output cells than allowed. */
    | 'data-too-many-cells'
    /** A warning on computed rows: a breakdown value appears or disappears mid-series. */
    | 'data-breakdown-changed'
    /** A warning on computed rows: an indicator without a value in any period (and no hidden cell). */
    | 'data-no-value'
    /** A file source on the PostgreSQL engine, or a table source on DuckDB. */
    | 'data-file-source-postgres'
    | 'data-table-source-needs-postgres'
    /** PostgreSQL: server unreachable, login refused, table missing, no SELECT, statement timeout, other error. */
    | 'data-pg-unreachable'
    | 'data-pg-auth'
    | 'data-pg-missing-table'
    | 'data-pg-permission'
    | 'data-pg-timeout'
    | 'data-pg-error';

/** A plain result row: numbers, strings (dates as ISO text), booleans and nulls only. */
export type PlainRow = Record<string, string | number | boolean | null>;

/** The few things the engine needs from a DuckDB runtime (WASM in node or browser, or native). */
export interface SqlConnection {
    /** Runs SQL (may hold several statements) and returns the last result as plain rows. */
    query(sql: string): Promise<PlainRow[]>;
    /** Makes bytes readable by SQL under `name`. */
    registerFile(name: string, bytes: Uint8Array): Promise<void>;
    dropFile(name: string): Promise<void>;
    close(): Promise<void>;
}

/** A DuckDB database with the monitor's sources loaded into `src_<name>` tables. */
export interface Engine {
    /** Checks a data file against the source declaration and, when it has no errors, loads it. */
    loadSource(source: SourceIR, bytes: Uint8Array): Promise<DataIssue[]>;
    /** Turns off file access and configuration changes; call after loading every source. */
    lock(): Promise<void>;
    /** Runs SQL and returns plain rows. */
    query(sql: string): Promise<PlainRow[]>;
    close(): Promise<void>;
    /** The SQL dialect the engine runs (absent: DuckDB); plans and probes must be written in it. */
    readonly dialect?: 'duckdb' | 'postgres';
    /**
     * Checks a table source (`from table "…"`) against the database's catalogue; only an engine that
     * reads tables has it (PostgreSQL). Such an engine refuses file sources in `loadSource`.
     */
    checkTable?(source: SourceIR, use?: TableUse): Promise<DataIssue[]>;
}

/** How the plan reads a table source, as far as the catalogue check must know. */
export interface TableUse {
    /** A transition measure reads the source: its plan needs the row id (PostgreSQL's `ctid`), which a view lacks. */
    rowId: boolean;
}
