/** What changed in an indicator's value definition, in words; every line here alters past values. */
import type { ArithIR, ConditionIR, IndicatorValueIR, MeasureIR } from '@monitor/ir';
import { aggregation, condition, literal, measure, rateUnit, t, timeMeaning, type Lang } from './describe-ir.js';

/** Conjuncts of a filter (`a and b and c` → [a, b, c]). */
function conjuncts(c: ConditionIR | null): ConditionIR[] {
    if (!c) return [];
    return c.kind === 'and' ? [...conjuncts(c.left), ...conjuncts(c.right)] : [c];
}

/** A filter that allows a set of values of one column (`x = 'a'`, `x in ('a', 'b')`). */
function valueSet(c: ConditionIR): { column: string; values: string[] } | undefined {
    if (c.kind === 'in' && !c.negated && c.operand.kind === 'column' && !c.operand.ref.lookup) {
        return { column: c.operand.ref.column, values: c.values.map(literal) };
    }
    if (c.kind === 'compare' && c.op === '=' && c.left.kind === 'column' && !c.left.ref.lookup && c.right.kind === 'literal') {
        return { column: c.left.ref.column, values: [literal(c.right.literal)] };
    }
    return undefined;
}

const list = (values: string[], lang: Lang) => values.length === 1 ? values[0]
    : `${values.slice(0, -1).join(', ')} ${t(lang, 'and', 'en')} ${values.at(-1)}`;

/** Filter changes: value lists on one column in words, else the conditions added and removed. */
export function compareFilters(before: ConditionIR | null, after: ConditionIR | null, where: string, lang: Lang): string[] {
    const oldParts = conjuncts(before).map(c => ({ c, text: condition(c) }));
    const newParts = conjuncts(after).map(c => ({ c, text: condition(c) }));
    const removed = oldParts.filter(o => !newParts.some(n => n.text === o.text));
    const added = newParts.filter(n => !oldParts.some(o => o.text === n.text));
    const lines: string[] = [];
    for (const r of [...removed]) {
        const oldSet = valueSet(r.c);
        const match = added.find(a => valueSet(a.c)?.column === oldSet?.column);
        const newSet = match && valueSet(match.c);
        if (!oldSet || !match || !newSet) continue;
        removed.splice(removed.indexOf(r), 1);
        added.splice(added.indexOf(match), 1);
        const plus = newSet.values.filter(v => !oldSet.values.includes(v));
        const minus = oldSet.values.filter(v => !newSet.values.includes(v));
        if (plus.length > 0) lines.push(t(lang, `filter on ${oldSet.column}${where} now also includes ${list(plus, lang)}`,
            `filter op ${oldSet.column}${where} neemt nu ook ${list(plus, lang)} mee`));
        if (minus.length > 0) lines.push(t(lang, `filter on ${oldSet.column}${where} no longer includes ${list(minus, lang)}`,
            `filter op ${oldSet.column}${where} neemt ${list(minus, lang)} niet meer mee`));
    }
    for (const r of removed) lines.push(t(lang, `condition \`${r.text}\` removed from the filter${where}`, `voorwaarde \`${r.text}\` uit het filter${where} gehaald`));
    for (const a of added) lines.push(t(lang, `condition \`${a.text}\` added to the filter${where}`, `voorwaarde \`${a.text}\` aan het filter${where} toegevoegd`));
    return lines;
}

