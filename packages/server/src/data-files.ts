/**
 * The data stage shared by the CLI and the language server: resolves each source's path inside the
 * workspace, reads the bytes and lets the engine check them. Findings carry IR spans; each host turns
 * them into its own diagnostic shape.
 */
import fs from 'node:fs/promises';
import type { ProgramIR, SourceIR, Span } from '@monitor/ir';
import { getLocale, message } from '@monitor/language';
import type { DataIssue, Engine } from '@monitor/engine';
// The light entry: the main thread of the language server loads no DuckDB (ARCHITECTURE.md).
import { queryIssue, tableSourceNeedsPostgres } from '@monitor/engine/issues';
import { resolveDataPath } from './data-paths.js';
import { probeData } from './data-probes.js';

/** One data-stage finding at a span of a `.monitor` file, in the current locale. */
export interface SpanIssue {
    span: Span;
    severity: 'error' | 'warning';
    code: string;
    message: string;
}

/** The findings of the data stage and the files that passed the confinement check. */
export interface DataStageResult {
    issues: SpanIssue[];
    /** Absolute paths of the data files that resolved inside the workspace. */
    files: { source: string; path: string }[];
}

function issueText(issue: DataIssue): string {
    const nl = getLocale() === 'nl';
    const text = nl && issue.messageNl ? issue.messageNl : issue.message;
    const hint = nl && issue.hintNl ? issue.hintNl : issue.hint;
    return hint ? `${text} ${hint}` : text;
}

/**
 * Loads every source of a program into an engine. The engine then holds a table per source that
 * loaded without errors; `root` is the workspace that data paths must stay inside.
 */
export async function loadSourceFiles(engine: Engine, program: ProgramIR, root: string, limits: DataLimits = {}): Promise<DataStageResult> {
    const result: DataStageResult = { issues: [], files: [] };
    const loaded = new Set<string>();
    for (const source of program.sources) {
        const before = result.issues.length;
        await loadOne(engine, source, root, result, limits, readByTransition(program, source.name));
        if (!result.issues.slice(before).some((i) => i.severity === 'error')) loaded.add(source.name);
    }
    // Invariant: where the caller computes next, the engine is locked before the first query (the probes).
    if (limits.lock) await engine.lock();
    // Numbers that would be silently wrong: levels summed, text values that match nothing.
    try {
        result.issues.push(...await probeData(engine, program, loaded));
    } catch (error) {
        // A probe the database refused: a failed connection is told once, at the first table source
        // (the engine checked the others quietly); anything else the database says at the header.
        const issue = queryIssue(error);
        if (!issue) throw error;
        if (!result.issues.some((i) => i.code === issue.code)) {
            result.issues.push({ span: program.monitor.span, severity: 'error', code: issue.code, message: issueText(issue) });
        }
    }
    return result;
}

/** Limits of the data stage; the editor sets `maxRows` (`monitor.engine.maxRows`), the CLI none. */
export interface DataLimits {
    maxRows?: number;
    /** Lock the engine after loading, before the probe queries (`monitor run`, the editor's analysis). */
    lock?: boolean;
}

/** The number of data rows of CSV bytes, counted by line ends (a quoted line break counts too: "about"). */
export function countCsvRows(bytes: Uint8Array, header: boolean): number {
    let lines = 0;
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) lines++;
    if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) lines++;
    return Math.max(0, lines - (header ? 1 : 0));
}

/** Whether a transition measure of any indicator reads the source. */
function readByTransition(program: ProgramIR, source: string): boolean {
    return program.indicators.some(({ value: v }) => (v.kind === 'measure' ? [v.measure] : v.kind === 'rate' ? [v.numerator, v.denominator] : [])
        .some((m) => m.transition !== null && m.source === source));
}

/** Loads or checks one source; `rowId`: a transition measure reads it (a PostgreSQL view then refused). */
async function loadOne(engine: Engine, source: SourceIR, root: string, out: DataStageResult, limits: DataLimits, rowId: boolean): Promise<void> {
    // A table source is checked against the database's catalogue; an engine that reads tables reads no file.
    if (source.table || engine.checkTable) {
        const issues = !source.table ? await engine.loadSource(source, new Uint8Array())
            : engine.checkTable ? await engine.checkTable(source, { rowId }) : [tableSourceNeedsPostgres(source)];
        for (const issue of issues) out.issues.push({ span: issue.span, severity: issue.severity, code: issue.code, message: issueText(issue) });
        return;
    }
    const resolved = resolveDataPath(source, root);
    const pathSpan = source.pathSpan ?? source.span;
    if (!resolved.ok) {
        out.issues.push({ span: pathSpan, severity: 'error', code: resolved.code, message: message(resolved.code, resolved.args) });
        return;
    }
    out.files.push({ source: source.name, path: resolved.file });
    let bytes: Uint8Array;
    try {
        bytes = await fs.readFile(resolved.file);
    } catch (error) {
        const text = message('data-file-missing', { path: source.path, source: source.name, suggestion: '' });
        out.issues.push({ span: pathSpan, severity: 'error', code: 'data-file-missing', message: `${text} (${(error as Error).message})` });
        return;
    }
    const rows = limits.maxRows === undefined ? 0 : countCsvRows(bytes, source.csv.header);
    if (limits.maxRows !== undefined && rows > limits.maxRows) {
        // Checked before DuckDB sees the bytes: a file too large for the editor is never loaded.
        const args = { path: source.path, source: source.name, rows, max: limits.maxRows };
        out.issues.push({ span: pathSpan, severity: 'error', code: 'data-too-large', message: message('data-too-large', args) });
        return;
    }
    const issues = await engine.loadSource(source, bytes);
    for (const issue of issues) out.issues.push({ span: issue.span, severity: issue.severity, code: issue.code, message: issueText(issue) });
}
