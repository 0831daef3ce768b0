/** Meaning-stage checks on the social-domain constructs: dimension mappings, references, transition shares, stacking. */
import { formatPeriod, isValidDate, periodEnd, periodStart } from '@monitor/ir';
import { AstUtils, CstUtils, GrammarAST, type ValidationAcceptor } from 'langium';
import {
    isEnded, isMeasure, isRate, isReference, isTableShape, isTransitionAggregation, isCountAggregation,
    type Dimension, type DimensionMapping, type DimensionNames, type Levels, type Indicator, type TransitionAggregation, type Measure, type Model, type Reference,
} from './generated/ast.js';
import { checkDuplicateProperties, checkPeriod, report } from './check-structure.js';
import { columnTypeOf } from './check-measures.js';
import { monitorRange } from './check-indicators.js';
import { message } from './messages.js';

/** Collapses whitespace and case, so "per 1.000  jongeren" and "Per 1.000 jongeren" are one unit. */
function normalUnit(unit: string): string {
    return unit.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A mapping translates codes through a lookup table: it must be a `table` source, with a real date for `since`. */
export function checkDimensionMapping(mapping: DimensionMapping, accept: ValidationAcceptor): void {
    const table = mapping.table?.ref;
    if (table && !isTableShape(table.shape)) {
        report(accept, 'error', 'mapping-needs-table', { source: table.name }, mapping, 'table');
    }
    if (mapping.since && !isValidDate(mapping.since)) report(accept, 'error', 'invalid-date', { date: mapping.since }, mapping, 'since');
    if (mapping.from?.ref && mapping.from.ref === mapping.to?.ref) {
        report(accept, 'warning', 'mapping-same-column', { name: mapping.from.$refText }, mapping, 'to');
    }
}

/** `names via table.field` reads a name per code: the table must be a `table key <code>` source. */
export function checkDimensionNames(names: DimensionNames, accept: ValidationAcceptor): void {
    const table = names.table?.ref;
    if (table && (!isTableShape(table.shape) || !table.shape.key)) {
        report(accept, 'error', 'names-needs-table', { source: table.name }, names, 'table');
    }
}

/** A dimension says its title, mapping and names once each; a second one would silently replace the first. */
export function checkDimension(dimension: Dimension, accept: ValidationAcceptor): void {
    checkDuplicateProperties(dimension, ['title'], accept);
    dimension.knownChanges.forEach((date, i) => {
        if (!isValidDate(date)) report(accept, 'error', 'invalid-date', { date }, dimension, 'knownChanges', i);
    });
    // The AST keeps only the last `map`/`names`, so count their keywords in the text.
    const rules: Record<string, string> = { map: 'DimensionMapping', names: 'DimensionNames' };
    for (const [keyword, rule] of Object.entries(rules)) {
        const parts = dimension.$cstNode ? CstUtils.streamCst(dimension.$cstNode)
            .filter((n) => n.text === keyword && GrammarAST.isKeyword(n.grammarSource)
                && AstUtils.getContainerOfType(n.grammarSource, GrammarAST.isParserRule)?.name === rule).toArray() : [];
        for (const extra of parts.slice(1)) {
            accept('warning', message('duplicate-property', { name: keyword }), { node: dimension, range: extra.range, code: 'duplicate-property', data: { code: 'duplicate-property' } });
        }
    }
}

/** `levels col { total "…" cells "…" }`: without a total value no row can hold the total. */
export function checkLevels(levels: Levels, accept: ValidationAcceptor): void {
    if (levels.total === undefined) report(accept, 'error', 'levels-needs-total', { name: levels.column?.$refText ?? '' }, levels, 'column');
    else if (levels.total === levels.cells) report(accept, 'error', 'levels-same-value', { value: levels.total }, levels, 'cells');
    checkDuplicateProperties(levels, ['total', 'cells'], accept);
}

/** A reference is compared with the indicator on one axis: its series name and unit must fit. */
export function checkReference(reference: Reference, accept: ValidationAcceptor): void {
    if (reference.series?.trim().toLowerCase() === 'actual') {
        report(accept, 'error', 'reference-series-reserved', {}, reference, 'series');
    }
    const own = reference.indicator?.ref?.unit;
    if (reference.unit !== undefined && own !== undefined && normalUnit(reference.unit) !== normalUnit(own)) {
        report(accept, 'error', 'reference-unit-mismatch', {
            series: reference.series, unit: reference.unit, name: reference.indicator.$refText, own,
        }, reference, 'unit');
    }
    // A reference series is the average of its value column per period: it must hold numbers.
    const valueRef = reference.value;
    const type = valueRef && columnTypeOf(valueRef);
    if (valueRef && type && type !== 'integer' && type !== 'decimal') {
        report(accept, 'error', 'column-not-numeric', { fn: 'value', name: (valueRef.lookup ? valueRef.field?.$refText : valueRef.column?.$refText) ?? '', type }, reference, 'value');
    }
    const period = reference.period !== undefined ? checkPeriod(String(reference.period), reference, 'period', accept) : undefined;
    const range = period ? monitorRange(reference) : undefined;
    if (period && range && (periodEnd(period) < periodStart(range[0]) || periodStart(period) > periodEnd(range[1]))) {
        report(accept, 'warning', 'reference-period-outside-range', {
            series: reference.series, label: String(reference.period), from: formatPeriod(range[0]), to: formatPeriod(range[1]),
        }, reference, 'period');
    }
    const rate = reference.rate;
    if (!rate) return;
    for (const property of ['numerator', 'denominator'] as const) {
        const type = rate[property] && columnTypeOf(rate[property]);
        if (type && type !== 'integer' && type !== 'decimal') {
            const name = rate[property].lookup ? rate[property].field?.$refText : rate[property].column?.$refText;
            report(accept, 'error', 'column-not-numeric', { fn: 'sum', name: name ?? '', type }, rate, property);
        }
    }
    // A rate is compared with the indicator on one axis: it must be a rate of the same scale.
    // An expression may compute a rate by hand: only a measure or a rate of another factor is a mismatch.
    const value = reference.indicator?.ref?.value;
    const factor = (r: { percent: boolean; scale?: number }) => (r.percent ? 100 : (r.scale ?? 1));
    const words = (r: { percent: boolean; scale?: number }) => (r.percent ? 'percent' : `per ${r.scale ?? 1}`);
    const ownScale = isRate(value) ? (factor(value) === factor(rate) ? null : words(value)) : isMeasure(value) ? 'measure' : null;
    const scale = words(rate);
    if (ownScale !== null) {
        report(accept, 'error', 'reference-rate-mismatch', {
            series: reference.series, scale, name: reference.indicator.$refText, own: ownScale === 'measure' ? 'no rate' : ownScale,
        }, rate, rate.percent ? 'percent' : 'scale');
    }
}

/** Two references of one indicator with the same series name would draw as one line. */
export function checkReferenceSeries(model: Model, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const reference of model.elements.filter(isReference)) {
        const key = JSON.stringify([reference.indicator?.$refText, reference.series]);
        if (seen.has(key)) report(accept, 'error', 'reference-series-duplicate', { series: reference.series, name: reference.indicator?.$refText ?? '' }, reference, 'series');
        seen.add(key);
    }
}

