/** The SQL text of one indicator, for a "show SQL" command. */
import type { ArithIR, Plan } from '@monitor/ir';
import { PlanError } from './sql-text.js';

function arithText(e: ArithIR): string {
    switch (e.kind) {
        case 'number': return String(e.value);
        case 'indicator': return e.name;
        case 'binary': return `(${arithText(e.left)} ${e.op} ${arithText(e.right)})`;
    }
}

/** The indicator's query followed by its reference queries; an expression shows its arithmetic. */
export function explainSql(plan: Plan, indicatorName: string): string {
    const ip = plan.indicators.find((i) => i.indicator === indicatorName);
    if (!ip) throw new PlanError(`There is no indicator named ${JSON.stringify(indicatorName)} in the plan.`);
    const parts: string[] = [];
    // Line comments must not be broken out of by a name: keep every name on one line.
    const name = ip.indicator.replace(/\s+/g, ' ');
    if (ip.query) parts.push(`-- indicator ${name} (${ip.kind}${ip.factor !== null ? `, × ${ip.factor}` : ''})\n${ip.query.sql};`);
    else parts.push(`-- indicator ${name}: ${arithText(ip.expression!).replace(/\s+/g, ' ')}, combined per period and breakdown by the engine`);
    for (const r of ip.references) parts.push(`-- reference ${JSON.stringify(r.series).replace(/\s+/g, ' ')}\n${r.sql};`);
    return parts.join('\n\n');
}
