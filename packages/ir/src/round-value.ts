/**
 * The one rounding rule of every output: CSV, JSON, the HTML report, hover, code lenses and the
 * preview show a number as `roundTo(value, decimals)` with the indicator's `decimals`
 * (docs/language.md, "Numbers as numbers"). No output shows binary float noise (8.899999999999999).
 */
import type { ArithIR, ColumnType, IndicatorIR, IndicatorValueIR, MeasureIR } from './ir.js';
import type { ResultRow } from './rows.js';

/** The most decimals an indicator may declare. */
export const MAX_DECIMALS = 6;

/**
 * Rounds to `decimals` places, halves away from zero (2.25 → 2.3, −2.25 → −2.3), and returns the
 * double nearest to that decimal, so it prints without float noise. The decimal digits are read
 * from the shortest representation first (`toPrecision(15)`), so 1.005 rounds to 1.01, not 1.00.
 */
export function roundTo(value: number, decimals: number): number {
    if (!Number.isFinite(value)) return value;
    const places = Math.max(0, Math.min(MAX_DECIMALS, Math.floor(decimals)));
    const factor = 10 ** places;
    const scaled = Number((Math.abs(value) * factor).toPrecision(15));
    const rounded = Math.round(scaled) / factor;
    // `|| 0` turns −0 into 0: a rounded −0.04 is published as 0.
    return (value < 0 ? -rounded : rounded) || 0;
}

/** What the default decimals of a measure may ask about its source's columns and other indicators. */
export interface DecimalsContext {
    /** The declared type of a source's column, or null when unknown. */
    columnType(source: string, column: string): ColumnType | null;
    /** The decimals of another indicator (an expression's operand). */
    decimalsOf(indicator: string): number;
}

const UNKNOWN: DecimalsContext = { columnType: () => null, decimalsOf: () => 2 };

/** Default decimals of a measure: counts 0, sum/min/max of an integer column 0, of a decimal 2, averages and medians 1. */
export function measureDecimals(measure: MeasureIR, context: DecimalsContext = UNKNOWN): number {
    if (measure.isCount) return 0;
    if (measure.aggregate === 'avg' || measure.aggregate === 'median') return 1;
    const type = measure.column && !measure.column.lookup ? context.columnType(measure.source, measure.column.column) : null;
    return type === 'integer' ? 0 : 2;
}

function literalDecimals(value: number): number {
    const text = String(value);
    return text.includes('.') && !text.includes('e') ? text.length - text.indexOf('.') - 1 : 0;
}

function arithDecimals(e: ArithIR, context: DecimalsContext): { places: number; divides: boolean } {
    if (e.kind === 'number') return { places: literalDecimals(e.value), divides: false };
    if (e.kind === 'indicator') return { places: context.decimalsOf(e.name), divides: false };
    const l = arithDecimals(e.left, context);
    const r = arithDecimals(e.right, context);
    return { places: Math.max(l.places, r.places), divides: l.divides || r.divides || e.op === '/' };
}

/**
 * The default decimals of an indicator's value: a measure by `measureDecimals`; a rate (per N,
 * percent) 1; an expression the most decimals of its parts, at least 1 when it divides.
 */
export function defaultDecimals(value: IndicatorValueIR, context: DecimalsContext = UNKNOWN): number {
    if (value.kind === 'measure') return measureDecimals(value.measure, context);
    if (value.kind === 'rate') return 1;
    const e = arithDecimals(value.expression, context);
    return Math.min(MAX_DECIMALS, e.divides ? Math.max(1, e.places) : e.places);
}

/** The decimals of an indicator's values and targets: declared (`decimals N`) or the default. */
export function indicatorDecimals(indicator: IndicatorIR): number {
    return indicator.decimals ?? defaultDecimals(indicator.value);
}

/** Decimals of a rate's part: a count is whole, any other measure keeps at least two decimals. */
function partDecimals(measure: MeasureIR, decimals: number): number {
    return measure.isCount ? 0 : Math.max(2, decimals);
}

const round = (v: number | null, places: number): number | null => (v === null ? null : roundTo(v, places));

/**
 * A row as published: value and target to the indicator's decimals; a measure's numerator like its
 * value; a rate's parts by `partDecimals`; a reference's parts to at least two decimals.
 */
export function roundRow(row: ResultRow, indicator: IndicatorIR): ResultRow {
    const places = indicatorDecimals(indicator);
    const v = indicator.value;
    let parts: [number, number];
    if (row.series !== 'actual') parts = [Math.max(2, places), Math.max(2, places)];
    else if (v.kind === 'measure') parts = [places, places];
    else if (v.kind === 'rate') parts = [partDecimals(v.numerator, places), partDecimals(v.denominator, places)];
    else parts = [Math.max(2, places), Math.max(2, places)];
    return {
        ...row,
        value: round(row.value, places),
        numerator: round(row.numerator, parts[0]),
        denominator: round(row.denominator, parts[1]),
        target: round(row.target, places),
    };
}
