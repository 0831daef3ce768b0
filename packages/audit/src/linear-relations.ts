/**
 * The linear relations a reader knows between cells, from the definitions alone:
 * - a breakdown: the cell without dimension d = the sum of its cells over every value of d, plus the
 *   rows outside d's binding (`where`, no value) — for every combination, so a 2-D breakdown ties to
 *   its 1-D margins and to the total (counts of keys: the total is at most the sum, at least each cell;
 *   stacking: at least each cell);
 * - periods across grains: for a flow (events, started, ended) a year is the sum of its quarters or
 *   months; for a stock (active at end) a year equals its last quarter or month (same day);
 * - the stock/flow identity of episodes: stock(P) = stock(P−1) + started(P) − ended(P) + e(P) − e(P−1),
 *   where e(P), the episodes that end on P's last day (still active that day), is unknown, 0 ≤ e ≤ ended.
 * Each relation is Σ coefficient × cell (= or ≤) 0.
 */
import { parsePeriod, periodsIn, type Grain } from '@monitor/ir';
import { CellTable, OUTSIDE, type Cell } from './cell-table.js';

/** One linear relation over cells: Σ coefficient × value (`=` or `<=`) 0. */
export interface Relation {
    terms: [number, number][];
    op: '=' | '<=';
}

const GRAINS: Grain[] = ['month', 'quarter', 'half-year', 'year'];
const FLOW = new Set(['event', 'started', 'ended']);

function whole(parent: Cell, children: Cell[], relations: Relation[]): void {
    const kind = parent.measure.additivity;
    if (kind === 'sum') relations.push({ terms: [[parent.id, 1], ...children.map((c): [number, number] => [c.id, -1])], op: '=' });
    if (kind === 'subadditive') relations.push({ terms: [[parent.id, 1], ...children.map((c): [number, number] => [c.id, -1])], op: '<=' });
    if (kind !== 'sum') for (const c of children) relations.push({ terms: [[c.id, 1], [parent.id, -1]], op: '<=' });
}

/** Breakdown relations, creating the parent and sibling cells they need. */
function breakdowns(table: CellTable, relations: Relation[]): void {
    const done = new Set<string>();
    for (let i = 0; i < table.cells.length; i++) {
        const cell = table.cells[i];
        if (cell.helper) continue;
        for (const d of cell.coords.keys()) {
            const parentCoords = new Map(cell.coords);
            parentCoords.delete(d);
            const key = JSON.stringify([CellTable.keyOf(cell.measure.key, cell.period, parentCoords), d]);
            if (done.has(key)) continue;
            done.add(key);
            const parent = table.cell(cell.measure, cell.period, parentCoords);
            const values: (string | null)[] = [...table.valuesOf(cell.measure.key, d)];
            if (table.withOutside.has(d)) values.push(OUTSIDE);
            const children = values.map((v) => table.cell(cell.measure, cell.period, new Map([...parentCoords, [d, v]])));
            whole(parent, children, relations);
        }
    }
}

/** Relations between grains of one measure and cell: a year of a flow is the sum of its quarters; of a stock, its last quarter. */
function grains(table: CellTable, relations: Relation[]): void {
    const groups = new Map<string, Cell[]>();
    for (const c of [...table.cells]) {
        if (c.helper) continue;
        const k = CellTable.keyOf(c.measure.key, '', c.coords);
        groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    for (const cells of groups.values()) {
        const grainsHere = new Set(cells.map((c) => parsePeriod(c.period)?.grain));
        if (grainsHere.size < 2) continue;
        const m = cells[0].measure;
        const flow = FLOW.has(m.time);
        if (!flow && m.time !== 'active-at-end') continue;
        for (const coarse of cells) {
            const cg = parsePeriod(coarse.period)?.grain;
            if (!cg) continue;
            for (const fine of GRAINS.slice(0, GRAINS.indexOf(cg))) {
                if (!grainsHere.has(fine)) continue;
                const labels = periodsIn(coarse.period, fine).map((p) => formatLabel(p.year, p.index, fine));
                if (flow) whole(coarse, labels.map((l) => table.cell(m, l, coarse.coords)), relations);
                else {
                    const last = table.get(m.key, labels[labels.length - 1], coarse.coords);
                    if (last) relations.push({ terms: [[coarse.id, 1], [last.id, -1]], op: '=' });
                }
            }
        }
    }
}

function formatLabel(year: number, index: number, grain: Grain): string {
    if (grain === 'year') return String(year);
    if (grain === 'half-year') return `${year}-H${index}`;
    if (grain === 'quarter') return `${year}-Q${index}`;
    return `${year}-${String(index).padStart(2, '0')}`;
}

function previous(label: string): string | null {
    const p = parsePeriod(label);
    if (!p) return null;
    const n = { year: 1, 'half-year': 2, quarter: 4, month: 12 }[p.grain];
    return p.index > 1 ? formatLabel(p.year, p.index - 1, p.grain) : formatLabel(p.year - 1, n, p.grain);
}

/** The stock/flow identity for plain counts of episodes with the same filter and cell. */
function stockFlow(table: CellTable, relations: Relation[]): void {
    const find = (timeless: string | null, time: string) => table.cells.filter((c) => !c.helper && c.measure.timeless === timeless && c.measure.time === time && c.measure.additivity === 'sum');
    const stocks = table.cells.filter((c) => !c.helper && c.measure.time === 'active-at-end' && c.measure.additivity === 'sum');
    for (const s of stocks) {
        const before = previous(s.period);
        if (!before) continue;
        const at = (time: string, period: string) => find(s.measure.timeless, time).find((c) => c.period === period && CellTable.keyOf('', '', c.coords) === CellTable.keyOf('', '', s.coords));
        const s0 = table.get(s.measure.key, before, s.coords);
        const started = at('started', s.period);
        const ended = at('ended', s.period);
        if (!s0 || !started || !ended) continue;
        const endsOnLastDay = (period: string, stock: Cell, out: Cell | undefined) => {
            const e = table.helper(s.measure, `${period} ${CellTable.keyOf('', '', s.coords)}`, 'ending on the last day of');
            relations.push({ terms: [[e.id, 1], [stock.id, -1]], op: '<=' });
            if (out) relations.push({ terms: [[e.id, 1], [out.id, -1]], op: '<=' });
            return e;
        };
        const e1 = endsOnLastDay(s.period, s, ended);
        const e0 = endsOnLastDay(before, s0, at('ended', before));
        relations.push({ terms: [[s.id, 1], [s0.id, -1], [started.id, -1], [ended.id, 1], [e1.id, -1], [e0.id, 1]], op: '=' });
    }
}

/** Every relation the reader knows among the cells (creating the unpublished cells they mention). */
export function linearRelations(table: CellTable): Relation[] {
    const relations: Relation[] = [];
    grains(table, relations);
    breakdowns(table, relations);
    stockFlow(table, relations);
    return relations;
}
