/**
 * Reads every published row into the cell table. Two indicators that publish the same count meet in
 * one cell: a count and a rate whose numerator or denominator it is, a breakdown and a plain total,
 * and a "focus" indicator whose filter selects one breakdown value (`where wijk = "B"` is the cell
 * wijk=B of the same measure without that condition).
 */
import type { ConditionIR, IndicatorIR, MeasureIR, ProgramIR, ResultRow } from '@monitor/ir';
import { CellTable, nameDimension, type Additivity, type Coords, type MeasureInfo } from './cell-table.js';

/** A measure the audit counts with: counts of rows or keys, and sums of an integer column. */
export function countLike(program: ProgramIR, m: MeasureIR): boolean {
    if (m.isCount) return true;
    if (m.aggregate !== 'sum' || !m.column || m.column.lookup || m.duration) return false;
    const column = program.sources.find((s) => s.name === m.source)?.columns.find((c) => c.name === m.column!.column);
    return column?.type === 'integer' || column?.type === 'boolean';
}

/** The count parts an indicator publishes. */
export function countParts(program: ProgramIR, indicator: IndicatorIR): ['numerator' | 'denominator', MeasureIR][] {
    const v = indicator.value;
    if (v.kind === 'measure') return countLike(program, v.measure) ? [['numerator', v.measure]] : [];
    if (v.kind !== 'rate') return [];
    const out: ['numerator' | 'denominator', MeasureIR][] = [];
    if (countLike(program, v.numerator)) out.push(['numerator', v.numerator]);
    if (countLike(program, v.denominator)) out.push(['denominator', v.denominator]);
    return out;
}

/** The conditions of a filter joined by `and`. */
export function conjuncts(c: ConditionIR | null): ConditionIR[] {
    if (!c) return [];
    return c.kind === 'and' ? [...conjuncts(c.left), ...conjuncts(c.right)] : [c];
}

function joined(parts: ConditionIR[]): ConditionIR | null {
    return parts.length === 0 ? null : parts.reduce((l, r) => ({ kind: 'and', left: l, right: r }));
}

/** Where a source file lives: two monitors reading one file read the same rows. */
export function sourceIdentity(program: ProgramIR, name: string): string {
    const s = program.sources.find((x) => x.name === name);
    if (!s) return name;
    try { return `${new URL(s.path, s.declaredIn).href}|${s.shape.kind}`; } catch { return `${s.declaredIn}|${s.path}|${s.shape.kind}`; }
}

function dimensionIdentity(program: ProgramIR, name: string, source: string): string {
    const d = program.dimensions.find((x) => x.name === name);
    const binding = d?.bindings.find((b) => b.source === source);
    const id = JSON.stringify([name, binding?.column ?? null, binding?.filter ?? null, d?.mapping ?? null]);
    nameDimension(id, name);
    return id;
}

/**
 * Whether a dimension's binding on a source leaves rows outside every cell: only a binding `where`
 * does (rows with no value, or a code a lookup lacks, form a published cell of their own).
 */
function leavesOutside(program: ProgramIR, name: string, source: string): boolean {
    const b = program.dimensions.find((x) => x.name === name)?.bindings.find((x) => x.source === source);
    return Boolean(b?.filter);
}

/** The published cell of rows with no value for a dimension (a null breakdown value). */
export const NO_VALUE = '(no value)';

