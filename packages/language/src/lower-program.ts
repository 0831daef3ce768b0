/**
 * Lowering: a validated AST (the main file and what it imports) → ProgramIR, plain JSON.
 * Invariant: when validation reports no errors, lowering does not throw.
 */
import { GrammarUtils } from 'langium';
import {
    cellKeyDefaultVariance,
    type DimensionIR, type Grain, type IndicatorIR, type IndicatorValueIR, type MonitorIR, type NoteIR, type PrivacyIR,
    type ProgramIR, type TableRefIR, type ReferenceIR, type ShapeIR, type SourceIR, type TargetIR, type ColumnType, type DecimalsContext,
    type PerturbationIR,
} from '@monitor/ir';
import { defaultDecimals, MAX_DECIMALS } from '@monitor/ir';
import {
    isDimension, isEpisodesShape, isEventsShape, isIndicator, isMeasure, isMonitorDecl, isNote, isRate,
    isReference, isSnapshotShape, isSource, isTarget,
    type Dimension, type Indicator, type Model, type MonitorDecl, type Note, type Perturbation, type Privacy, type Reference, type Source, type Target,
} from './generated/ast.js';
import { lowerColumnExpression } from './column-expression.js';
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
        privacy: lowerPrivacy(decl?.privacy),
        ...(decl?.privacy?.none ? { privacyNone: decl.privacy.reason ?? '' } : {}),
        span: decl ? spanOf(decl) : { uri, offset: 0, length: 0 },
    };
}

/**
 * The privacy rules; null for no block and for `privacy none`. A block without `minimum` is an error
 * (`privacy-minimum-missing`); should it reach here, it gets the safe 10, never 0.
 */
function lowerPrivacy(privacy: Privacy | undefined): PrivacyIR | null {
    if (!privacy || privacy.none) return null;
    const round = privacy.round ?? 1;
    return {
        minimum: privacy.minimum ?? Math.max(10, round), round,
        ...(privacy.denominator !== undefined ? { denominator: privacy.denominator } : {}),
        ...(privacy.dominance !== undefined ? { dominance: privacy.dominance } : {}),
        // Only present when written, so the IR of a monitor without perturbation stays as it was.
        ...(privacy.perturb ? { perturb: lowerPerturbation(privacy.perturb) } : {}),
    };
}

/** `perturb cellkey max D [variance V]`; the variance defaults from the maximum deviation. */
function lowerPerturbation(p: Perturbation): PerturbationIR {
    const d = p.maxDeviation ?? 0;
    return { method: 'cellkey', maxDeviation: d, variance: p.variance ?? cellKeyDefaultVariance(d), span: spanOf(p) };
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
        // `trim` and `expression` only when written, so the IR of a plain column stays as it was.
        columns: source.columns.map(c => ({
            name: c.name, type: c.type as ColumnType, nullable: c.optional, ...(c.counts ? { counts: true } : {}), span: spanOf(c),
            ...((c.trim || source.trim) && c.type === 'text' && !c.expression ? { trim: true } : {}),
            ...(c.expression ? { expression: lowerColumnExpression(c.expression) } : {}),
        })),
        shape: lowerShape(source),
        status: source.status?.$refText ?? null,
        coverage: source.coverageFrom && source.coverageTo ? { from: source.coverageFrom, to: source.coverageTo } : null,
        ...(source.perPerson ? { perPerson: true } : {}),
        span: spanOf(source),
        pathSpan: pathSpanOf(source),
        // Only for a table source, so the IR of a file source stays as it was.
        ...(source.table ? { table: tableRef(source.path) } : {}),
        ...(source.knownChanges.length > 0 ? { knownChanges: [...source.knownChanges] } : {}),
        // Only when written, so the IR of a source without levels stays as it was.
        ...(source.levels?.column && source.levels.total !== undefined ? {
            levels: { column: source.levels.column.$refText, total: source.levels.total, cells: source.levels.cells ?? null, span: spanOf(source.levels) },
        } : {}),
    };
}

/** `"schema.name"` or `"name"` as a table reference; the check of the name is validation's (`table-name-invalid`). */
export function tableRef(text: string): TableRefIR {
    const dot = text.indexOf('.');
    return dot < 0 ? { schema: null, name: text } : { schema: text.slice(0, dot), name: text.slice(dot + 1) };
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
        ...(dimension.knownChanges.length > 0 ? { knownChanges: [...dimension.knownChanges] } : {}),
        ...(dimension.names ? { names: { table: dimension.names.table.$refText, field: dimension.names.field.$refText } } : {}),
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
    const rate = reference.rate;
    return {
        series: reference.series,
        source: reference.source.$refText,
        filter: reference.where ? lowerCondition(reference.where) : null,
        value: lowerColumnRef(rate ? rate.numerator : reference.value!),
        // `rate` and `period` only when written, so the IR of a plain reference stays as it was.
        ...(rate ? { rate: {
            numerator: lowerColumnRef(rate.numerator), denominator: lowerColumnRef(rate.denominator),
            scale: rate.percent ? 100 : (rate.scale ?? 1), percent: rate.percent,
        } } : {}),
        ...(reference.period !== undefined ? { period: String(reference.period) } : {}),
        unit: prose(reference.unit),
        span: spanOf(reference),
    };
}

/** Fills each indicator's `decimals`: declared, or the default by kind (an expression after its parts). */
function resolveDecimals(indicators: IndicatorIR[], declared: Map<string, number>, sources: SourceIR[]): void {
    const byName = new Map(indicators.map(i => [i.name, i]));
    const busy = new Set<string>();
    const context: DecimalsContext = {
        columnType: (source, column) => sources.find(s => s.name === source)?.columns.find(c => c.name === column)?.type ?? null,
        decimalsOf: name => {
            const indicator = byName.get(name);
            if (!indicator || busy.has(name)) return 2; // unknown or cyclic: reported by validation
            if (indicator.decimals === undefined) {
                busy.add(name);
                indicator.decimals = declared.get(name) ?? defaultDecimals(indicator.value, context);
                busy.delete(name);
            }
            return indicator.decimals;
        },
    };
    for (const indicator of indicators) context.decimalsOf(indicator.name);
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
            decimals: undefined, // set below, once every indicator is known (an expression uses its parts')
            span: spanOf(indicator),
        };
    });
    const sources = elements.filter(x => isSource(x.e)).map(x => lowerSource(x.e as Source, x.uri));
    const declared = new Map(main.model.elements.filter(isIndicator).filter(i => i.decimals !== undefined)
        .map(i => [i.name, Math.min(i.decimals!, MAX_DECIMALS)]));
    resolveDecimals(indicators, declared, sources);
    return {
        monitor,
        sources,
        dimensions: elements.filter(x => isDimension(x.e)).map(x => lowerDimension(x.e as Dimension)),
        indicators,
        notes: main.model.elements.filter(isNote).map(lowerNote),
    };
}
