/**
 * Disclosure control, the one stage every output path goes through: counts are rounded to a multiple
 * of `round`, counts below `minimum` are hidden (what counts as a count, and the contributor and
 * dominance rules for other values over person-level rows: measure-disclosure.ts), rates are
 * recomputed from rounded parts and hidden over a denominator below `denominator`, a second
 * cell is hidden where hidden cells could be worked back out from the total (secondary-suppression.ts),
 * then across indicators that publish the same count (cross-suppression.ts), then over one system of
 * linear relations solved with HiGHS, the authority (linked-relations.ts, linked-suppression.ts);
 * expressions that use a hidden value are hidden, and reference series of a count are treated as counts.
 * Under `perturb cellkey` each count gets its cell-key noise before rounding (cell-key.ts).
 * Invariant: no shown count is below the minimum, no shown count is unrounded, and a hidden row has
 * `value`, `numerator` and `denominator` null with `suppressed: true`; no output row carries `units` or `top`.
 */
import type { ArithIR, IndicatorIR, MeasureIR, PrivacyIR, ProgramIR, ResultRow } from '@monitor/ir';
import { cellKey, evaluateArith, rateValue } from './arith.js';
import { perturbCount } from './cell-key.js';
import { crossSuppression } from './cross-suppression.js';
import { linkedRelations } from './linked-relations.js';
import { linkedSuppression } from './linked-suppression.js';
import { countLike, dominated, flagAverage, overPersons } from './measure-disclosure.js';
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

/** A hidden row: no value, no parts, and no provisional flag (`true` would tell the cell holds a record). */
function hide(row: ResultRow): ResultRow {
    return { ...row, value: null, numerator: null, denominator: null, suppressed: true, status: 'no-data', provisional: null };
}

/** The row without the internal `units`, `top` and cell keys, which no output carries. */
function withoutUnits(row: ResultRow): ResultRow {
    if (!('units' in row) && !('top' in row) && !('numeratorKey' in row) && !('denominatorKey' in row)) return row;
    const { units: _units, top: _top, numeratorKey: _n, denominatorKey: _d, ...rest } = row;
    return rest;
}

/** Whether a count fails the minimum, raw or rounded. */
function failsCount(raw: number, privacy: PrivacyIR): boolean {
    return raw < privacy.minimum || roundCount(raw, privacy.round) < privacy.minimum;
}

/**
 * A non-count value over person-level rows is hidden when fewer rows than the minimum stand behind it
 * (a median of three stays says too much), and a sum or average when one row dominates its total.
 */
function valueHidden(program: ProgramIR, m: MeasureIR, row: ResultRow, sum: number | null, privacy: PrivacyIR): boolean {
    if (m.isCount || !overPersons(program, m)) return false;
    if (row.units !== undefined && row.units !== null && row.units < privacy.minimum) return true;
    return (m.aggregate === 'sum' || m.aggregate === 'avg') && dominated(row.top, sum, privacy);
}

/**
 * One part of a row (its value, or a rate's numerator or denominator) after the primary rules of
 * measure-disclosure.ts. `own` is true for the part whose `units` and `top` the row carries (the numerator).
 */
function disclosePart(program: ProgramIR, m: MeasureIR, raw: number | null, row: ResultRow, own: boolean, privacy: PrivacyIR): { shown: number | null; hidden: boolean } {
    if (raw === null) return { shown: null, hidden: false };
    const units = own ? row.units ?? null : null;
    if (flagAverage(program, m) && units !== null) {
        // The sum of a 0/1 flag is a count: disclosed as sum / rows from the rounded parts.
        const sum = Math.round(raw * units);
        if (failsCount(sum, privacy) || failsCount(units, privacy) || dominated(row.top, sum, privacy)) return { shown: null, hidden: true };
        return { shown: roundCount(sum, privacy.round) / roundCount(units, privacy.round), hidden: false };
    }
    if (countLike(program, m)) {
        // Under `perturb cellkey` the count's noise comes before rounding; the row carries its cell key.
        const key = privacy.perturb ? (own ? row.numeratorKey : row.denominatorKey) : 'unperturbed';
        const count = discloseCount(raw, privacy, key);
        return !count.hidden && own && valueHidden(program, m, row, raw, privacy) ? { shown: null, hidden: true } : count;
    }
    const sum = m.aggregate === 'avg' && units !== null ? raw * units : raw;
    if (own && valueHidden(program, m, row, sum, privacy)) return { shown: null, hidden: true };
    return { shown: raw, hidden: false };
}

