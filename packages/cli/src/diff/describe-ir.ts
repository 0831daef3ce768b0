/** IR pieces written back as short phrases for review summaries (English or Dutch). */
import type { ConditionIR, LiteralIR, MeasureIR, OperandIR, TargetPointIR, ColumnRefIR, IndicatorValueIR } from '@monitor/ir';

/** A language for review summaries. */
export type Lang = 'en' | 'nl';

/** Picks the English or Dutch text. */
export function t(lang: Lang, en: string, nl: string): string {
    return lang === 'nl' ? nl : en;
}

/** A literal as written in a .monitor file, with single quotes for text (reads well in Markdown). */
export function literal(l: LiteralIR): string {
    return l.kind === 'text' ? `'${l.value}'` : String(l.value);
}

function columnRef(ref: ColumnRefIR): string {
    return ref.lookup ? `${ref.column} via ${ref.lookup.source}.${ref.lookup.field}` : ref.column;
}

function operand(o: OperandIR): string {
    if (o.kind === 'column') return columnRef(o.ref);
    if (o.kind === 'literal') return literal(o.literal);
    return `${operand(o.operand)} ${o.amount < 0 ? '-' : '+'} ${Math.abs(o.amount)} ${o.unit}`;
}

/** A condition in .monitor syntax. */
export function condition(c: ConditionIR): string {
    switch (c.kind) {
        case 'and': case 'or': return `${condition(c.left)} ${c.kind} ${condition(c.right)}`;
        case 'not': return `not (${condition(c.operand)})`;
        case 'compare': return `${operand(c.left)} ${c.op} ${operand(c.right)}`;
        case 'in': return `${operand(c.operand)} ${c.negated ? 'not in' : 'in'} (${c.values.map(literal).join(', ')})`;
        case 'between': return `${operand(c.operand)} between ${operand(c.low)} and ${operand(c.high)}`;
        case 'missing': return `${operand(c.operand)} is ${c.negated ? 'not ' : ''}missing`;
    }
}

const TIME: Record<MeasureIR['time'], string> = {
    event: '', 'active-at-end': 'active at end', 'active-during': 'active during', started: 'started', ended: 'ended', snapshot: '', none: '',
};

/** The aggregation of a measure, e.g. `count distinct client_id`, `median duration`, `transitions`. */
export function aggregation(m: MeasureIR): string {
    if (m.transition) return m.aggregate === 'count-distinct' && m.column ? `transitions distinct ${columnRef(m.column)}` : 'transitions';
    if (m.aggregate === 'count') return 'count';
    if (m.aggregate === 'count-distinct') return `count distinct ${m.column ? columnRef(m.column) : ''}`.trim();
    return `${m.aggregate} ${m.duration ? 'duration' : m.column ? columnRef(m.column) : ''}`.trim();
}

/** The time meaning as written (`active at end`), or empty for events, snapshots and tables. */
export function timeMeaning(m: MeasureIR): string {
    return TIME[m.time];
}

/** A whole measure in .monitor syntax. */
export function measure(m: MeasureIR): string {
    const parts = [aggregation(m), 'from', m.source, timeMeaning(m)];
    if (m.filter) parts.push('where', condition(m.filter));
    if (m.transition) parts.push('to where', m.transition.to ? condition(m.transition.to) : '', `within ${m.transition.withinDays} days`);
    if (m.having) parts.push(`having distinct ${columnRef(m.having.column)} >= ${m.having.min}`);
    return parts.filter(Boolean).join(' ');
}

/** The unit a value's definition gives: `per 1,000`, `percent`, or none for a plain measure. */
export function rateUnit(v: IndicatorValueIR, lang: Lang): string {
    if (v.kind !== 'rate') return t(lang, 'a plain number', 'een getal');
    if (v.percent) return t(lang, 'percent', 'procent');
    return `per ${v.scale.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')}`;
}

/** A target point: `−15 %`, `>= 60`, `down`. Uses a real minus sign, as in print. */
export function targetPoint(p: TargetPointIR, lang: Lang): string {
    if (p.kind === 'direction') return p.direction === 'up' ? t(lang, 'up', 'omhoog') : t(lang, 'down', 'omlaag');
    const n = (x: number) => (x < 0 ? `−${Math.abs(x)}` : x > 0 && p.kind === 'relative' ? `+${x}` : String(x));
    return p.kind === 'relative' ? `${n(p.value ?? 0)} %` : `${p.op} ${n(p.value ?? 0)}`;
}

/** JSON without positions and file URIs: two definitions are equal when these are. */
export function plain(value: unknown): string {
    return JSON.stringify(value, (key, v) => (key === 'span' || key === 'pathSpan' || key === 'declaredIn' ? undefined : v));
}
