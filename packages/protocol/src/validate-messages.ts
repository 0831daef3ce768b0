/**
 * Runtime checks of the preview messages. The host must not trust the webview (its content draws
 * workspace data), so every message is checked against its type before use.
 */
import type { ExportFormat, HostMessage, WebviewMessage } from './messages.js';
import { isRowsAndProblems } from './validate-rows.js';

/** Limits that keep a broken or hostile message from doing harm. */
export const MESSAGE_LIMITS = { indicatorName: 200, text: 4000, exportBytes: 64 * 1024 * 1024 } as const;

const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'vl.json', 'csv', 'vega-editor'];
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length <= MESSAGE_LIMITS.indicatorName && NAME.test(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const hasOnly = (v: Obj, keys: string[]): boolean => Object.keys(v).every(k => keys.includes(k));

/** True when `value` is a well-formed message from the webview. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
    if (!isObj(value)) return false;
    switch (value.type) {
        case 'ready':
            return hasOnly(value, ['type']);
        case 'reveal':
            return hasOnly(value, ['type', 'indicator']) && isName(value.indicator);
        case 'export':
            return hasOnly(value, ['type', 'indicator', 'format', 'content']) && isName(value.indicator)
                && EXPORT_FORMATS.includes(value.format as ExportFormat)
                && typeof value.content === 'string' && value.content.length <= MESSAGE_LIMITS.exportBytes
                && (value.format !== 'png' || /^[A-Za-z0-9+/]*={0,2}$/.test(value.content));
        case 'rendered':
            return hasOnly(value, ['type', 'indicators', 'rows', 'millis']) && isCount(value.indicators) && isCount(value.rows) && isCount(value.millis);
        case 'error':
            return hasOnly(value, ['type', 'message']) && typeof value.message === 'string' && value.message.length <= MESSAGE_LIMITS.text;
        default:
            return false;
    }
}

const isLang = (v: unknown): boolean => v === 'en' || v === 'nl';

/** True when `value` is a well-formed message from the host (the webview checks before it computes). */
export function isHostMessage(value: unknown): value is HostMessage {
    if (!isObj(value)) return false;
    if (value.type === 'untrusted') return isLang(value.lang);
    if (value.type === 'scroll') return hasOnly(value, ['type', 'indicator']) && isName(value.indicator);
    if (value.type !== 'update') return false;
    const problem = value.problem;
    const problemOk = problem === null || (isObj(problem) && typeof problem.message === 'string' && isCount(problem.line) && isCount(problem.column));
    const program = value.program;
    const programOk = program === null || (isObj(program) && isObj(program.monitor) && Array.isArray(program.sources) && Array.isArray(program.indicators) && Array.isArray(program.notes));
    const files = value.files;
    const filesOk = Array.isArray(files) && files.every(f => isObj(f) && typeof f.source === 'string' && f.bytes instanceof Uint8Array);
    const unreadable = value.unreadable;
    const unreadableOk = Array.isArray(unreadable) && unreadable.every(u => isObj(u) && typeof u.source === 'string' && typeof u.reason === 'string');
    const vegaOk = value.vegaEditor === undefined || typeof value.vegaEditor === 'boolean';
    const server = value.server;
    const serverOk = server === undefined || (isObj(server) && hasOnly(server, ['engine', 'rows', 'problems']) && server.engine === 'postgres' && isRowsAndProblems(server.rows, server.problems));
    return typeof value.uri === 'string' && isLang(value.lang) && problemOk && programOk && filesOk && unreadableOk && vegaOk && serverOk;
}
