/**
 * The reader's bounds on each hidden count: two linear programmes (the τ-ARGUS audit), minimise and
 * maximise the cell subject to every published value (as the interval its rounding leaves) and every
 * relation, all cells ≥ 0. Solved with HiGHS (WebAssembly), one connected group of cells at a time.
 * The published cells that give a bound away are those whose bounds are binding at the optimum
 * (non-zero reduced cost).
 */
import type { Cell } from './cell-table.js';
import type { Relation } from './linear-relations.js';

/** What the reader can prove about one hidden cell. */
export interface CellBounds {
    cell: Cell;
    low: number;
    high: number;
    /** Published cells whose values the bounds rest on. */
    givenBy: Cell[];
}

interface Highs {
    solve(lp: string, options?: Record<string, unknown>): {
        Status: string;
        ObjectiveValue: number;
        Columns: Record<string, { Dual?: number; Status?: string }>;
    };
}

let solver: Promise<Highs> | null = null;

/** HiGHS, loaded once per process. */
async function highs(): Promise<Highs> {
    solver ??= import('highs').then(async (m) => (await (m.default as unknown as () => Promise<Highs>)()));
    return solver;
}

const EPS = 1e-6;

function groups(cells: Cell[], relations: Relation[]): Map<number, { cells: Cell[]; relations: Relation[] }> {
    const parent = cells.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (const r of relations) for (const [id] of r.terms.slice(1)) parent[find(id)] = find(r.terms[0][0]);
    const out = new Map<number, { cells: Cell[]; relations: Relation[] }>();
    for (const c of cells) {
        const g = out.get(find(c.id)) ?? { cells: [], relations: [] };
        g.cells.push(c);
        out.set(find(c.id), g);
    }
    for (const r of relations) out.get(find(r.terms[0][0]))!.relations.push(r);
    return out;
}

function term(coefficient: number, id: number): string {
    return `${coefficient < 0 ? '-' : '+'} ${Math.abs(coefficient) === 1 ? '' : `${Math.abs(coefficient)} `}x${id}`;
}

/** The LP text of one group, without its objective. */
function model(group: { cells: Cell[]; relations: Relation[] }): string {
    const rows = group.relations.map((r, i) => ` r${i}: ${r.terms.map(([id, c]) => term(c, id)).join(' ')} ${r.op} 0`);
    const bounds = group.cells.map((c) => (c.published ? ` ${Math.max(0, c.published.low)} <= x${c.id} <= ${c.published.high}` : ` x${c.id} >= 0`));
    return `Subject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd`;
}

/**
 * Bounds every auditable cell (hidden, or rows outside a binding) that takes part in a relation.
 * `inconsistent` collects groups whose published values contradict the relations (a gap in the model).
 */
export async function boundCells(cells: Cell[], relations: Relation[], inconsistent: string[]): Promise<CellBounds[]> {
    const solverInstance = await highs();
    const out: CellBounds[] = [];
    for (const group of groups(cells, relations).values()) {
        if (group.relations.length === 0) continue;
        const targets = group.cells.filter((c) => !c.helper && c.published === null && (c.hidden || c.outside));
        if (targets.length === 0) continue;
        const body = model(group);
        const byName = new Map(group.cells.map((c) => [`x${c.id}`, c]));
        for (const target of targets) {
            const bound: number[] = [];
            const givenBy = new Set<Cell>();
            let failed = false;
            for (const sense of ['Minimize', 'Maximize']) {
                const result = solverInstance.solve(`${sense}\n obj: x${target.id}\n${body}`, { output_flag: false });
                if (result.Status === 'Unbounded') { bound.push(Infinity); continue; }
                if (result.Status !== 'Optimal') {
                    failed = true;
                    if (result.Status === 'Infeasible') inconsistent.push(`${target.label}: the published values contradict the relations`);
                    break;
                }
                bound.push(result.ObjectiveValue);
                for (const [name, col] of Object.entries(result.Columns)) {
                    const c = byName.get(name);
                    if (c?.published && Math.abs(col.Dual ?? 0) > EPS) givenBy.add(c);
                }
            }
            if (failed) continue;
            // Counts are whole numbers: round the LP bounds inward, minding the solver's tolerance.
            const low = Math.max(0, Math.ceil(bound[0] - EPS));
            const high = bound[1] === Infinity ? Infinity : Math.floor(bound[1] + EPS);
            out.push({ cell: target, low, high, givenBy: [...givenBy] });
        }
    }
    return out;
}
