/** Checks of the meaning stage on measures: time meanings, column types, transitions, stacking, lookups. */
import type { ValidationAcceptor } from 'langium';
import {
    isActiveAtEnd, isActiveDuring, isEnded, isEpisodesShape, isEventsShape, isSnapshotShape, isTableShape,
    isTransitionAggregation, isValueAggregation, isColumnRef, isLiteral,
    isTextLiteral, isNumberLiteral, isDateLiteral, isBooleanLiteral,
    type ColumnRef, type Comparison, type Literal, type Measure, type Operand, type Source, type TimeMeaning,
} from './generated/ast.js';
import { report } from './check-structure.js';

/** A readable name for a source's shape, for messages. */
export function shapeName(source: Source | undefined): string {
    const shape = source?.shape;
    if (isEpisodesShape(shape)) return 'episodes';
    if (isEventsShape(shape)) return 'events';
    if (isSnapshotShape(shape)) return 'snapshot';
    if (isTableShape(shape)) return 'table';
    return 'without shape';
}

function meaningText(time: TimeMeaning): string {
    if (isActiveAtEnd(time)) return 'active at end';
    if (isActiveDuring(time)) return 'active during';
    return isEnded(time) ? 'ended' : 'started';
}

/** The declared type of the column a reference ends in (through a lookup when there is one). */
export function columnTypeOf(ref: ColumnRef): string | undefined {
    return ref.lookup ? ref.field?.ref?.type : ref.column?.ref?.type;
}

/** The name of the column a reference ends in, as written (the looked-up field when there is one). */
function columnNameOf(ref: ColumnRef): string {
    return (ref.lookup ? ref.field?.$refText : ref.column?.$refText) ?? '';
}

export function checkMeasure(measure: Measure, accept: ValidationAcceptor): void {
    const source = measure.source?.ref;
    if (!source) return; // reported in the reference stage
    const shape = shapeName(source);
    const episodes = shape === 'episodes';
    const aggregation = measure.aggregation;
    const transition = isTransitionAggregation(aggregation);
    if (measure.time && !episodes) {
        report(accept, 'error', 'time-meaning-needs-episodes', { meaning: meaningText(measure.time), source: source.name, shape }, measure, 'time');
    }
    if (episodes && !measure.time && !transition) {
        report(accept, 'error', 'episodes-need-time-meaning', { source: source.name }, measure, 'source');
    }
    if (isValueAggregation(aggregation)) {
        if (aggregation.duration && (!episodes || !isEnded(measure.time))) {
            report(accept, 'error', 'duration-needs-ended', {}, aggregation, 'duration');
        }
        const column = aggregation.column;
        const type = column && columnTypeOf(column);
        const numeric = type === 'integer' || type === 'decimal' || (type === 'date' && ['min', 'max'].includes(aggregation.function));
        if (type && !numeric) {
            report(accept, 'error', 'column-not-numeric', { fn: aggregation.function, name: columnNameOf(column), type }, aggregation, 'column');
        }
    }
    if (transition) {
        if (!episodes) report(accept, 'error', 'transition-needs-episodes', { source: source.name, shape }, measure, 'source');
        else if (measure.time && !isEnded(measure.time)) {
            report(accept, 'error', 'transition-time-meaning', { meaning: meaningText(measure.time) }, measure, 'time');
        }
        if (!measure.transitionTo || measure.withinDays === undefined) report(accept, 'error', 'transition-incomplete', {}, aggregation);
    } else if (measure.transitionTo) {
        report(accept, 'error', 'transition-clause-misplaced', {}, measure, 'transitionTo');
    }
    if (measure.havingColumn) {
        if (!episodes) report(accept, 'error', 'stacking-needs-episodes', { source: source.name, shape }, measure, 'havingColumn');
        else if (!isActiveAtEnd(measure.time) && !isActiveDuring(measure.time)) {
            report(accept, 'error', 'stacking-time-meaning', {}, measure, 'time');
        }
    }
}

/** `x via table.field` needs `table` to be a lookup table with a key. */
export function checkColumnRef(ref: ColumnRef, accept: ValidationAcceptor): void {
    const lookup = ref.lookup?.ref;
    if (lookup && !(isTableShape(lookup.shape) && lookup.shape.key)) {
        report(accept, 'error', 'lookup-needs-table-key', { source: lookup.name }, ref, 'lookup');
    }
}

function literalType(literal: Literal): string {
    if (isTextLiteral(literal)) return 'text';
    if (isNumberLiteral(literal)) return 'number';
    if (isDateLiteral(literal)) return 'date';
    return isBooleanLiteral(literal) ? 'boolean' : 'unknown';
}

function columnOf(operand: Operand | undefined): ColumnRef | undefined {
    return operand && isColumnRef(operand.base) ? operand.base : undefined;
}

/** The type an operand compares as: 'number' for integer and decimal, 'date' when shifted; undefined when unknown. */
function operandType(operand: Operand): string | undefined {
    if (operand.shift) return 'date';
    const column = columnOf(operand);
    const type = column ? columnTypeOf(column) : isLiteral(operand.base) ? literalType(operand.base) : undefined;
    return type === 'integer' || type === 'decimal' ? 'number' : type;
}

/** How an operand is written, for messages. */
function operandText(operand: Operand): string {
    const column = columnOf(operand);
    return operand.shift || !column ? (operand.$cstNode?.text ?? '') : columnNameOf(column);
}

/** The declared type of an operand for messages: the column's own type (integer, decimal) where it has one. */
function declaredType(operand: Operand): string {
    const column = columnOf(operand);
    return (!operand.shift && column && columnTypeOf(column)) || operandType(operand) || 'unknown';
}

/**
 * Comparisons are type-checked: both sides, every `in` value and both `between` bounds must have the
 * left side's type (integer and decimal are one type), and only dates can be shifted. A mismatch is an
 * error, because DuckDB would fail on it at run time (a validated file computes without an internal error).
 */
export function checkComparison(comparison: Comparison, accept: ValidationAcceptor): void {
    for (const operand of [comparison.left, comparison.right, comparison.low, comparison.high]) {
        if (!operand?.shift) continue;
        const ref = columnOf(operand);
        const t = ref ? columnTypeOf(ref) : isLiteral(operand.base) ? literalType(operand.base) : undefined;
        if (t && t !== 'date') {
            report(accept, 'error', 'shift-needs-date', { name: ref ? columnNameOf(ref) : (operand.base.$cstNode?.text ?? ''), unit: operand.unit ?? 'days', type: t }, operand, 'shift');
        }
    }
    const left = comparison.left;
    const leftType = left && operandType(left);
    if (!left || !leftType) return;
    for (const literal of comparison.values) {
        if (literalType(literal) !== leftType) reportLiteral(left, literal, accept);
    }
    for (const other of [comparison.right, comparison.low, comparison.high]) {
        const otherType = other && operandType(other);
        if (!other || !otherType || otherType === leftType) continue;
        if (isLiteral(other.base) && !other.shift) reportLiteral(left, other.base, accept);
        else if (isLiteral(left.base) && !left.shift && columnOf(other)) reportLiteral(other, left.base, accept);
        else report(accept, 'error', 'comparison-type-mismatch', {
            left: operandText(left), leftType: declaredType(left), right: operandText(other), rightType: declaredType(other),
        }, other);
    }
}

function reportLiteral(side: Operand, literal: Literal, accept: ValidationAcceptor): void {
    const text = literal.$cstNode?.text ?? String(literal.value);
    report(accept, 'error', 'literal-type-mismatch', { name: operandText(side), type: declaredType(side), literal: text }, literal);
}
