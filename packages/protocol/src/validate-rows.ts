/**
 * Runtime checks of rows computed by the language server (`monitor/rows`): the host checks the
 * server's answer, and the webview checks the host's message, before either uses them. A row must
 * have exactly the fields of a published row: the internal fields that disclosure control removes
 * (`units`, `top`, the cell keys) are refused, so a row that skipped it is never drawn.
 */
import type { ResultRow } from '@monitor/ir';
import type { RowsResult, ServerProblem } from './rows-request.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnly = (v: Obj, keys: readonly string[]): boolean => Object.keys(v).every(k => keys.includes(k));
const isNumberOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const STATUSES = ['on-track', 'within-tolerance', 'off-track', 'no-target', 'no-data'];
const ROW_FIELDS = ['indicator', 'series', 'period', 'dimensions', 'labels', 'value', 'numerator', 'denominator', 'target', 'status', 'suppressed', 'provisional'] as const;

/** Limits of an answer: rows and problems per answer, characters per text. */
export const ROWS_LIMITS = { rows: 1_000_000, problems: 1_000, text: 4_000 } as const;

const isTextMap = (v: unknown, nulls: boolean): boolean => isObj(v) && Object.values(v).every(x => typeof x === 'string' || (nulls && x === null));

/** True when `value` is a published (safe) result row, with no internal field of disclosure control. */
export function isSafeRow(value: unknown): value is ResultRow {
    if (!isObj(value) || !hasOnly(value, ROW_FIELDS)) return false;
    return typeof value.indicator === 'string' && typeof value.series === 'string' && typeof value.period === 'string'
        && isTextMap(value.dimensions, true) && (value.labels === undefined || isTextMap(value.labels, false))
        && isNumberOrNull(value.value) && isNumberOrNull(value.numerator) && isNumberOrNull(value.denominator) && isNumberOrNull(value.target)
        && STATUSES.includes(value.status as string) && typeof value.suppressed === 'boolean'
        && (value.provisional === null || typeof value.provisional === 'boolean');
}

/** True when `value` is a finding of the server's data stage, as the preview shows it. */
export function isServerProblem(value: unknown): value is ServerProblem {
    return isObj(value) && hasOnly(value, ['code', 'severity', 'message', 'line', 'column'])
        && typeof value.code === 'string' && value.code.length <= 100 && (value.severity === 'error' || value.severity === 'warning')
        && typeof value.message === 'string' && value.message.length <= ROWS_LIMITS.text && isCount(value.line) && isCount(value.column);
}

/** True when rows and problems are well formed and within the limits. */
export function isRowsAndProblems(rows: unknown, problems: unknown): boolean {
    const rowsOk = rows === null || (Array.isArray(rows) && rows.length <= ROWS_LIMITS.rows && rows.every(isSafeRow));
    return rowsOk && Array.isArray(problems) && problems.length <= ROWS_LIMITS.problems && problems.every(isServerProblem);
}

/** True when `value` is a well-formed answer of `monitor/rows` (the host checks the server's answer). */
export function isRowsResult(value: unknown): value is RowsResult {
    if (!isObj(value) || !hasOnly(value, ['program', 'engine', 'rows', 'problems'])) return false;
    const program = value.program;
    const programOk = program === null || (isObj(program) && isObj(program.monitor) && Array.isArray(program.sources) && Array.isArray(program.indicators) && Array.isArray(program.notes));
    return programOk && (value.engine === null || value.engine === 'postgres') && isRowsAndProblems(value.rows, value.problems);
}
