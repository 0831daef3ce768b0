/**
 * A warning of the data stage (code `data-no-value`) for an indicator that has no value in any period of
 * the range, with no cell hidden by disclosure control: every chart and table would be empty without a
 * word. Usually the data do not cover one whole period (a period is computed only when the source's
 * coverage — declared, or from the first to the last date in the file — reaches its last day), or the
 * range does not match the data. The warning names no count, so it can be published with the rows.
 */
import type { IndicatorIR, ProgramIR, ResultRow, Span } from '@monitor/ir';
import type { DataIssue } from './engine-types.js';

/** The sources an indicator's own measures read (none for an expression of other indicators). */
function sourcesOf(indicator: IndicatorIR): string[] {
    const value = indicator.value;
    if (value.kind === 'measure') return [value.measure.source];
    if (value.kind === 'rate') return [...new Set([value.numerator.source, value.denominator.source])];
    return [];
}

/**
 * One warning per measure or rate indicator whose total series (after disclosure control) is empty.
 * `explained` is asked with the spans of the indicator and of its sources: true when the caller has
 * already reported something there (a value that matches no row, say), so one mistake gets one message.
 */
export function emptySeries(program: ProgramIR, safe: ResultRow[], explained: (spans: Span[]) => boolean = () => false): DataIssue[] {
    const issues: DataIssue[] = [];
    for (const indicator of program.indicators) {
        const sources = sourcesOf(indicator);
        if (sources.length === 0) continue;
        const own = safe.filter((r) => r.indicator === indicator.name && r.series === 'actual');
        // Rows a caller left out (`run --indicator`) or a hidden cell: nothing to say.
        if (own.length === 0 || own.some((r) => r.value !== null || r.suppressed)) continue;
        if (explained([indicator.span, ...program.sources.filter((x) => sources.includes(x.name)).map((x) => x.span)])) continue;
        const { from, to } = program.monitor.range;
        const named = sources.join(', ');
        issues.push({
            source: sources[0], code: 'data-no-value', severity: 'warning',
            message: `Indicator ${indicator.name} has no value in any period of ${from} … ${to}.`,
            messageNl: `Indicator ${indicator.name} heeft in geen enkele periode van ${from} … ${to} een waarde.`,
            hint: `A period is computed only when the data of ${named} cover it to its last day: the source's \`coverage\`, or else from the first to the last date in the file (for a rate: and its denominator is not 0). Check that the range matches the data, or declare \`coverage <from> .. <to>\` on the source when the data are complete for longer.`,
            hintNl: `Een periode wordt alleen berekend als de gegevens van ${named} haar tot de laatste dag dekken: de \`coverage\` van de bron, of anders van de eerste tot de laatste datum in het bestand (bij een verhouding: en de noemer is niet 0). Controleer of de range bij de gegevens past, of declareer \`coverage <van> .. <tot>\` op de bron als de gegevens langer volledig zijn.`,
            span: indicator.span,
        });
    }
    return issues;
}
