/**
 * The `data-no-value` warnings of a computed monitor (an indicator without a value in any period), as
 * CLI diagnostics: left out for an indicator when an earlier diagnostic already stands in its block or
 * in one of its sources (a value that matches no row, a level that matches nothing), so one mistake
 * gets one message.
 */
import { emptySeries } from '@monitor/engine';
import type { ResultRow } from '@monitor/ir';
import type { AnalysedMonitor } from './analyse.js';
import { atSpan } from './data-stage.js';
import type { CliDiagnostic } from './diagnostic.js';
import { inside } from './warnings-for.js';

/** The warnings, in the locale's language. */
export function noValueWarnings(monitor: AnalysedMonitor, safe: ResultRow[], earlier: CliDiagnostic[], nl: boolean): CliDiagnostic[] {
    const explained = (spans: Parameters<typeof atSpan>[1][]) => spans.some(span => earlier.some(d => inside(monitor, d, span)));
    return emptySeries(monitor.program, safe, explained).map(i =>
        atSpan(monitor, i.span, i.severity, i.code, nl ? `${i.messageNl} ${i.hintNl}` : `${i.message} ${i.hint}`));
}
