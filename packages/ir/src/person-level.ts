/**
 * Which sources hold data about individual people, and which measures count people: the rules that
 * validation, the compiler (cell keys) and disclosure control share (engine measure-disclosure.ts).
 */
import type { MeasureIR, ProgramIR, SourceIR } from './ir.js';

/**
 * Whether one row of the source is about one person (or one of their events or episodes): `events`,
 * `episodes`, and any source declared `one row per person`. Such data needs privacy rules, and
 * non-count values over it fall under the contributor and dominance rules.
 */
export function personLevel(source: Pick<SourceIR, 'shape' | 'perPerson'>): boolean {
    return source.shape.kind === 'events' || source.shape.kind === 'episodes' || source.perPerson === true;
}

function sourceOf(program: ProgramIR, m: MeasureIR): SourceIR | undefined {
    return program.sources.find((s) => s.name === m.source);
}

/** The declared type of the aggregated column (through its lookup table when it has one), and whether it holds counts. */
function columnOf(program: ProgramIR, m: MeasureIR): { type: string; counts: boolean } | null {
    if (!m.column) return null;
    const table = m.column.lookup ? program.sources.find((s) => s.name === m.column!.lookup!.source) : sourceOf(program, m);
    const name = m.column.lookup ? m.column.lookup.field : m.column.column;
    const column = table?.columns.find((c) => c.name === name);
    return column ? { type: column.type, counts: column.counts === true } : null;
}

/** Whether the measure aggregates person-level rows (events, episodes, `one row per person`). */
export function overPersons(program: ProgramIR, m: MeasureIR): boolean {
    const source = sourceOf(program, m);
    return source !== undefined && personLevel(source);
}

/** Whether a whole-number column over person-level rows is aggregated (a flag or a small count). */
export function wholeOverPersons(program: ProgramIR, m: MeasureIR): boolean {
    const column = columnOf(program, m);
    return !m.duration && column !== null && (column.type === 'integer' || column.type === 'boolean') && overPersons(program, m);
}

/**
 * Whether the measure's value is a count under disclosure control: `count`, `count distinct`,
 * `transitions`, stacking; a `sum` of a column declared `integer count`; and a `sum` of an integer or
 * boolean column over person-level rows (a sum of a 0/1 flag is the number of flagged people).
 */
export function countLike(program: ProgramIR, m: MeasureIR): boolean {
    if (m.isCount) return true;
    if (m.aggregate !== 'sum') return false;
    return columnOf(program, m)?.counts === true || wholeOverPersons(program, m);
}

