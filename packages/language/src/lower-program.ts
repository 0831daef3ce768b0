/**
 * Lowering: a validated AST (the main file and what it imports) → ProgramIR, plain JSON.
 * Invariant: when validation reports no errors, lowering does not throw.
 */
import { GrammarUtils } from 'langium';
import {
    cellKeyDefaultVariance,
    type DimensionIR, type Grain, type IndicatorIR, type IndicatorValueIR, type MonitorIR, type NoteIR, type PrivacyIR,
    type ProgramIR, type ReferenceIR, type ShapeIR, type SourceIR, type TargetIR, type ColumnType,
} from '@monitor/ir';
import {
    isDimension, isEpisodesShape, isEventsShape, isIndicator, isMeasure, isMonitorDecl, isNote, isRate,
    isReference, isSnapshotShape, isSource, isTarget,
    type Dimension, type Indicator, type Model, type MonitorDecl, type Note, type Privacy, type Reference, type Source, type Target,
} from './generated/ast.js';
import { lowerArith, lowerColumnRef, lowerCondition, lowerMeasure, spanOf } from './lower-values.js';

/** Collapses the line breaks and indentation of a multi-line string into single spaces. */
function prose(text: string | undefined): string | null {
    return text === undefined ? null : text.replace(/\s+/g, ' ').trim();
}

function lowerMonitor(decl: MonitorDecl | undefined, uri: string): MonitorIR {
    const grain = (decl?.grain ?? 'quarter') as Grain;
    return {
        name: decl?.name ?? 'monitor',
        title: prose(decl?.title),
        owner: prose(decl?.owner),
        description: prose(decl?.description),
        grain,
        range: { from: String(decl?.from ?? ''), to: String(decl?.to ?? decl?.from ?? '') },
        privacy: decl?.privacy ? lowerPrivacy(decl.privacy) : null,
        span: decl ? spanOf(decl) : { uri, offset: 0, length: 0 },
    };
}

function lowerPrivacy(privacy: Privacy): PrivacyIR {
    const out: PrivacyIR = { minimum: privacy.minimum ?? 0, round: privacy.round ?? 1 };
    const p = privacy.perturb;
    // Only present when written, so the IR of a monitor without perturbation stays as it was.
    if (p) {
        const d = p.maxDeviation ?? 0;
        out.perturb = { method: 'cellkey', maxDeviation: d, variance: p.variance ?? cellKeyDefaultVariance(d), span: spanOf(p) };
    }
    return out;
}

function lowerShape(source: Source): ShapeIR {
    const shape = source.shape;
    if (isEventsShape(shape)) return { kind: 'events', date: shape.date.$refText, key: shape.key?.$refText ?? null };
    if (isEpisodesShape(shape)) return { kind: 'episodes', start: shape.start.$refText, end: shape.end.$refText, key: shape.key.$refText };
    if (isSnapshotShape(shape)) {
        const unit = shape.validUnit?.replace(/s?$/, 's') as 'days' | 'months' | 'years' | undefined;
        return { kind: 'snapshot', date: shape.date.$refText, valid: shape.validFor && unit ? { amount: shape.validFor, unit } : null };
    }
    return { kind: 'table', key: shape?.key?.$refText ?? null };
}

function lowerSource(source: Source, uri: string): SourceIR {
    return {
        name: source.name,
        path: source.path,
        declaredIn: uri,
        format: (source.format ?? (/\.parquet$/i.test(source.path) ? 'parquet' : /\.json$/i.test(source.path) ? 'json' : 'csv')) as SourceIR['format'],
        csv: {
            delimiter: source.delimiter ?? ',',
            decimalComma: source.decimal === 'comma',
            header: source.header ?? true,
            nulls: source.nulls,
            dateFormat: source.dateFormat ?? null,
        },
        columns: source.columns.map(c => ({ name: c.name, type: c.type as ColumnType, nullable: c.optional, span: spanOf(c) })),
        shape: lowerShape(source),
        status: source.status?.$refText ?? null,
        coverage: source.coverageFrom && source.coverageTo ? { from: source.coverageFrom, to: source.coverageTo } : null,
        span: spanOf(source),
        pathSpan: pathSpanOf(source),
    };
}

