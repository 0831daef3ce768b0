/**
 * Disclosure control, the one stage every output path goes through: counts are rounded to a multiple
 * of `round`, counts below `minimum` are hidden, rates are recomputed from rounded parts, and a second
 * cell is hidden where one hidden cell could be worked back out from the total.
 * Invariant: no shown count is below the minimum and no shown count is unrounded.
 */
import type { ArithIR, IndicatorIR, PrivacyIR, ProgramIR, ResultRow } from '@monitor/ir';
import { cellKey, evaluateArith, rateValue } from './arith.js';

/** Rounds a count to the nearest multiple of `round` (halves up); `round` ≤ 1 leaves it as is. */
export function roundCount(count: number, round: number): number {
    return round > 1 ? Math.round(count / round) * round : count;
}

/** A count part after disclosure control: its shown value, or hidden. */
function discloseCount(raw: number | null, privacy: PrivacyIR): { shown: number | null; hidden: boolean } {
    if (raw === null) return { shown: null, hidden: false };
    const rounded = roundCount(raw, privacy.round);
    // Hidden when the raw count or its rounded form is below the minimum.
    return raw < privacy.minimum || rounded < privacy.minimum ? { shown: null, hidden: true } : { shown: rounded, hidden: false };
}

function hide(row: ResultRow): ResultRow {
    return { ...row, value: null, numerator: null, denominator: null, suppressed: true, status: 'no-data' };
}

function primary(row: ResultRow, indicator: IndicatorIR, privacy: PrivacyIR): ResultRow {
    const v = indicator.value;
    if (v.kind === 'measure') {
        if (!v.measure.isCount) return row;
        const n = discloseCount(row.numerator, privacy);
        return n.hidden ? hide(row) : { ...row, numerator: n.shown, value: n.shown };
    }
    if (v.kind === 'rate') {
        const n = v.numerator.isCount ? discloseCount(row.numerator, privacy) : { shown: row.numerator, hidden: false };
        const d = v.denominator.isCount ? discloseCount(row.denominator, privacy) : { shown: row.denominator, hidden: false };
        if (n.hidden || d.hidden) return hide(row);
        return { ...row, numerator: n.shown, denominator: d.shown, value: rateValue(n.shown, d.shown, v.percent ? 100 : v.scale) };
    }
    return row;
}

function countsUnits(indicator: IndicatorIR): boolean {
    const v = indicator.value;
    return (v.kind === 'measure' && v.measure.isCount) || (v.kind === 'rate' && v.numerator.isCount);
}

/** Hides the next-smallest cell where exactly one breakdown cell of a period is hidden and the total is shown. */
function secondary(rows: ResultRow[], raw: Map<ResultRow, ResultRow>): Set<ResultRow> {
    const extra = new Set<ResultRow>();
    const groups = new Map<string, ResultRow[]>();
    for (const r of rows) groups.set(r.period, [...(groups.get(r.period) ?? []), r]);
    for (const group of groups.values()) {
        const total = group.find((r) => Object.keys(r.dimensions).length === 0);
        const cells = group.filter((r) => r !== total);
        const hidden = cells.filter((r) => r.suppressed);
        if (!total || total.suppressed || hidden.length !== 1) continue;
        const shown = cells.filter((r) => !r.suppressed && r.numerator !== null);
        shown.sort((a, b) => (raw.get(a)!.numerator ?? 0) - (raw.get(b)!.numerator ?? 0));
        if (shown.length > 0) extra.add(shown[0]);
    }
    return extra;
}

/** Applies the monitor's privacy rules to the actual rows; reference series pass through unchanged. */
export function applyDisclosure(program: ProgramIR, rows: ResultRow[]): ResultRow[] {
    const privacy = program.monitor.privacy;
    if (!privacy) return rows;
    const byName = new Map(program.indicators.map((i) => [i.name, i]));
    const out = new Map<ResultRow, ResultRow>();
    const raw = new Map<ResultRow, ResultRow>();
    for (const r of rows) {
        const indicator = byName.get(r.indicator);
        if (r.series !== 'actual' || !indicator || indicator.value.kind === 'expression') continue;
        const safe = primary(r, indicator, privacy);
        out.set(r, safe);
        raw.set(safe, r);
    }
    for (const indicator of program.indicators) {
        if (!countsUnits(indicator)) continue;
        const safeRows = rows.filter((r) => r.indicator === indicator.name && out.has(r)).map((r) => out.get(r)!);
        const extra = secondary(safeRows, raw);
        for (const [orig, safe] of out) if (extra.has(safe)) out.set(orig, hide(safe));
    }
    recomputeExpressions(program, rows, out);
    return rows.map((r) => out.get(r) ?? r);
}

/** Recomputes expression rows from the disclosed rows they use; a hidden part hides the result. */
function recomputeExpressions(program: ProgramIR, rows: ResultRow[], out: Map<ResultRow, ResultRow>): void {
    const safeByCell = (name: string, period: string, dims: Record<string, string | null>): ResultRow | undefined => {
        const order = Object.keys(dims).sort();
        const find = (d: Record<string, string | null>) => rows.find((r) => r.indicator === name && r.series === 'actual'
            && cellKey(r.period, r.dimensions, order) === cellKey(period, d, order));
        const row = find(dims) ?? find({});
        return row ? resolve(row) : undefined;
    };
    const resolving = new Set<ResultRow>();
    const resolve = (r: ResultRow): ResultRow => {
        const known = out.get(r);
        if (known) return known;
        const indicator = program.indicators.find((i) => i.name === r.indicator);
        if (!indicator || indicator.value.kind !== 'expression' || resolving.has(r)) return r;
        resolving.add(r);
        const expression: ArithIR = indicator.value.expression;
        let hidden = false;
        const value = evaluateArith(expression, (name) => {
            const part = safeByCell(name, r.period, r.dimensions);
            if (part?.suppressed) hidden = true;
            return part?.value ?? null;
        });
        const safe = hidden ? hide(r) : { ...r, value };
        out.set(r, safe);
        return safe;
    };
    for (const r of rows) if (r.series === 'actual') resolve(r);
}
