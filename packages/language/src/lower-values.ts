/** Lowering of conditions, operands, column references and measures to plain IR. */
import { AstUtils, type AstNode } from 'langium';
import type {
    ColumnRefIR, ConditionIR, LiteralIR, MeasureIR, OperandIR, Span, TimeMeaning, CompareOp, ArithIR,
} from '@monitor/ir';
import {
    isActiveAtEnd, isActiveDuring, isAnd, isBinaryArith, isBooleanLiteral, isColumnRef, isComparison,
    isCountAggregation, isDateLiteral, isEnded, isEpisodesShape, isEventsShape, isIndicatorArith, isNot,
    isNumberArith, isNumberLiteral, isOr, isSnapshotShape, isStarted, isTransitionAggregation,
    type ColumnRef, type Condition, type IndicatorValue, type Literal, type Measure, type Operand,
} from './generated/ast.js';

/** The span of a node in its document. */
export function spanOf(node: AstNode): Span {
    const cst = node.$cstNode;
    return { uri: AstUtils.getDocument(node).uri.toString(), offset: cst?.offset ?? 0, length: cst?.length ?? 0 };
}

export function lowerColumnRef(ref: ColumnRef): ColumnRefIR {
    return {
        column: ref.column.$refText,
        lookup: ref.lookup ? { source: ref.lookup.$refText, field: ref.field?.$refText ?? '' } : null,
    };
}

function lowerLiteral(literal: Literal): LiteralIR {
    if (isNumberLiteral(literal)) return { kind: 'number', value: literal.value };
    if (isDateLiteral(literal)) return { kind: 'date', value: literal.value };
    if (isBooleanLiteral(literal)) return { kind: 'boolean', value: literal.value };
    return { kind: 'text', value: literal.value };
}

function lowerOperand(operand: Operand): OperandIR {
    const base: OperandIR = isColumnRef(operand.base)
        ? { kind: 'column', ref: lowerColumnRef(operand.base) }
        : { kind: 'literal', literal: lowerLiteral(operand.base) };
    if (!operand.shift || operand.amount === undefined) return base;
    const amount = operand.shift === '-' ? -operand.amount : operand.amount;
    return { kind: 'shift', operand: base, amount, unit: (operand.unit ?? 'days') as 'days' | 'months' | 'years' };
}

export function lowerCondition(condition: Condition): ConditionIR {
    if (isOr(condition) || isAnd(condition)) {
        return { kind: isOr(condition) ? 'or' : 'and', left: lowerCondition(condition.left), right: lowerCondition(condition.right) };
    }
    if (isNot(condition)) return { kind: 'not', operand: lowerCondition(condition.operand) };
    if (!isComparison(condition)) throw new Error(`Unexpected condition ${(condition as AstNode).$type}`);
    const left = lowerOperand(condition.left);
    if (condition.operator && condition.right) {
        return { kind: 'compare', op: condition.operator as CompareOp, left, right: lowerOperand(condition.right) };
    }
    if (condition.values.length > 0) {
        return { kind: 'in', operand: left, values: condition.values.map(lowerLiteral), negated: condition.negated };
    }
    if (condition.low && condition.high) {
        return { kind: 'between', operand: left, low: lowerOperand(condition.low), high: lowerOperand(condition.high) };
    }
    return { kind: 'missing', operand: left, negated: condition.negated };
}

function lowerTime(measure: Measure): TimeMeaning {
    const time = measure.time;
    if (isActiveAtEnd(time)) return 'active-at-end';
    if (isActiveDuring(time)) return 'active-during';
    if (isStarted(time)) return 'started';
    if (isEnded(time)) return 'ended';
    const shape = measure.source.ref?.shape;
    if (isTransitionAggregation(measure.aggregation)) return 'ended';
    if (isEventsShape(shape)) return 'event';
    if (isSnapshotShape(shape)) return 'snapshot';
    if (isEpisodesShape(shape)) return 'active-at-end';
    return 'none';
}

export function lowerMeasure(measure: Measure): MeasureIR {
    const agg = measure.aggregation;
    const counting = isCountAggregation(agg) || isTransitionAggregation(agg);
    const distinct = counting && agg.distinct;
    return {
        source: measure.source.$refText,
        aggregate: counting ? (distinct ? 'count-distinct' : 'count') : agg.function,
        column: agg.column ? lowerColumnRef(agg.column) : null,
        duration: !counting && agg.duration,
        time: lowerTime(measure),
        filter: measure.where ? lowerCondition(measure.where) : null,
        having: measure.havingColumn && measure.havingMin !== undefined
            ? { column: lowerColumnRef(measure.havingColumn), min: measure.havingMin } : null,
        transition: isTransitionAggregation(agg)
            ? { to: measure.transitionTo ? lowerCondition(measure.transitionTo) : null, withinDays: measure.withinDays ?? 0 } : null,
        isCount: counting || measure.havingColumn !== undefined,
        span: spanOf(measure),
    };
}

export function lowerArith(value: IndicatorValue): ArithIR {
    if (isNumberArith(value)) return { kind: 'number', value: value.value };
    if (isIndicatorArith(value)) return { kind: 'indicator', name: value.indicator.$refText };
    if (isBinaryArith(value)) {
        return { kind: 'binary', op: value.operator, left: lowerArith(value.left), right: lowerArith(value.right) };
    }
    throw new Error(`Unexpected expression ${value.$type}`);
}
