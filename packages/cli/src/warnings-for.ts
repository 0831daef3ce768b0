/**
 * The warnings `monitor run --indicator X` prints: every warning, of the language stages and the data
 * stage, except those that sit inside the declarations of an indicator that was not asked for (its
 * block, its target, its references). A warning about X, about a source or about the monitor stays.
 */
import type { Span } from '@monitor/ir';
import type { AnalysedMonitor } from './analyse.js';
import { atSpan } from './data-stage.js';
import type { CliDiagnostic } from './diagnostic.js';

const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** Whether a diagnostic starts inside a span. */
export function inside(monitor: AnalysedMonitor, d: CliDiagnostic, span: Span): boolean {
    const s = atSpan(monitor, span, d.severity, d.code, '');
    return s.file === d.file && before(s, d) && before(d, { line: s.endLine, column: s.endColumn });
}

/** The warnings (and infos) to print for a run limited to `only` (all indicators when empty). */
export function warningsFor(monitor: AnalysedMonitor, diagnostics: CliDiagnostic[], only: string[] | undefined): CliDiagnostic[] {
    const warnings = diagnostics.filter(d => d.severity !== 'error');
    if (!only || only.length === 0) return warnings;
    const others = monitor.program.indicators.filter(i => !only.includes(i.name));
    const spans = others.flatMap(i => [i.span, ...(i.target ? [i.target.span, ...i.target.points.map(p => p.span)] : []), ...i.references.map(r => r.span)]);
    return warnings.filter(d => !spans.some(s => inside(monitor, d, s)));
}
