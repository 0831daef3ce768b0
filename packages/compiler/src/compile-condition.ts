/** Row filters (ConditionIR) and operands to SQL over a source scope. */
import type { ConditionIR, OperandIR } from '@monitor/ir';
import type { SourceScope } from './source-scope.js';
import { PlanError, sqlInteger, sqlLiteral } from './sql-text.js';
import { sqlDialect } from './sql-dialect.js';

const COMPARE_OPS = new Set(['=', '<>', '<', '<=', '>', '>=']);
const UNIT_SQL = { days: 'DAY', months: 'MONTH', years: 'YEAR' } as const;

/** An operand as SQL: a column, a literal, or a date shifted by a whole number of days, months or years. */
export function compileOperand(operand: OperandIR, scope: SourceScope): string {
    switch (operand.kind) {
        case 'column': return scope.column(operand.ref);
        case 'literal': return sqlLiteral(operand.literal);
        case 'shift': {
            if (!(operand.unit in UNIT_SQL)) throw new PlanError(`Unknown date unit ${JSON.stringify(operand.unit)}.`);
            const inner = compileOperand(operand.operand, scope);
            // Date + INTERVAL is a TIMESTAMP in DuckDB; cast back so comparisons stay date comparisons.
            return sqlDialect().shiftDate(inner, sqlInteger(operand.amount), UNIT_SQL[operand.unit]);
        }
    }
}

/** A condition as a SQL boolean expression (SQL three-valued logic: a NULL comparison drops the row). */
export function compileCondition(condition: ConditionIR, scope: SourceScope): string {
    switch (condition.kind) {
        case 'and':
        case 'or':
            return `(${compileCondition(condition.left, scope)} ${condition.kind.toUpperCase()} ${compileCondition(condition.right, scope)})`;
        case 'not':
            return `(NOT ${compileCondition(condition.operand, scope)})`;
        case 'compare':
            if (!COMPARE_OPS.has(condition.op)) throw new PlanError(`Unknown comparison ${JSON.stringify(condition.op)}.`);
            return `(${compileOperand(condition.left, scope)} ${condition.op} ${compileOperand(condition.right, scope)})`;
        case 'in': {
            const values = condition.values.map(sqlLiteral);
            if (values.length === 0) return condition.negated ? 'TRUE' : 'FALSE';
            return `(${compileOperand(condition.operand, scope)} ${condition.negated ? 'NOT IN' : 'IN'} (${values.join(', ')}))`;
        }
        case 'between':
            return `(${compileOperand(condition.operand, scope)} BETWEEN ${compileOperand(condition.low, scope)} AND ${compileOperand(condition.high, scope)})`;
        case 'missing':
            return `(${compileOperand(condition.operand, scope)} IS ${condition.negated ? 'NOT ' : ''}NULL)`;
    }
}
