/** An indicator's definition in words (English or Dutch), for hover. */
import type { ArithIR, ConditionIR, Grain, IndicatorIR, IndicatorValueIR, LiteralIR, MeasureIR, OperandIR, ProgramIR, TimeMeaning } from '@monitor/ir';
import { quoteName, type Locale } from '@monitor/language';
import { codeSpan, derivedColumnsText } from './derived-column-text.js';
import { formatNumber } from './texts.js';

type Aggregate = MeasureIR['aggregate'];

/** The opening of the sentence ("Counts distinct client_id"), and the same as a noun phrase after "per 1,000 of". */
const VERB: Record<Locale, Record<Aggregate, string>> = {
    en: { count: 'Counts rows', 'count-distinct': 'Counts distinct', sum: 'Sums', avg: 'Averages', min: 'Takes the minimum of', max: 'Takes the maximum of', median: 'Takes the median of' },
    nl: { count: 'Telt rijen', 'count-distinct': 'Telt unieke', sum: 'Telt de waarden op van', avg: 'Neemt het gemiddelde van', min: 'Neemt het minimum van', max: 'Neemt het maximum van', median: 'Neemt de mediaan van' },
};
const NOUN: Record<Locale, Record<Aggregate, string>> = {
    en: { count: 'the number of rows', 'count-distinct': 'the number of distinct', sum: 'the sum of', avg: 'the average of', min: 'the minimum of', max: 'the maximum of', median: 'the median of' },
    nl: { count: 'het aantal rijen', 'count-distinct': 'het aantal unieke', sum: 'de som van', avg: 'het gemiddelde van', min: 'het minimum van', max: 'het maximum van', median: 'de mediaan van' },
};

const GRAIN_NL: Record<Grain, string> = { month: 'maand', quarter: 'kwartaal', 'half-year': 'halfjaar', year: 'jaar' };

/** When a row counts in a period, for the indicator's grain ("active on the last day of each quarter"). */
function timeText(time: TimeMeaning, grain: Grain, locale: Locale): string {
    if (locale === 'nl') {
        const each = `${grain === 'month' ? 'elke' : 'elk'} ${GRAIN_NL[grain]}`;
        return { event: `geteld in ${each} van de gebeurtenis`, 'active-at-end': `actief op de laatste dag van ${each}`, 'active-during': `actief in ${each}`,
            started: `begonnen in ${each}`, ended: `geëindigd in ${each}`, snapshot: `op de laatste peildatum in ${each}`, none: '' }[time];
    }
    const each = `each ${grain}`;
    return { event: `counted in the ${grain} of the event`, 'active-at-end': `active on the last day of ${each}`, 'active-during': `active at any time during ${each}`,
        started: `started in ${each}`, ended: `ended in ${each}`, snapshot: `at the latest reference date in ${each}`, none: '' }[time];
}

function literal(l: LiteralIR): string {
    return l.kind === 'text' ? JSON.stringify(l.value) : String(l.value);
}

function operand(o: OperandIR): string {
    if (o.kind === 'column') return o.ref.lookup ? `${quoteName(o.ref.column)} via ${o.ref.lookup.source}.${quoteName(o.ref.lookup.field)}` : quoteName(o.ref.column);
    if (o.kind === 'literal') return literal(o.literal);
    return `${operand(o.operand)} + ${o.amount} ${o.unit}`;
}

/** A filter written back in the language's own syntax (short and exact). */
export function conditionText(c: ConditionIR): string {
    switch (c.kind) {
        case 'and': case 'or': return `${conditionText(c.left)} ${c.kind} ${conditionText(c.right)}`;
        case 'not': return `not (${conditionText(c.operand)})`;
        case 'compare': return `${operand(c.left)} ${c.op} ${operand(c.right)}`;
        case 'in': return `${operand(c.operand)}${c.negated ? ' not' : ''} in (${c.values.map(literal).join(', ')})`;
        case 'between': return `${operand(c.operand)} between ${operand(c.low)} and ${operand(c.high)}`;
        case 'missing': return `${operand(c.operand)} is${c.negated ? ' not' : ''} missing`;
    }
}

function measureText(m: MeasureIR, grain: Grain, locale: Locale, opening: boolean): string {
    const nl = locale === 'nl';
    const what = m.duration ? (nl ? 'de duur in dagen' : 'the duration in days') : m.column ? quoteName(m.column.column) : '';
    const aggregate = (opening ? VERB : NOUN)[locale][m.aggregate];
    const parts = [`${aggregate}${what && m.aggregate !== 'count' ? ` ${what}` : ''}`, `in ${m.source}`];
    const time = timeText(m.time, grain, locale);
    if (time) parts.push(time);
    if (m.filter) parts.push(`${nl ? 'waar' : 'where'} ${codeSpan(conditionText(m.filter))}`);
    if (m.transition) parts.push(nl ? `gevolgd binnen ${m.transition.withinDays} dagen` : `followed within ${m.transition.withinDays} days`);
    if (m.having) parts.push(nl ? `met ten minste ${m.having.min} verschillende ${quoteName(m.having.column.column)} tegelijk` : `with at least ${m.having.min} distinct ${quoteName(m.having.column.column)} at once`);
    return parts.join(' ');
}

function arith(e: ArithIR): string {
    if (e.kind === 'number') return String(e.value);
    if (e.kind === 'indicator') return e.name;
    return `(${arith(e.left)} ${e.op} ${arith(e.right)})`;
}

function valueText(v: IndicatorValueIR, grain: Grain, locale: Locale): string {
    const nl = locale === 'nl';
    if (v.kind === 'measure') return measureText(v.measure, grain, locale, true);
    if (v.kind === 'expression') return `${nl ? 'Berekend als' : 'Computed as'} \`${arith(v.expression)}\``;
    const per = v.percent ? (nl ? 'als percentage van' : 'as a percentage of') : (nl ? `per ${formatNumber(v.scale, locale)} van` : `per ${formatNumber(v.scale, locale)} of`);
    return `${measureText(v.numerator, grain, locale, true)}, ${per} ${measureText(v.denominator, grain, locale, false)}`;
}

/**
 * One sentence: what the indicator counts, when, and by what it is broken down. With the program,
 * a second sentence gives the derived columns it reads (`kwb.WmoClienten = coalesce(…)`).
 */
export function describeIndicator(indicator: IndicatorIR, locale: Locale, program?: ProgramIR): string {
    const by = indicator.by.length > 0 ? (locale === 'nl' ? `, naar ${indicator.by.join(', ')}` : `, by ${indicator.by.join(', ')}`) : '';
    const derived = program ? derivedColumnsText(indicator, program, locale) : '';
    return `${valueText(indicator.value, indicator.grain, locale)}${by}.${derived ? ` ${derived}` : ''}`;
}
