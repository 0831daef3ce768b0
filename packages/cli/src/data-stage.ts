/**
 * The data stage for the CLI: the shared `loadSourceFiles` (packages/server), with its findings
 * turned into CLI diagnostics.
 */
import type { Span } from '@monitor/ir';
import { outputCellsIssue, queryIssue, type Engine } from '@monitor/engine';
import { getLocale } from '@monitor/language';
import { loadSourceFiles, type DataLimits } from '@monitor/server';
import type { AnalysedMonitor } from './analyse.js';
import { fromRange, type CliDiagnostic } from './diagnostic.js';
import { fileURLToPath } from 'node:url';

/** Converts an IR span to a CLI diagnostic. */
export function atSpan(monitor: AnalysedMonitor, span: Span, severity: CliDiagnostic['severity'], code: string, text: string): CliDiagnostic {
    const start = monitor.positionAt(span.uri, span.offset);
    const end = monitor.positionAt(span.uri, span.offset + span.length);
    return fromRange(fileURLToPath(span.uri), { start, end }, severity, code, text);
}

/** What the engine reports with English and Dutch text and a hint (data issues, breakdown warnings). */
export interface BilingualIssue {
    span: Span;
    severity: CliDiagnostic['severity'];
    code: string;
    message: string;
    messageNl: string;
    hint: string;
    hintNl: string;
}

/** An engine's issue as a CLI diagnostic at its span, in the language of the messages. */
export function issueAt(monitor: AnalysedMonitor, issue: BilingualIssue): CliDiagnostic {
    const text = getLocale() === 'nl' ? `${issue.messageNl} ${issue.hintNl}` : `${issue.message} ${issue.hint}`;
    return atSpan(monitor, issue.span, issue.severity, issue.code, text);
}

/**
 * A query the database refused or stopped (PostgreSQL: timeout, permission, server gone) as an error
 * at the monitor's header; null for any other error (a bug: the caller rethrows it).
 */
export function queryDiagnostic(monitor: AnalysedMonitor, error: unknown): CliDiagnostic | null {
    const issue = queryIssue(error);
    if (!issue) return null;
    return issueAt(monitor, { ...issue, span: monitor.program.monitor.span, severity: 'error' });
}

/**
 * Loads the sources of one monitor into an engine. Returns the diagnostics; the engine holds a
 * table per source that loaded without errors.
 */
export async function loadSources(engine: Engine, monitor: AnalysedMonitor, root: string, limits: DataLimits = {}): Promise<CliDiagnostic[]> {
    const { issues } = await loadSourceFiles(engine, monitor.program, root, limits);
    return issues.map(i => atSpan(monitor, i.span, i.severity, i.code, i.message));
}

/**
 * The bound on work, after the sources are loaded: an error when the monitor would compute more
 * output cells than `MAX_OUTPUT_CELLS` (periods × breakdown cells × indicators), else nothing.
 */
export async function checkOutputCells(engine: Engine, monitor: AnalysedMonitor): Promise<CliDiagnostic[]> {
    const issue = await outputCellsIssue(engine, monitor.program);
    if (!issue) return [];
    return [issueAt(monitor, issue)];
}
