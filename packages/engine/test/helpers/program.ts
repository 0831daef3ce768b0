/** Builds IR by hand for tests: small constructors with sensible defaults. */
import type {
    ColumnIR, ColumnType, DimensionIR, Grain, IndicatorIR, IndicatorValueIR, MeasureIR, ProgramIR, ShapeIR, SourceIR, Span,
} from '@monitor/ir';

/** A span for hand-made IR. */
export const span: Span = { uri: 'test://t.monitor', offset: 0, length: 1 };

/** A declared column; `type?` style nullability via the third argument. */
export function col(name: string, type: ColumnType, nullable = false): ColumnIR {
    return { name, type, nullable, span: { ...span, offset: name.length } };
}

/** A CSV source with `,` delimiter and header unless overridden. */
export function source(name: string, shape: ShapeIR, columns: ColumnIR[], extra: Partial<SourceIR> = {}): SourceIR {
    return {
        name, path: `${name}.csv`, declaredIn: 'test://t.monitor', format: 'csv',
        csv: { delimiter: ',', decimalComma: false, header: true, nulls: [], dateFormat: null, ...extra.csv },
        columns, shape, status: null, coverage: null, span, ...extra,
    };
}

/** A measure; defaults to `count` with no filter. */
export function measure(m: Partial<MeasureIR> & { source: string; time: MeasureIR['time'] }): MeasureIR {
    return {
        aggregate: 'count', column: null, duration: false, filter: null, having: null, transition: null,
        isCount: m.aggregate === undefined || m.aggregate === 'count' || m.aggregate === 'count-distinct', span, ...m,
    };
}

/** An indicator over a value. */
export function indicator(name: string, value: IndicatorValueIR | MeasureIR, extra: Partial<IndicatorIR> = {}): IndicatorIR {
    const v: IndicatorValueIR = 'kind' in value ? value : { kind: 'measure', measure: value };
    return {
        name, title: null, description: null, unit: null, grain: 'quarter', desired: null, by: [],
        value: v, target: null, references: [], span, ...extra,
    };
}

/** A dimension bound to `source.column` pairs. */
export function dimension(name: string, bindings: [string, string][]): DimensionIR {
    return { name, title: null, span, bindings: bindings.map(([s, c]) => ({ source: s, column: { column: c, lookup: null } })) };
}

/** A whole program with a monitor header. */
export function program(p: { sources: SourceIR[]; indicators: IndicatorIR[]; dimensions?: DimensionIR[]; grain?: Grain; range?: [string, string]; privacy?: ProgramIR['monitor']['privacy'] }): ProgramIR {
    return {
        monitor: {
            name: 'test', title: null, owner: null, description: null, grain: p.grain ?? 'quarter',
            range: { from: p.range?.[0] ?? '2023-Q1', to: p.range?.[1] ?? '2024-Q4' }, privacy: p.privacy ?? null, span,
        },
        sources: p.sources, dimensions: p.dimensions ?? [], indicators: p.indicators, notes: [],
    };
}
