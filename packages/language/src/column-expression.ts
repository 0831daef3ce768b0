/**
 * Derived columns (`WmoClienten integer? = coalesce(WmoClienten_86, WmoClienten_89)`): the type an
 * expression gives, the columns it reads, and its lowering to plain IR.
 */
import type { ColumnExprIR, ColumnType } from '@monitor/ir';
import {
    isColumnBinary, isColumnCall, isColumnInput, isColumnNumber,
    type Column, type ColumnExpression,
} from './generated/ast.js';

/** What an expression gives: a type and whether it can be missing. */
export interface ExpressionType {
    type: ColumnType;
    nullable: boolean;
}

/** An operand of the wrong type, found while typing an expression. */
export interface OperandProblem {
    node: ColumnExpression;
    /** The operator or function (`+`, `trim`, `coalesce`). */
    operator: string;
    /** What it needs: `number`, `text`, or one type for all values. */
    needs: string;
    found: string;
}

const NUMERIC: ReadonlySet<ColumnType> = new Set(['integer', 'decimal']);

/**
 * The type of an expression, or undefined when a part has no type (an unresolved name, or a cycle:
 * both reported elsewhere). Operands of the wrong type go to `problems`.
 */
export function expressionType(expr: ColumnExpression, problems: OperandProblem[] = []): ExpressionType | undefined {
    if (isColumnNumber(expr)) {
        return { type: expr.$cstNode?.text.includes('.') ? 'decimal' : 'integer', nullable: false };
    }
    if (isColumnInput(expr)) {
        const column = expr.column?.ref;
        if (!column) return undefined;
        // A derived column gives what it declares (checked on its own declaration).
        return { type: column.type as ColumnType, nullable: column.optional };
    }
    if (isColumnCall(expr)) {
        const args = expr.args.map((a) => expressionType(a, problems));
        if (args.some((a) => a === undefined)) return undefined;
        const typed = args as ExpressionType[];
        if (expr.function === 'trim') {
            typed.forEach((a, i) => {
                if (a.type !== 'text') problems.push({ node: expr.args[i], operator: 'trim', needs: 'text', found: a.type });
            });
            if (expr.args.length !== 1) problems.push({ node: expr, operator: 'trim', needs: 'one value', found: `${expr.args.length} values` });
            return { type: 'text', nullable: typed.some((a) => a.nullable) };
        }
        const numeric = typed.every((a) => NUMERIC.has(a.type));
        const first = typed[0].type;
        if (!numeric) {
            typed.forEach((a, i) => {
                if (a.type !== first) problems.push({ node: expr.args[i], operator: 'coalesce', needs: first, found: a.type });
            });
        }
        const type: ColumnType = numeric ? (typed.some((a) => a.type === 'decimal') ? 'decimal' : 'integer') : first;
        return { type, nullable: typed.every((a) => a.nullable) };
    }
    if (isColumnBinary(expr)) {
        const left = expressionType(expr.left, problems);
        const right = expressionType(expr.right, problems);
        if (!left || !right) return undefined;
        for (const [side, t] of [[expr.left, left], [expr.right, right]] as const) {
            if (!NUMERIC.has(t.type)) problems.push({ node: side, operator: expr.operator, needs: 'number', found: t.type });
        }
        const division = expr.operator === '/';
        // Dividing by anything but a constant other than 0 can give no value (division by zero).
        const safeDivisor = isColumnNumber(expr.right) && expr.right.value !== 0;
        return {
            type: division || left.type === 'decimal' || right.type === 'decimal' ? 'decimal' : 'integer',
            nullable: left.nullable || right.nullable || (division && !safeDivisor),
        };
    }
    return { type: 'text', nullable: false };
}

/** The columns an expression reads directly, in order of appearance. */
export function expressionInputs(expr: ColumnExpression): Column[] {
    if (isColumnInput(expr)) return expr.column?.ref ? [expr.column.ref] : [];
    if (isColumnCall(expr)) return expr.args.flatMap(expressionInputs);
    if (isColumnBinary(expr)) return [...expressionInputs(expr.left), ...expressionInputs(expr.right)];
    return [];
}

/** Lowers an expression to plain IR. */
export function lowerColumnExpression(expr: ColumnExpression): ColumnExprIR {
    if (isColumnNumber(expr)) return { kind: 'number', value: expr.value };
    if (isColumnInput(expr)) return { kind: 'column', name: expr.column.$refText };
    if (isColumnCall(expr)) return { kind: 'call', function: expr.function, args: expr.args.map(lowerColumnExpression) };
    if (isColumnBinary(expr)) {
        return { kind: 'binary', op: expr.operator, left: lowerColumnExpression(expr.left), right: lowerColumnExpression(expr.right) };
    }
    return { kind: 'text', value: expr.value };
}
