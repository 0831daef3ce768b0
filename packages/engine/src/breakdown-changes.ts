/**
 * Breakdown values that appear or disappear in the middle of a series: the usual sign of a new
 * district layout (CBS Almere went from 6 to 71 wijken in 2022). Found on the computed rows, so it is
 * a warning of the data stage (code `data-breakdown-changed`), never an error; the text names values
 * and periods only, never a count, so it may be shown before disclosure control.
 */
import type { IndicatorIR, ProgramIR, ResultRow } from '@monitor/ir';
import type { DataIssue } from './engine-types.js';

/** A value shows up in a period when the period's cells with that value hold anything but zero. */
function present(row: ResultRow): boolean {
    return (row.numerator !== null && row.numerator !== 0) || (row.denominator !== null && row.denominator !== 0);
}

function listed(values: string[]): string {
    return values.length <= 6 ? values.join(', ') : `${values.slice(0, 6).join(', ')} … (${values.length})`;
}

/** The changes of one dimension of one indicator, as "value → first/last period" lists. */
function changes(indicator: IndicatorIR, dimension: string, rows: ResultRow[]): { appear: Map<string, string[]>; vanish: Map<string, string[]> } {
    const periods = [...new Set(rows.filter((r) => Object.keys(r.dimensions).length === 0 && r.numerator !== null).map((r) => r.period))];
    const order = new Map(periods.map((p, i) => [p, i]));
    const seen = new Map<string, number[]>();
    for (const r of rows) {
        const value = r.dimensions[dimension];
        if (value === undefined || value === null || !order.has(r.period) || !present(r)) continue;
        seen.set(value, [...(seen.get(value) ?? []), order.get(r.period)!]);
    }
    const appear = new Map<string, string[]>();
    const vanish = new Map<string, string[]>();
    for (const [value, at] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
        const first = Math.min(...at);
        const last = Math.max(...at);
        if (first > 0) appear.set(periods[first], [...(appear.get(periods[first]) ?? []), value]);
        if (last < periods.length - 1) vanish.set(periods[last], [...(vanish.get(periods[last]) ?? []), value]);
    }
    return { appear, vanish };
}

/** One warning per indicator and dimension whose values come or go inside the covered periods. */
export function breakdownChanges(program: ProgramIR, rows: ResultRow[]): DataIssue[] {
    const issues: DataIssue[] = [];
    for (const indicator of program.indicators) {
        if (indicator.by.length === 0) continue;
        const own = rows.filter((r) => r.indicator === indicator.name && r.series === 'actual');
        for (const dimension of indicator.by) {
            const { appear, vanish } = changes(indicator, dimension, own);
            if (appear.size === 0 && vanish.size === 0) continue;
            const en = [...[...appear].map(([p, v]) => `${listed(v)} first appear in ${p}`), ...[...vanish].map(([p, v]) => `${listed(v)} last appear in ${p}`)];
            const nl = [...[...appear].map(([p, v]) => `${listed(v)} komen voor het eerst voor in ${p}`), ...[...vanish].map(([p, v]) => `${listed(v)} komen voor het laatst voor in ${p}`)];
            const source = indicator.value.kind === 'measure' ? indicator.value.measure.source
                : indicator.value.kind === 'rate' ? indicator.value.numerator.source : '';
            issues.push({
                source, code: 'data-breakdown-changed', severity: 'warning',
                message: `The breakdown of indicator ${indicator.name} by ${dimension} changes mid-series: ${en.join('; ')}.`,
                messageNl: `De uitsplitsing van indicator ${indicator.name} naar ${dimension} verandert midden in de reeks: ${nl.join('; ')}.`,
                hint: `If the codes changed (a new district layout), translate them with \`map via <table> from <old> to <new>\` in dimension ${dimension}, so the series stay comparable.`,
                hintNl: `Als de codes veranderd zijn (een nieuwe wijkindeling), vertaal ze dan met \`map via <tabel> from <oud> to <nieuw>\` in dimensie ${dimension}, zodat de reeksen vergelijkbaar blijven.`,
                span: indicator.span,
            });
        }
    }
    return issues;
}
