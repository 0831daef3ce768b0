/**
 * Which indicators a computation of some of them must compute too (`monitor run --indicator X`),
 * so that X's published rows are exactly those of a full run: the indicators X's expression uses,
 * and every indicator disclosure control links to X. Disclosure links indicators that publish
 * the same count (one measure, the focus cell of a `where dim = "v"` indicator included:
 * cross-suppression.ts) and, for counts and sums that add up, measures that differ only in their
 * `where` or their time meaning (the nested and stock/flow relations of linked-relations.ts);
 * secondary suppression of a breakdown against its margins then sees the same cells as in a full run.
 * Over-inclusion only costs time: a measure link here is coarser than the relations it stands for.
 */
import type { IndicatorIR, MeasureIR, ProgramIR } from '@monitor/ir';
import { additive, measureKey } from './cross-suppression.js';
import { focusCell } from './focus-cell.js';

/** The measures of an indicator's value (an expression has none of its own). */
function measuresOf(indicator: IndicatorIR): MeasureIR[] {
    const v = indicator.value;
    if (v.kind === 'measure') return [v.measure];
    if (v.kind === 'rate') return [v.numerator, v.denominator];
    return [];
}

/** The indicators named anywhere in `value` (an expression's `{ kind: 'indicator', name }`). */
function namedIndicators(value: unknown, into: Set<string>): Set<string> {
    if (Array.isArray(value)) for (const v of value) namedIndicators(v, into);
    else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        if (o.kind === 'indicator' && typeof o.name === 'string') into.add(o.name);
        for (const [k, v] of Object.entries(o)) if (k !== 'span') namedIndicators(v, into);
    }
    return into;
}

/** The keys under which disclosure control may relate the counts of `indicator` to other indicators'. */
function linkKeys(program: ProgramIR, indicator: IndicatorIR): string[] {
    return measuresOf(indicator).flatMap((m) => {
        const base = focusCell(program, indicator, m).base;
        const keys = [`same ${measureKey(base)}`];
        if (additive(m)) keys.push(`adds ${measureKey({ ...m, filter: null, time: 'none' })}`);
        return keys;
    });
}

/**
 * The names of the indicators to compute for the rows of `wanted` (in program order, `wanted`
 * included): what their expressions use and, under `privacy`, what disclosure control links them to,
 * each followed to the end.
 */
export function indicatorsToCompute(program: ProgramIR, wanted: readonly string[]): string[] {
    const byName = new Map(program.indicators.map((i) => [i.name, i]));
    const byKey = new Map<string, string[]>();
    if (program.monitor.privacy) {
        for (const i of program.indicators) for (const k of linkKeys(program, i)) byKey.set(k, [...(byKey.get(k) ?? []), i.name]);
    }
    const keep = new Set<string>();
    const todo = [...wanted];
    while (todo.length > 0) {
        const name = todo.pop()!;
        const indicator = byName.get(name);
        if (!indicator || keep.has(name)) continue;
        keep.add(name);
        todo.push(...namedIndicators(indicator, new Set()));
        if (program.monitor.privacy) for (const k of linkKeys(program, indicator)) todo.push(...(byKey.get(k) ?? []));
    }
    return program.indicators.filter((i) => keep.has(i.name)).map((i) => i.name);
}
