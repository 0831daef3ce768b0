/** The derived columns an indicator reads, written back in the language's own syntax for hover and the report. */
import type { ColumnExprIR, ConditionIR, IndicatorIR, MeasureIR, OperandIR, ProgramIR } from '@monitor/ir';
import { quoteName, type Locale } from '@monitor/language';

/** Markdown code: between single backticks, or double ones (with spaces) when the code holds a backtick. */
export function codeSpan(text: string): string {
    return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** A derived column's expression as written in a `.monitor` file (`coalesce(WmoClienten_86, WmoClienten_89)`). */
export function columnExpressionText(e: ColumnExprIR): string {
    switch (e.kind) {
        case 'column': return quoteName(e.name);
        case 'number': return String(e.value);
        case 'text': return JSON.stringify(e.value);
        case 'call': return `${e.function}(${e.args.map(columnExpressionText).join(', ')})`;
        case 'binary': {
            const side = (x: ColumnExprIR) => (x.kind === 'binary' ? `(${columnExpressionText(x)})` : columnExpressionText(x));
            return `${side(e.left)} ${e.op} ${side(e.right)}`;
        }
    }
}

function operandColumns(o: OperandIR): string[] {
    if (o.kind === 'column') return [o.ref.column];
    return o.kind === 'shift' ? operandColumns(o.operand) : [];
}

function conditionColumns(c: ConditionIR | null | undefined): string[] {
    if (!c) return [];
    switch (c.kind) {
        case 'and': case 'or': return [...conditionColumns(c.left), ...conditionColumns(c.right)];
        case 'not': return conditionColumns(c.operand);
        case 'compare': return [...operandColumns(c.left), ...operandColumns(c.right)];
        case 'between': return [...operandColumns(c.operand), ...operandColumns(c.low), ...operandColumns(c.high)];
        default: return operandColumns(c.operand);
    }
}

function measures(indicator: IndicatorIR): MeasureIR[] {
    const v = indicator.value;
    return v.kind === 'measure' ? [v.measure] : v.kind === 'rate' ? [v.numerator, v.denominator] : [];
}

/**
 * One sentence naming each derived column the indicator's measures read, with its expression
 * (derived columns it reads in turn too), or '' when it reads none.
 */
export function derivedColumnsText(indicator: IndicatorIR, program: ProgramIR, locale: Locale): string {
    const lines: string[] = [];
    for (const m of measures(indicator)) {
        const source = program.sources.find((s) => s.name === m.source);
        if (!source) continue;
        const queue = [m.column?.column, m.having?.column.column, ...conditionColumns(m.filter), ...conditionColumns(m.transition?.to)]
            .filter((n): n is string => n !== undefined);
        const seen = new Set<string>();
        while (queue.length > 0) {
            const name = queue.shift()!;
            const column = source.columns.find((c) => c.name === name);
            if (seen.has(name) || !column?.expression) continue;
            seen.add(name);
            const text = codeSpan(`${source.name}.${quoteName(name)} = ${columnExpressionText(column.expression)}`);
            if (!lines.includes(text)) lines.push(text);
            const reads: string[] = [];
            const walk = (e: ColumnExprIR): void => {
                if (e.kind === 'column') reads.push(e.name);
                if (e.kind === 'call') e.args.forEach(walk);
                if (e.kind === 'binary') { walk(e.left); walk(e.right); }
            };
            walk(column.expression);
            queue.push(...reads);
        }
    }
    if (lines.length === 0) return '';
    return `${locale === 'nl' ? 'Afgeleide kolommen' : 'Derived columns'}: ${lines.join(', ')}.`;
}
