/** What compiling one measure needs to know besides the measure itself. */
import type { ColumnRefIR, ConditionIR, Grain, ProgramIR, ShapeIR } from '@monitor/ir';
import { PlanError } from './sql-text.js';

/** The program, the indicator's grain and its breakdown dimensions. */
export interface MeasureContext {
    program: ProgramIR;
    grain: Grain;
    dimensions: string[];
}

/** The column a dimension binds to in a source, or null when the source has no binding for it. */
export function dimensionBinding(program: ProgramIR, dimension: string, source: string): ColumnRefIR | null {
    const dim = program.dimensions.find((d) => d.name === dimension);
    if (!dim) throw new PlanError(`There is no dimension named ${JSON.stringify(dimension)}.`);
    return dim.bindings.find((b) => b.source === source)?.column ?? null;
}

/** The `where` of a dimension's binding in a source: rows outside it are in no cell. Null when there is none. */
export function dimensionFilter(program: ProgramIR, dimension: string, source: string): ConditionIR | null {
    return program.dimensions.find((d) => d.name === dimension)?.bindings.find((b) => b.source === source)?.filter ?? null;
}

/** The dimensions of `dimensions` that `source` binds, in order. */
export function boundDimensions(program: ProgramIR, dimensions: string[], source: string): string[] {
    return dimensions.filter((d) => dimensionBinding(program, d, source) !== null);
}

/** The date column that places a row of an events or snapshot source in time. */
export function dateColumn(shape: ShapeIR): string | null {
    return shape.kind === 'events' || shape.kind === 'snapshot' ? shape.date : null;
}

/** The key column of a source (client, case), if its shape has one. */
export function keyColumn(shape: ShapeIR): string | null {
    return shape.kind === 'snapshot' ? null : shape.key;
}
