/**
 * Disclosure control, the one stage every output path goes through: counts are rounded to a multiple
 * of `round`, counts below `minimum` are hidden, rates are recomputed from rounded parts, a second
 * cell is hidden where hidden cells could be worked back out from the total (secondary-suppression.ts),
 * then across indicators that publish the same count (cross-suppression.ts),
 * expressions that use a hidden value are hidden, and reference series of a count are treated as counts.
 * Under `perturb cellkey` each count gets its cell-key noise before rounding (cell-key.ts).
 * Invariant: no shown count is below the minimum, no shown count is unrounded, and a hidden row has
 * `value`, `numerator` and `denominator` null with `suppressed: true`; no output row carries `units`.
 */
import type { ArithIR, IndicatorIR, MeasureIR, PrivacyIR, ProgramIR, ResultRow } from '@monitor/ir';
import { cellKey, evaluateArith, rateValue } from './arith.js';
import { perturbCount } from './cell-key.js';
import { crossSuppression } from './cross-suppression.js';
import { secondarySuppression, type CountParts, type Disclosed } from './secondary-suppression.js';

/** Rounds a count to the nearest multiple of `round` (halves up); `round` ≤ 1 leaves it as is. */
export function roundCount(count: number, round: number): number {
    return round > 1 ? Math.round(count / round) * round : count;
}

/**
 * A count part after disclosure control: its shown value, or hidden. `key` is the cell key of a
 * count under `perturb cellkey` (cell-key.ts: the noise comes before rounding); left out for a
 * reference, which is not perturbed.
 */
function discloseCount(
    raw: number | null, privacy: PrivacyIR, key: number | null | undefined | 'unperturbed' = 'unperturbed',
): { shown: number | null; hidden: boolean } {
    if (raw === null) return { shown: null, hidden: false };
    const noisy = key === 'unperturbed' ? raw : perturbCount(raw, key, privacy.perturb);
    if (noisy === null) return { shown: null, hidden: true };
    const rounded = roundCount(noisy, privacy.round);
    // Hidden when the raw count or its rounded form is below the minimum.
    return raw < privacy.minimum || rounded < privacy.minimum ? { shown: null, hidden: true } : { shown: rounded, hidden: false };
}

function hide(row: ResultRow): ResultRow {
    return { ...row, value: null, numerator: null, denominator: null, suppressed: true, status: 'no-data' };
}

function withoutUnits(row: ResultRow): ResultRow {
    if (!('units' in row) && !('numeratorKey' in row) && !('denominatorKey' in row)) return row;
    const { units: _units, numeratorKey: _n, denominatorKey: _d, ...rest } = row;
    return rest;
}

/**
 * A non-count value (an average, a median duration) over person-level rows (events, episodes) is
 * hidden when fewer units than the minimum stand behind it: a median of three stays says too much.
 */
function tooFewUnits(program: ProgramIR, measure: MeasureIR, row: ResultRow, privacy: PrivacyIR): boolean {
    if (measure.isCount || row.units === undefined || row.units === null) return false;
    const shape = program.sources.find((s) => s.name === measure.source)?.shape.kind;
    return (shape === 'events' || shape === 'episodes') && row.units < privacy.minimum;
}

function primary(program: ProgramIR, row: ResultRow, indicator: IndicatorIR, privacy: PrivacyIR): ResultRow {
    const v = indicator.value;
    if (v.kind === 'measure') {
        if (!v.measure.isCount) return tooFewUnits(program, v.measure, row, privacy) ? hide(row) : row;
        const n = discloseCount(row.numerator, privacy, row.numeratorKey);
        return n.hidden ? hide(row) : { ...row, numerator: n.shown, value: n.shown };
    }
    if (v.kind === 'rate') {
        if (tooFewUnits(program, v.numerator, row, privacy)) return hide(row);
        const n = v.numerator.isCount ? discloseCount(row.numerator, privacy, row.numeratorKey) : { shown: row.numerator, hidden: false };
        const d = v.denominator.isCount ? discloseCount(row.denominator, privacy, row.denominatorKey) : { shown: row.denominator, hidden: false };
        if (n.hidden || d.hidden) return hide(row);
        return { ...row, numerator: n.shown, denominator: d.shown, value: rateValue(n.shown, d.shown, v.percent ? 100 : v.scale) };
    }
    return row;
}

