/**
 * Secondary suppression solved over one system of linear relations (the τ-ARGUS way), the authority
 * after the exact passes of secondary-suppression.ts and cross-suppression.ts. The system
 * (linked-relations.ts) holds every published count of a monitor and the relations a reader knows;
 * it falls apart into independent families (connected components), each solved on its own.
 * For each count that fails the minimum and is not published (a *target*), HiGHS finds the smallest
 * and largest value it can take given every published value (taken as exact: the reader may know more
 * than the rounded value, never less) with all counts ≥ 0. Protection rule: the interval must hold at
 * least `minimum` whole numbers (high − low + 1 ≥ minimum: "0..9" protects under minimum 10, the
 * same reading as `monitor audit`). When it does not, one more count is hidden — the smallest
 * published count whose value the bound rests on (non-zero reduced cost at the optimum), else the
 * smallest published count in a relation with the target, else in its family; ties by order — and the
 * target is solved again. Hiding only widens intervals, so one pass over the targets ends protected.
 */
import type { ResultRow } from '@monitor/ir';
import { published, type Atom } from './cross-suppression.js';
import type { LinearRelation } from './linked-relations.js';
import { linearSolver, type LinearSolver } from './lp-solver.js';

const EPS = 1e-6;

interface Family {
    atoms: Atom[];
    relations: LinearRelation[];
}

/** The connected families of the system: atoms linked through relations. */
function families(relations: LinearRelation[]): Family[] {
    const parent = new Map<Atom, Atom>();
    const find = (a: Atom): Atom => {
        let p = parent.get(a) ?? a;
        if (p !== a) { p = find(p); parent.set(a, p); }
        return p;
    };
    for (const r of relations) for (const [a] of r.terms) {
        if (!parent.has(a)) parent.set(a, a);
        const root = find(r.terms[0][0]);
        if (find(a) !== root) parent.set(find(a), root);
    }
    const out = new Map<Atom, Family>();
    for (const a of parent.keys()) {
        const f = out.get(find(a)) ?? { atoms: [], relations: [] };
        f.atoms.push(a);
        out.set(find(a), f);
    }
    for (const r of relations) out.get(find(r.terms[0][0]))!.relations.push(r);
    return [...out.values()];
}

function lp(family: Family, index: Map<Atom, number>, target: Atom, sense: 'Minimize' | 'Maximize'): string {
    const term = ([a, c]: [Atom, number]) => `${c < 0 ? '-' : '+'} ${Math.abs(c) === 1 ? '' : `${Math.abs(c)} `}x${index.get(a)}`;
    const rows = family.relations.map((r, i) => ` r${i}: ${r.terms.map(term).join(' ')} ${r.op} ${r.constant}`);
    const bounds = family.atoms.map((a) => (published(a) && a.raw !== null ? ` x${index.get(a)} = ${a.raw}` : ` x${index.get(a)} >= 0`));
    return `${sense}\n obj: x${index.get(target)}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd`;
}

/** The target's bounds as whole numbers, and the published atoms the bounds rest on. */
function bounds(solver: LinearSolver, family: Family, index: Map<Atom, number>, target: Atom): { low: number; high: number; givenBy: Atom[] } {
    const byName = new Map(family.atoms.map((a) => [`x${index.get(a)}`, a]));
    const found: number[] = [];
    const givenBy = new Set<Atom>();
    for (const sense of ['Minimize', 'Maximize'] as const) {
        const result = solver.solve(lp(family, index, target, sense), { output_flag: false });
        if (result.Status === 'Unbounded') { found.push(Infinity); continue; }
        // The relations hold on the raw counts, so the programme is feasible; any other answer is a solver
        // failure, taken as "not protected" (fail closed: one more count is hidden, never one shown too many).
        if (result.Status !== 'Optimal') return { low: 0, high: 0, givenBy: [] };
        found.push(result.ObjectiveValue);
        for (const [name, column] of Object.entries(result.Columns)) {
            const a = byName.get(name);
            if (a && published(a) && Math.abs(column.Dual ?? 0) > EPS) givenBy.add(a);
        }
    }
    return { low: Math.max(0, Math.ceil(found[0] - EPS)), high: found[1] === Infinity ? Infinity : Math.floor(found[1] + EPS), givenBy: [...givenBy] };
}

/** The smallest shown atom of a list (ties by order); residuals and hidden atoms are never shown. */
function smallest(list: Iterable<Atom>): Atom | undefined {
    return [...new Set(list)].filter((a) => a.raw !== null && published(a)).sort((a, b) => (a.raw! - b.raw!) || a.order - b.order)[0];
}

/**
 * Hides (through `hide`) whatever else must be hidden so that every target's interval holds at least
 * `minimum` whole numbers. Returns how many linear programmes it solved (for the cost note in docs).
 */
export async function linkedSuppression(relations: LinearRelation[], minimum: number, hide: (r: ResultRow) => ResultRow): Promise<number> {
    const work = families(relations).filter((f) => f.atoms.some((a) => a.primary && !published(a)));
    if (work.length === 0) return 0;
    const solver = await linearSolver();
    let solved = 0;
    for (const family of work) {
        const index = new Map(family.atoms.map((a, i) => [a, i]));
        const targets = family.atoms.filter((a) => a.primary && a.raw !== null && !published(a)).sort((a, b) => a.order - b.order);
        for (const target of targets) {
            for (let round = 0; round <= family.atoms.length; round++) {
                const b = bounds(solver, family, index, target);
                solved += 2;
                if (b.high - b.low + 1 >= minimum) break;
                const near = family.relations.filter((r) => r.terms.some(([a]) => a === target)).flatMap((r) => r.terms.map(([a]) => a));
                const next = smallest(b.givenBy) ?? smallest(near) ?? smallest(family.atoms);
                if (!next) break;
                next.secret = true;
                for (const d of next.rows) if (!d.safe.suppressed) d.safe = hide(d.safe);
            }
        }
    }
    return solved;
}