function primary(program: ProgramIR, row: ResultRow, indicator: IndicatorIR, privacy: PrivacyIR): ResultRow {
    const v = indicator.value;
    if (v.kind === 'measure') {
        const n = disclosePart(program, v.measure, row.numerator, row, true, privacy);
        return n.hidden ? hide(row) : { ...row, numerator: n.shown, value: n.shown };
    }
    if (v.kind === 'rate') {
        const n = disclosePart(program, v.numerator, row.numerator, row, true, privacy);
        const d = disclosePart(program, v.denominator, row.denominator, row, false, privacy);
        // A rate over a tiny population says too much even when the numerator is large enough.
        const tiny = row.denominator !== null && row.denominator < (privacy.denominator ?? privacy.minimum);
        if (n.hidden || d.hidden || tiny) return hide(row);
        return { ...row, numerator: n.shown, denominator: d.shown, value: rateValue(n.shown, d.shown, v.percent ? 100 : v.scale) };
    }
    return row;
}

/**
 * A reference row shows its value only. It is a count — rounded and hidden like one — when the
 * indicator is a plain count (validation makes units agree) or when it reads a column declared
 * `integer count`. (A reference over person-level rows is refused by validation under privacy rules.)
 */
function reference(program: ProgramIR, row: ResultRow, indicator: IndicatorIR, privacy: PrivacyIR): ResultRow {
    const bare = { ...row, numerator: null, denominator: null };
    const ref = indicator.references.find((r) => r.series === row.series);
    const column = ref && !ref.value.lookup ? program.sources.find((s) => s.name === ref.source)?.columns.find((c) => c.name === ref.value.column) : undefined;
    const plainCount = indicator.value.kind === 'measure' && countLike(program, indicator.value.measure);
    if (!plainCount && column?.counts !== true) return bare;
    if (row.value === null) return bare;
    return failsCount(row.value, privacy) ? hide(bare) : { ...bare, value: roundCount(row.value, privacy.round) };
}

/** Which parts of an indicator's rows are counts (measure-disclosure.ts), for secondary suppression. */
function countParts(program: ProgramIR, indicator: IndicatorIR): CountParts {
    const v = indicator.value;
    if (v.kind === 'measure') return { numerator: countLike(program, v.measure), denominator: false };
    if (v.kind === 'rate') return { numerator: countLike(program, v.numerator), denominator: countLike(program, v.denominator) };
    return { numerator: false, denominator: false };
}

/**
 * Applies the monitor's privacy rules to every row: actual series, references and expressions.
 * Asynchronous because the solver (HiGHS, WebAssembly) loads asynchronously on first use.
 */
export async function applyDisclosure(program: ProgramIR, rows: ResultRow[]): Promise<ResultRow[]> {
    const privacy = program.monitor.privacy;
    if (!privacy) return rows.some((r) => withoutUnits(r) !== r) ? rows.map(withoutUnits) : rows;
    const byName = new Map(program.indicators.map((i) => [i.name, i]));
    const out = new Map<ResultRow, ResultRow>();
    const perIndicator = new Map<string, Disclosed[]>();
    for (const r of rows) {
        const indicator = byName.get(r.indicator);
        if (!indicator) continue;
        if (r.series !== 'actual') { out.set(r, reference(program, r, indicator, privacy)); continue; }
        if (indicator.value.kind === 'expression') continue;
        const d: Disclosed = { raw: r, safe: primary(program, r, indicator, privacy) };
        perIndicator.set(r.indicator, [...(perIndicator.get(r.indicator) ?? []), d]);
    }
    for (const [name, disclosed] of perIndicator) {
        const indicator = byName.get(name)!;
        const parts = countParts(program, indicator);
        if (indicator.by.length > 0 && (parts.numerator || parts.denominator)) secondarySuppression(disclosed, parts, privacy.minimum, hide);
    }
    const fails = (raw: number) => failsCount(raw, privacy);
    const { atoms, relations } = crossSuppression(program, perIndicator, (i) => countParts(program, i), privacy.minimum, fails, hide);
    await linkedSuppression(linkedRelations(atoms, relations, fails), privacy.minimum, hide);
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
