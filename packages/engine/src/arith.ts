/** Arithmetic over indicator values, shared by execution and disclosure control. */
import type { ArithIR } from '@monitor/ir';

/** Evaluates an expression; a missing operand or a division by zero gives null. */
export function evaluateArith(expression: ArithIR, valueOf: (indicator: string) => number | null): number | null {
    switch (expression.kind) {
        case 'number': return expression.value;
        case 'indicator': return valueOf(expression.name);
        case 'binary': {
            const l = evaluateArith(expression.left, valueOf);
            const r = evaluateArith(expression.right, valueOf);
            if (l === null || r === null) return null;
            switch (expression.op) {
                case '+': return l + r;
                case '-': return l - r;
                case '*': return l * r;
                case '/': return r === 0 ? null : l / r;
            }
        }
    }
}

/** Identifies a row's cell: period plus breakdown; the total row (no dimensions) is distinct from a NULL cell. */
export function cellKey(period: string, dimensions: Record<string, string | null>, order: string[]): string {
    const names = order.filter((d) => d in dimensions);
    return JSON.stringify([period, names.length === 0 ? null : names.map((d) => dimensions[d])]);
}

/** The rate value of two parts: numerator / denominator × factor, null when a part is missing or zero. */
export function rateValue(numerator: number | null, denominator: number | null, factor: number): number | null {
    if (numerator === null || denominator === null || denominator === 0) return null;
    return (numerator / denominator) * factor;
}
