/** Checks of the meaning stage on columns: derived columns (types, missing values, cycles) and `trim`. */
import type { ValidationAcceptor } from 'langium';
import { isColumnInput, isSource, type Column, type ColumnExpression } from './generated/ast.js';
import { AstUtils } from 'langium';
import { report } from './check-structure.js';
import { expressionInputs, expressionType, type OperandProblem } from './column-expression.js';
import { quoteName } from './quote-name.js';

/** A derived column: no self-reference or cycle, operands of the right type, the declared type and `?` right. */
export function checkColumn(column: Column, accept: ValidationAcceptor): void {
    if (column.trim && column.type !== 'text') report(accept, 'warning', 'trim-not-text', { name: column.name, type: column.type }, column, 'trim');
    const expr = column.expression;
    if (!expr) return;
    const name = quoteName(column.name);
    for (const input of AstUtils.streamAst(expr).filter(isColumnInput)) {
        if (input.column?.ref === column) report(accept, 'error', 'derived-column-self', { name }, input, 'column');
    }
    const path = cycleThrough(column);
    if (path) {
        report(accept, 'error', 'derived-column-cycle', { name, path: path.map((c) => quoteName(c.name)).join(' → ') }, column, 'name');
        return;
    }
    const problems: OperandProblem[] = [];
    const result = expressionType(expr, problems);
    for (const p of problems) report(accept, 'error', 'column-expression-operand', { operator: p.operator, needs: p.needs, found: p.found }, p.node as ColumnExpression);
    if (!result || problems.length > 0) return;
    const widens = column.type === 'decimal' && result.type === 'integer';
    if (result.type !== column.type && !widens) {
        report(accept, 'error', 'derived-column-type', { name, type: column.type, found: result.type }, column, 'type');
    }
    if (result.nullable && !column.optional) {
        report(accept, 'error', 'derived-column-optional', { name, type: column.type }, column, 'type');
    }
}

/**
 * The columns of a cycle through `column` other than a plain self-reference (`a = b + 1`, `b = a`),
 * starting and ending at `column`; undefined when there is none.
 */
function cycleThrough(column: Column): Column[] | undefined {
    const source = column.$container;
    if (!isSource(source)) return undefined;
    const visit = (current: Column, path: Column[], seen: Set<Column>): Column[] | undefined => {
        for (const next of current.expression ? expressionInputs(current.expression) : []) {
            if (next === current) continue; // a self-reference: its own diagnostic
            if (next === column) return [...path, next];
            if (seen.has(next) || !next.expression) continue;
            seen.add(next);
            const found = visit(next, [...path, next], seen);
            if (found) return found;
        }
        return undefined;
    };
    return visit(column, [column], new Set());
}
