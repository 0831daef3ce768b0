/**
 * The data stage: reads every declared data file of a monitor into the engine, reporting
 * missing files, unreadable content, missing columns and values that do not fit their type.
 */
import fs from 'node:fs/promises';
import type { SourceIR, Span } from '@monitor/ir';
import { getLocale, message } from '@monitor/language';
import type { DataIssue, Engine } from '@monitor/engine';
import type { AnalysedMonitor } from './analyse.js';
import { fromRange, type CliDiagnostic } from './diagnostic.js';
import { resolveDataPath } from './data-paths.js';
import { fileURLToPath } from 'node:url';

/** Converts an IR span to a CLI diagnostic. */
function atSpan(monitor: AnalysedMonitor, span: Span, severity: CliDiagnostic['severity'], code: string, text: string): CliDiagnostic {
    const start = monitor.positionAt(span.uri, span.offset);
    const end = monitor.positionAt(span.uri, span.offset + span.length);
    return fromRange(fileURLToPath(span.uri), { start, end }, severity, code, text);
}

function issueText(issue: DataIssue): string {
    const text = getLocale() === 'nl' && issue.messageNl ? issue.messageNl : issue.message;
    return issue.hint ? `${text} ${issue.hint}` : text;
}

/**
 * Loads the sources of one monitor into an engine. Returns the diagnostics; the engine holds a
 * table per source that loaded without errors.
 */
export async function loadSources(engine: Engine, monitor: AnalysedMonitor, root: string): Promise<CliDiagnostic[]> {
    const diagnostics: CliDiagnostic[] = [];
    for (const source of monitor.program.sources) {
        diagnostics.push(...(await loadSource(engine, monitor, source, root)));
    }
    return diagnostics;
}

async function loadSource(engine: Engine, monitor: AnalysedMonitor, source: SourceIR, root: string): Promise<CliDiagnostic[]> {
    const resolved = resolveDataPath(source, root);
    const pathSpan = source.pathSpan ?? source.span;
    if (!resolved.ok) return [atSpan(monitor, pathSpan, 'error', resolved.code, message(resolved.code, resolved.args))];
    let bytes: Uint8Array;
    try {
        bytes = await fs.readFile(resolved.file);
    } catch (error) {
        const text = message('data-file-missing', { path: source.path, source: source.name, suggestion: '' });
        return [atSpan(monitor, pathSpan, 'error', 'data-file-missing', `${text} (${(error as Error).message})`)];
    }
    const issues = await engine.loadSource(source, bytes);
    return issues.map(issue => atSpan(monitor, issue.span, issue.severity, issue.code, issueText(issue)));
}
