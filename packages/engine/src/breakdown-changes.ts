/**
 * Breakdown values that appear or disappear in the middle of a series: the usual sign of a new
 * district layout (CBS Almere went from 6 to 71 wijken in 2022). Found on the computed rows, so it is
 * a warning of the data stage (code `data-breakdown-changed`), never an error; the text names values
 * and periods only, never a count. A value is there in a period when the source has rows for its cell
 * (the plan's presence query), even when their values are missing (CBS's `.`); a value with a cell
 * that disclosure control hides is never named, so the warning reveals nothing the rows do not; and a
 * dimension's or the counted source's `known change <date>` silences the changes from that date on.
 */
import { parsePeriod, periodEnd, type IndicatorIR, type ProgramIR, type ResultRow } from '@monitor/ir';
import type { DataIssue } from './engine-types.js';

/** What the warning may know besides the raw rows. */
export interface BreakdownChangeInputs {
    /** Rows of the plan's presence queries (series `presence`): rows per cell, whatever their values. */
    presence?: ResultRow[];
    /** The rows after disclosure control: a value with a hidden cell is never named. */
    safe?: ResultRow[];
}

/** A value shows up in a period when the period's cells with that value hold anything but zero. */
function present(row: ResultRow): boolean {
    return (row.numerator !== null && row.numerator !== 0) || (row.denominator !== null && row.denominator !== 0);
}

function listed(values: string[]): string {
    return values.length <= 6 ? values.join(', ') : `${values.slice(0, 6).join(', ')} … (${values.length})`;
}

/** The day before an ISO date. */
function dayBefore(date: string): string {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
}

/** The changes of one dimension of one indicator, as "value → first/last period" lists. */
function changes(dimension: string, rows: ResultRow[], hidden: Set<string>, known: string[]): { appear: Map<string, string[]>; vanish: Map<string, string[]> } {
    const periods = [...new Set(rows.filter((r) => Object.keys(r.dimensions).length === 0 && r.numerator !== null).map((r) => r.period))];
    const order = new Map(periods.map((p, i) => [p, i]));
    const seen = new Map<string, number[]>();
    for (const r of rows) {
        const value = r.dimensions[dimension];
        if (value === undefined || value === null || hidden.has(value) || !order.has(r.period) || !present(r)) continue;
        seen.set(value, [...(seen.get(value) ?? []), order.get(r.period)!]);
    }
    // Invariant: a change whose period ends on or after an acknowledged date (`known change`) is silent.
    const acknowledged = (period: string, date: (end: string) => string) => {
        const p = parsePeriod(period);
        return p !== null && known.some((k) => periodEnd(p) >= date(k));
    };
    const appear = new Map<string, string[]>();
    const vanish = new Map<string, string[]>();
    for (const [value, at] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
        const first = periods[Math.min(...at)];
        const last = periods[Math.max(...at)];
        if (first !== periods[0] && !acknowledged(first, (k) => k)) appear.set(first, [...(appear.get(first) ?? []), value]);
        // A value last there in 2021 is gone from 2022-01-01: acknowledged by a change on that day.
        if (last !== periods.at(-1) && !acknowledged(last, dayBefore)) vanish.set(last, [...(vanish.get(last) ?? []), value]);
    }
    return { appear, vanish };
}

/** Values of `dimension` with a cell that disclosure control hid (in any series row of the indicator). */
function hiddenValues(safe: ResultRow[], indicator: string, dimension: string): Set<string> {
    return new Set(safe.filter((r) => r.indicator === indicator && r.suppressed && typeof r.dimensions[dimension] === 'string')
        .map((r) => r.dimensions[dimension] as string));
}

/** One warning per indicator and dimension whose values come or go inside the covered periods. */
export function breakdownChanges(program: ProgramIR, rows: ResultRow[], inputs: BreakdownChangeInputs = {}): DataIssue[] {
    const issues: DataIssue[] = [];
    for (const indicator of program.indicators) {
        if (indicator.by.length === 0) continue;
        const presence = inputs.presence?.filter((r) => r.indicator === indicator.name);
        const own = presence && presence.length > 0 ? presence : rows.filter((r) => r.indicator === indicator.name && r.series === 'actual');
        for (const dimension of indicator.by) {
            const hidden = inputs.safe ? hiddenValues(inputs.safe, indicator.name, dimension) : new Set<string>();
            // Acknowledged on the dimension, or on the source the indicator counts from.
            const known = [...program.dimensions.find((d) => d.name === dimension)?.knownChanges ?? [],
                ...program.sources.find((s) => s.name === countedSource(indicator))?.knownChanges ?? []];
            const { appear, vanish } = changes(dimension, own, hidden, known);
            if (appear.size === 0 && vanish.size === 0) continue;
            issues.push(issue(indicator, dimension, appear, vanish));
        }
    }
    return issues;
}

/** The source an indicator counts from (a measure's, a rate's numerator's); '' for an expression. */
function countedSource(indicator: IndicatorIR): string {
    return indicator.value.kind === 'measure' ? indicator.value.measure.source
        : indicator.value.kind === 'rate' ? indicator.value.numerator.source : '';
}

function issue(indicator: IndicatorIR, dimension: string, appear: Map<string, string[]>, vanish: Map<string, string[]>): DataIssue {
    const en = [...[...appear].map(([p, v]) => `${listed(v)} first appear in ${p}`), ...[...vanish].map(([p, v]) => `${listed(v)} last appear in ${p}`)];
    const nl = [...[...appear].map(([p, v]) => `${listed(v)} komen voor het eerst voor in ${p}`), ...[...vanish].map(([p, v]) => `${listed(v)} komen voor het laatst voor in ${p}`)];
    const source = countedSource(indicator);
    return {
        source, code: 'data-breakdown-changed', severity: 'warning',
        message: `The breakdown of indicator ${indicator.name} by ${dimension} changes mid-series: ${en.join('; ')}.`,
        messageNl: `De uitsplitsing van indicator ${indicator.name} naar ${dimension} verandert midden in de reeks: ${nl.join('; ')}.`,
        hint: `If the codes changed (a new district layout), translate them with \`map via <table> from <old> to <new>\` in dimension ${dimension}, so the series stay comparable; a change you know of is acknowledged with \`known change <date>\` there.`,
        hintNl: `Als de codes veranderd zijn (een nieuwe wijkindeling), vertaal ze dan met \`map via <tabel> from <oud> to <nieuw>\` in dimensie ${dimension}, zodat de reeksen vergelijkbaar blijven; een bekende wijziging bevestig je daar met \`known change <datum>\`.`,
        span: indicator.span,
    };
}