/**
 * A reference row shows its value only. When the indicator is a plain count, the reference is a
 * count in the same unit (validation makes units agree) and gets the same rounding and minimum.
 */
function reference(row: ResultRow, indicator: IndicatorIR, privacy: PrivacyIR): ResultRow {
    const bare = { ...row, numerator: null, denominator: null };
    if (indicator.value.kind !== 'measure' || !indicator.value.measure.isCount) return bare;
    const v = discloseCount(row.value, privacy);
    return v.hidden ? hide(bare) : { ...bare, value: v.shown };
}

function countParts(indicator: IndicatorIR): CountParts {
    const v = indicator.value;
    if (v.kind === 'measure') return { numerator: v.measure.isCount, denominator: false };
    if (v.kind === 'rate') return { numerator: v.numerator.isCount, denominator: v.denominator.isCount };
    return { numerator: false, denominator: false };
}

/** Applies the monitor's privacy rules to every row: actual series, references and expressions. */
export function applyDisclosure(program: ProgramIR, rows: ResultRow[]): ResultRow[] {
    const privacy = program.monitor.privacy;
    if (!privacy) return rows.some((r) => withoutUnits(r) !== r) ? rows.map(withoutUnits) : rows;
    const byName = new Map(program.indicators.map((i) => [i.name, i]));
    const out = new Map<ResultRow, ResultRow>();
    const perIndicator = new Map<string, Disclosed[]>();
    for (const r of rows) {
        const indicator = byName.get(r.indicator);
        if (!indicator) continue;
        if (r.series !== 'actual') { out.set(r, reference(r, indicator, privacy)); continue; }
        if (indicator.value.kind === 'expression') continue;
        const d: Disclosed = { raw: r, safe: primary(program, r, indicator, privacy) };
        perIndicator.set(r.indicator, [...(perIndicator.get(r.indicator) ?? []), d]);
    }
    for (const [name, disclosed] of perIndicator) {
        const indicator = byName.get(name)!;
        const parts = countParts(indicator);
        if (indicator.by.length > 0 && (parts.numerator || parts.denominator)) secondarySuppression(disclosed, parts, privacy.minimum, hide);
    }
    const fails = (raw: number) => raw < privacy.minimum || roundCount(raw, privacy.round) < privacy.minimum;
    crossSuppression(program, perIndicator, countParts, privacy.minimum, fails, hide);
    for (const disclosed of perIndicator.values()) for (const d of disclosed) out.set(d.raw, d.safe);
    recomputeExpressions(program, rows, out);
    return rows.map((r) => withoutUnits(out.get(r) ?? r));
}

/** Recomputes expression rows from the disclosed rows they use; a hidden part hides the result. */
function recomputeExpressions(program: ProgramIR, rows: ResultRow[], out: Map<ResultRow, ResultRow>): void {
    const actual = new Map<string, ResultRow>();
    for (const r of rows) {
        if (r.series === 'actual') actual.set(JSON.stringify([r.indicator, cellKey(r.period, r.dimensions, Object.keys(r.dimensions).sort())]), r);
    }
    const safeByCell = (name: string, period: string, dims: Record<string, string | null>): ResultRow | undefined => {
        const find = (d: Record<string, string | null>) => actual.get(JSON.stringify([name, cellKey(period, d, Object.keys(d).sort())]));
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
        // An expression shows only its value: its parts are rows of their own.
        const safe = hidden ? hide(r) : { ...r, value, numerator: null, denominator: null };
        out.set(r, safe);
        return safe;
    };
    for (const r of rows) if (r.series === 'actual') resolve(r);
}
