/**
 * The custom LSP request `monitor/rows`: the rows of a monitor that the preview cannot compute itself
 * because its sources are database tables (the webview never connects to a database). The language
 * server computes them as `monitor run --engine postgres` does — on PostgreSQL, after disclosure
 * control and targets — and answers with the program it computed, the safe rows, and the problems
 * that stopped it (no connection configured, server unreachable, a missing column, …) as text with a
 * line, in the server's language. The host checks the answer (`isRowsResult`) before it posts it on.
 */
import type { ProgramIR, ResultRow } from '@monitor/ir';

/** The method name of the request, shared by the server and the client. */
export const ROWS_REQUEST_METHOD = 'monitor/rows';

/** Parameters of `monitor/rows`: the URI of the `.monitor` document. */
export interface RowsParams {
    uri: string;
}

/** The engine that computed rows the preview shows: only PostgreSQL on the server, today. */
export type ServerEngine = 'postgres';

/** A finding of the server's data stage, for the preview's banner. Line and column 1-based. */
export interface ServerProblem {
    code: string;
    severity: 'error' | 'warning';
    message: string;
    line: number;
    column: number;
}

/**
 * Result of `monitor/rows`. `rows` is null when nothing was computed (then `problems` says why, or the
 * document has errors and `program` is null too). `engine` names who computed the rows.
 */
export interface RowsResult {
    program: ProgramIR | null;
    engine: ServerEngine | null;
    rows: ResultRow[] | null;
    problems: ServerProblem[];
}

/** The request as one value: method name plus (type-only) params and result. */
export const RowsRequest = {
    method: ROWS_REQUEST_METHOD,
} as const;

/** Type companion of `RowsRequest` (`RowsRequest.Params`, `RowsRequest.Result`). */
export declare namespace RowsRequest {
    type Params = RowsParams;
    type Result = RowsResult;
}