function pathSpanOf(source: Source) {
    const node = GrammarUtils.findNodeForProperty(source.$cstNode, 'path');
    const span = spanOf(source);
    return node ? { ...span, offset: node.offset, length: node.length } : span;
}

function lowerDimension(dimension: Dimension): DimensionIR {
    return {
        name: dimension.name,
        title: prose(dimension.title),
        // `filter` only when written, so the IR of a binding without `where` stays as it was.
        bindings: dimension.bindings.map(b => ({
            source: b.source.$refText, column: lowerColumnRef(b.column), ...(b.where ? { filter: lowerCondition(b.where) } : {}),
        })),
        mapping: dimension.mapping ? {
            table: dimension.mapping.table.$refText,
            from: dimension.mapping.from.$refText,
            to: dimension.mapping.to.$refText,
            since: dimension.mapping.since ?? null,
        } : null,
        span: spanOf(dimension),
    };
}

function lowerValue(indicator: Indicator): IndicatorValueIR {
    const value = indicator.value!;
    if (isMeasure(value)) return { kind: 'measure', measure: lowerMeasure(value) };
    if (isRate(value)) {
        return {
            kind: 'rate', numerator: lowerMeasure(value.numerator), denominator: lowerMeasure(value.denominator),
            scale: value.percent ? 100 : (value.scale ?? 1), percent: value.percent,
        };
    }
    return { kind: 'expression', expression: lowerArith(value) };
}

function lowerTarget(target: Target): TargetIR {
    return {
        baseline: target.baseline !== undefined ? String(target.baseline) : null,
        points: target.points.map(p => ({
            period: String(p.period),
            kind: p.direction ? 'direction' : p.relative !== undefined ? 'relative' : 'absolute',
            op: (p.operator ?? null) as '<=' | '>=' | '=' | null,
            value: p.relative ?? p.value ?? null,
            direction: (p.direction ?? null) as 'up' | 'down' | null,
            span: spanOf(p),
        })),
        tolerance: target.tolerance !== undefined ? { value: target.tolerance, relative: target.percent } : null,
        span: spanOf(target),
    };
}

function lowerReference(reference: Reference): ReferenceIR {
    return {
        series: reference.series,
        source: reference.source.$refText,
        filter: reference.where ? lowerCondition(reference.where) : null,
        value: lowerColumnRef(reference.value),
        unit: prose(reference.unit),
        span: spanOf(reference),
    };
}

function lowerNote(note: Note): NoteIR {
    return { date: note.date, text: note.text, indicator: note.indicator?.$refText ?? null, span: spanOf(note) };
}

/** One model with the URI of its document. */
export interface LoweringInput {
    uri: string;
    model: Model;
}

/**
 * Lowers the main model and the models it imports (main first) into one program.
 * Indicators, targets, references and notes come from the main file; sources and dimensions from all.
 */
export function lowerProgram(main: LoweringInput, imported: LoweringInput[] = []): ProgramIR {
    const all = [main, ...imported];
    const elements = all.flatMap(m => m.model.elements.map(e => ({ e, uri: m.uri })));
    const header = elements.find(x => isMonitorDecl(x.e));
    const monitor = lowerMonitor(header?.e as MonitorDecl | undefined, main.uri);
    const targets = main.model.elements.filter(isTarget);
    const references = main.model.elements.filter(isReference);
    const indicators = main.model.elements.filter(isIndicator).map((indicator): IndicatorIR => {
        const target = targets.find(t => t.indicator.$refText === indicator.name);
        return {
            name: indicator.name,
            title: prose(indicator.title),
            description: prose(indicator.description),
            unit: prose(indicator.unit),
            grain: (indicator.grain ?? monitor.grain) as Grain,
            desired: (indicator.desired ?? null) as 'up' | 'down' | null,
            by: indicator.by.map(b => b.$refText),
            value: lowerValue(indicator),
            target: target ? lowerTarget(target) : null,
            references: references.filter(r => r.indicator.$refText === indicator.name).map(lowerReference),
            span: spanOf(indicator),
        };
    });
    return {
        monitor,
        sources: elements.filter(x => isSource(x.e)).map(x => lowerSource(x.e as Source, x.uri)),
        dimensions: elements.filter(x => isDimension(x.e)).map(x => lowerDimension(x.e as Dimension)),
        indicators,
        notes: main.model.elements.filter(isNote).map(lowerNote),
    };
}