/** The text of a measure's `where`, without layout, to compare two filters. */
function whereText(measure: Measure): string {
    return (measure.where?.$cstNode?.text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The share form of a transition (`transitions from bw where A … percent of count from bw ended where A`)
 * only means "share of A-episodes ended in the period" when the denominator counts exactly those.
 */
export function checkTransitionShare(indicator: Indicator, accept: ValidationAcceptor): void {
    const value = indicator.value;
    if (!isRate(value) || !isMeasure(value.numerator) || !isTransitionAggregation(value.numerator.aggregation)) return;
    const num = value.numerator;
    const den = value.denominator;
    if (!den?.aggregation) return; // an incomplete rate is a syntax error already
    const transitions = num.aggregation as TransitionAggregation;
    const sameKind = isCountAggregation(den.aggregation) && den.aggregation.distinct === transitions.distinct;
    const fits = sameKind && den.source?.ref === num.source?.ref && isEnded(den.time) && whereText(den) === whereText(num);
    if (!fits) report(accept, 'warning', 'transition-share-denominator', { source: num.source?.$refText ?? '' }, value, 'denominator');
}

/** `having distinct x >= 1` holds for every key: stacking starts at two. */
export function checkStackingMinimum(measure: Measure, accept: ValidationAcceptor): void {
    if (measure.havingMin !== undefined && measure.havingMin < 2) {
        report(accept, 'warning', 'stacking-min-too-low', { min: measure.havingMin }, measure, 'havingMin');
    }
}