/** Splits `where … and wijk = "B"` into the measure without it and the cell wijk=B (when wijk binds that column plainly). */
function focus(program: ProgramIR, m: MeasureIR): { base: MeasureIR; coords: Map<string, string> } {
    const coords = new Map<string, string>();
    const rest: ConditionIR[] = [];
    for (const c of conjuncts(m.filter)) {
        let hit = false;
        if (c.kind === 'compare' && c.op === '=') {
            const [col, lit] = c.left.kind === 'column' ? [c.left, c.right] : [c.right, c.left];
            if (col.kind === 'column' && !col.ref.lookup && lit.kind === 'literal' && lit.literal.kind !== 'boolean') {
                const d = program.dimensions.find((x) => !x.mapping && x.bindings.some((b) => b.source === m.source && !b.filter && !b.column.lookup && b.column.column === col.ref.column));
                if (d) {
                    const id = dimensionIdentity(program, d.name, m.source);
                    if (!coords.has(id)) { coords.set(id, String(lit.literal.value)); hit = true; }
                }
            }
        }
        if (!hit) rest.push(c);
    }
    return { base: { ...m, filter: joined(rest) }, coords };
}

function additivity(m: MeasureIR): Additivity {
    if (m.having) return 'monotone';
    return m.aggregate === 'count-distinct' ? 'subadditive' : 'sum';
}

/** The audit's view of a measure (spans left out: two spellings of one count are one count). */
export function measureInfo(program: ProgramIR, m: MeasureIR, label: string): MeasureInfo {
    const body = { ...m, span: undefined, isCount: undefined, source: sourceIdentity(program, m.source) };
    const key = JSON.stringify(body);
    const timeless = JSON.stringify({ ...body, time: undefined });
    return { key, additivity: additivity(m), timeless, time: m.time, label, monitor: program.monitor.name };
}

/** The interval a published count stands for: rounded to `round` (halves up), true ∈ [v − b/2, v + b/2), integers. */
export function roundedInterval(value: number, round: number, integer: boolean): { low: number; high: number } {
    if (round <= 1) return { low: value, high: value };
    if (!integer) return { low: value - round / 2, high: value + round / 2 };
    return { low: Math.ceil(value - round / 2), high: Math.ceil(value + round / 2) - 1 };
}

/** The cell a row publishes for one measure: the measure without a focus condition, and the row's breakdown values. */
export function locate(program: ProgramIR, measure: MeasureIR, row: ResultRow, label: string): { info: MeasureInfo; coords: Coords } | null {
    const { base, coords: focused } = focus(program, measure);
    const coords: Coords = new Map(focused);
    for (const [d, raw] of Object.entries(row.dimensions)) {
        // A total row has no dimension fields; a cell row has all, null for rows with no value.
        if (raw === undefined) continue;
        // A measure whose source lacks the dimension has the total's value in every cell.
        if (!program.dimensions.find((x) => x.name === d)?.bindings.some((b) => b.source === measure.source)) continue;
        const v = raw ?? NO_VALUE;
        const id = dimensionIdentity(program, d, measure.source);
        if (coords.has(id) && coords.get(id) !== v) return null;
        coords.set(id, v);
    }
    return { info: measureInfo(program, base, label), coords };
}

/** Puts one monitor's published rows into the table. */
export function collectCells(table: CellTable, program: ProgramIR, rows: ResultRow[]): void {
    const round = program.monitor.privacy?.round ?? 1;
    for (const indicator of program.indicators) {
        for (const [part, measure] of countParts(program, indicator)) {
            for (const d of indicator.by) if (leavesOutside(program, d, measure.source)) table.withOutside.add(dimensionIdentity(program, d, measure.source));
            for (const r of rows) {
                if (r.indicator !== indicator.name || r.series !== 'actual') continue;
                const where = Object.entries(r.dimensions).filter(([, v]) => v !== undefined).map(([d, v]) => `${d}=${v ?? NO_VALUE}`).join(', ');
                const label = `${indicator.name}${part === 'denominator' ? ' (denominator)' : ''} ${r.period}${where ? ` ${where}` : ''}`;
                const at = locate(program, measure, r, indicator.name);
                if (!at) continue;
                const cell = table.cell(at.info, r.period, at.coords, label);
                const value = r[part];
                const shown = !r.suppressed && value !== null ? roundedInterval(value, measure.isCount ? round : 1, true) : null;
                table.publish(cell, shown, r.suppressed, label);
            }
        }
    }
}