/** Changes between two measures; `where` names the part (" in the denominator") or is empty. */
export function compareMeasures(a: MeasureIR, b: MeasureIR, where: string, lang: Lang): string[] {
    const lines: string[] = [];
    if (a.source !== b.source) lines.push(t(lang, `counts from source ${b.source} instead of ${a.source}${where}`, `telt uit bron ${b.source} in plaats van ${a.source}${where}`));
    if (aggregation(a) !== aggregation(b)) lines.push(t(lang, `aggregation${where} changed from \`${aggregation(a)}\` to \`${aggregation(b)}\``,
        `aggregatie${where} gewijzigd van \`${aggregation(a)}\` in \`${aggregation(b)}\``));
    if (a.time !== b.time) {
        const show = (m: MeasureIR) => timeMeaning(m) || t(lang, 'none', 'geen');
        lines.push(t(lang, `time meaning${where} changed from \`${show(a)}\` to \`${show(b)}\``, `tijdsbetekenis${where} gewijzigd van \`${show(a)}\` in \`${show(b)}\``));
    }
    lines.push(...compareFilters(a.filter, b.filter, where, lang));
    if (a.transition && b.transition) {
        lines.push(...compareFilters(a.transition.to, b.transition.to, t(lang, `${where} after the transition`, `${where} na de overgang`), lang));
        if (a.transition.withinDays !== b.transition.withinDays) lines.push(t(lang,
            `transition window${where} changed from ${a.transition.withinDays} to ${b.transition.withinDays} days`,
            `overgangstermijn${where} gewijzigd van ${a.transition.withinDays} in ${b.transition.withinDays} dagen`));
    }
    if (JSON.stringify(a.having) !== JSON.stringify(b.having)) lines.push(t(lang,
        `stacking condition${where} changed from \`${a.having ? measure(a) : '—'}\` to \`${b.having ? measure(b) : '—'}\``,
        `stapelingsvoorwaarde${where} gewijzigd van \`${a.having ? measure(a) : '—'}\` in \`${b.having ? measure(b) : '—'}\``));
    if (lines.length === 0 && measure(a) !== measure(b)) lines.push(t(lang, `measure${where} changed from \`${measure(a)}\` to \`${measure(b)}\``,
        `maat${where} gewijzigd van \`${measure(a)}\` in \`${measure(b)}\``));
    return lines;
}

function arith(e: ArithIR): string {
    if (e.kind === 'number') return String(e.value);
    if (e.kind === 'indicator') return e.name;
    return `(${arith(e.left)} ${e.op} ${arith(e.right)})`;
}

function valueText(v: IndicatorValueIR): string {
    if (v.kind === 'measure') return measure(v.measure);
    if (v.kind === 'rate') return `${measure(v.numerator)} ${v.percent ? 'percent of' : `per ${v.scale}`} ${measure(v.denominator)}`;
    return arith(v.expression).replace(/^\((.*)\)$/, '$1');
}

/** Changes between two value definitions. */
export function compareValues(a: IndicatorValueIR, b: IndicatorValueIR, lang: Lang): string[] {
    if (a.kind === 'rate' && b.kind === 'rate') {
        const lines: string[] = [];
        if (a.percent !== b.percent || a.scale !== b.scale) lines.push(t(lang, `unit changed from ${rateUnit(a, lang)} to ${rateUnit(b, lang)}`,
            `eenheid gewijzigd van ${rateUnit(a, lang)} in ${rateUnit(b, lang)}`));
        lines.push(...compareMeasures(a.numerator, b.numerator, t(lang, ' in the numerator', ' in de teller'), lang));
        lines.push(...compareMeasures(a.denominator, b.denominator, t(lang, ' in the denominator', ' in de noemer'), lang));
        return lines;
    }
    if (a.kind === 'measure' && b.kind === 'measure') return compareMeasures(a.measure, b.measure, '', lang);
    if (a.kind === 'rate' && b.kind === 'measure' && valueText(b) === measure(a.numerator)) {
        return [t(lang, `unit changed from ${rateUnit(a, lang)} to ${rateUnit(b, lang)}: the denominator is gone`,
            `eenheid gewijzigd van ${rateUnit(a, lang)} in ${rateUnit(b, lang)}: de noemer is weg`)];
    }
    if (valueText(a) === valueText(b)) return [];
    return [t(lang, `value changed from \`${valueText(a)}\` to \`${valueText(b)}\``, `waarde gewijzigd van \`${valueText(a)}\` in \`${valueText(b)}\``)];
}
