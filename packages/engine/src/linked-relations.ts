/**
 * The system of linear relations the solver's pass works on (linked-suppression.ts): every relation
 * a reader knows between published counts, written Σ coefficient × atom (= or ≤) constant.
 * - each breakdown relation of cross-suppression.ts (total = Σ cells + rows in no cell, margins of
 *   multi-way breakdowns, a flow's year = Σ its quarters); for a count that does not add up (distinct
 *   keys, stacking, transitions) the total is at most the sum of its cells and at least each cell;
 * - nested filters: `count where F` = `count where F and G` + the rows of F outside G (an unknown ≥ 0,
 *   a count to protect), which is what an expression `alle - zonder_zeldzaam` publishes;
 * - the stock/flow identity of episodes: stock(t) − stock(t−1) − started(t) + ended(t) = c, where c
 *   (episodes ending on a period's last day) is taken as known to the reader (it is 0 in most data and a
 *   reader who assumes so is right; taking it as known only makes the engine stricter);
 * - a stock's coarse period equals its finer period that ends on the same day (year = Q4).
 * Invariant: every relation holds on the raw counts (one that does not is a gap in this model and is
 * left out, never solved as if true).
 */
import { formatPeriod, parsePeriod, periodEnd, periodFromOrdinal, periodOrdinal, type MeasureIR } from '@monitor/ir';
import { additive, cellOfDims, measureKey, type Atom, type FailsMinimum, type Relation } from './cross-suppression.js';
import { conditionTexts } from './focus-cell.js';

/** Σ coefficient × atom `op` constant. */
export interface LinearRelation {
    terms: [Atom, number][];
    op: '=' | '<=';
    constant: number;
}

const EPS = 1e-6;

/** Whether the relation holds on the raw counts. */
function holds(r: LinearRelation): boolean {
    if (r.terms.some(([a]) => a.raw === null)) return false;
    const lhs = r.terms.reduce((s, [a, c]) => s + c * a.raw!, 0);
    return r.op === '=' ? Math.abs(lhs - r.constant) <= EPS : lhs <= r.constant + EPS;
}

function fromBreakdown(r: Relation): LinearRelation[] {
    const m = r.total.measure;
    if (!m || additive(m)) return [{ terms: [[r.total, 1], ...r.cells.map((c): [Atom, number] => [c, -1])], op: '=', constant: 0 }];
    return [
        { terms: [[r.total, 1], ...r.cells.map((c): [Atom, number] => [c, -1])], op: '<=', constant: 0 },
        ...r.cells.map((c): LinearRelation => ({ terms: [[c, 1], [r.total, -1]], op: '<=', constant: 0 })),
    ];
}

const keyWith = (m: MeasureIR, change: Partial<MeasureIR>) => measureKey({ ...m, ...change });

/** wide = narrow + rest for measures that differ only in extra `and` conditions of the narrow one. */
function nested(list: Atom[], atoms: Map<string, Atom>, fails: FailsMinimum): LinearRelation[] {
    const groups = new Map<string, Atom[]>();
    for (const a of list) {
        if (!a.measure || !a.dims || !additive(a.measure) || a.raw === null) continue;
        const k = JSON.stringify([keyWith(a.measure, { filter: null }), a.period, cellOfDims(a.dims)]);
        groups.set(k, [...(groups.get(k) ?? []), a]);
    }
    const out: LinearRelation[] = [];
    for (const group of groups.values()) {
        const conditions = new Map(group.map((a) => [a, conditionTexts(a.measure!.filter)]));
        for (const wide of group) for (const narrow of group) {
            const w = conditions.get(wide)!;
            const n = conditions.get(narrow)!;
            if (n.length <= w.length || !w.every((c) => n.includes(c))) continue;
            const residual = wide.raw! - narrow.raw!;
            if (residual < 0) continue;
            if (residual === 0) { out.push({ terms: [[wide, 1], [narrow, -1]], op: '=', constant: 0 }); continue; }
            const key = JSON.stringify(['outside-filter', wide.key, narrow.key]);
            const rest: Atom = atoms.get(key) ?? {
                key, component: wide.component, raw: residual, secret: fails(residual), primary: fails(residual),
                rows: [], order: atoms.size, period: wide.period, dims: null, measure: null,
            };
            atoms.set(key, rest);
            out.push({ terms: [[wide, 1], [narrow, -1], [rest, -1]], op: '=', constant: 0 });
        }
    }
    return out;
}

function previousPeriod(label: string): string | null {
    const p = parsePeriod(label);
    return p ? formatPeriod(periodFromOrdinal(periodOrdinal(p) - 1, p.grain)) : null;
}

/** The stock/flow identity, and a stock's coarse period = its finer period ending the same day. */
function stocks(list: Atom[]): LinearRelation[] {
    const find = new Map<string, Atom>();
    const keyOf = (m: MeasureIR, time: string, period: string, dims: Record<string, string | null>) => JSON.stringify([keyWith(m, { time: 'none' }), time, period, cellOfDims(dims)]);
    for (const a of list) if (a.measure && a.dims && additive(a.measure)) find.set(keyOf(a.measure, a.measure.time, a.period, a.dims), a);
    const out: LinearRelation[] = [];
    for (const s of list) {
        if (!s.measure || !s.dims || s.measure.time !== 'active-at-end' || !additive(s.measure) || s.raw === null) continue;
        const before = previousPeriod(s.period);
        const at = (time: string, period: string | null) => (period ? find.get(keyOf(s.measure!, time, period, s.dims!)) : undefined);
        const s0 = at('active-at-end', before);
        const started = at('started', s.period);
        const ended = at('ended', s.period);
        if (s0 && started && ended && s0.raw !== null && started.raw !== null && ended.raw !== null) {
            const constant = s.raw - s0.raw - started.raw + ended.raw;
            out.push({ terms: [[s, 1], [s0, -1], [started, -1], [ended, 1]], op: '=', constant });
        }
    }
    // A stock on a period's last day is the stock of every grain ending that day.
    const sameDay = new Map<string, Atom[]>();
    for (const s of list) {
        const p = parsePeriod(s.period);
        if (!p || !s.measure || !s.dims || s.measure.time !== 'active-at-end' || !additive(s.measure)) continue;
        const k = JSON.stringify([measureKey(s.measure), cellOfDims(s.dims), periodEnd(p)]);
        sameDay.set(k, [...(sameDay.get(k) ?? []), s]);
    }
    for (const group of sameDay.values()) for (const other of group.slice(1)) out.push({ terms: [[group[0], 1], [other, -1]], op: '=', constant: 0 });
    return out;
}

/** Every relation of the system, over the atoms of cross-suppression.ts (adding the unknowns it needs). */
export function linkedRelations(atoms: Map<string, Atom>, breakdowns: Relation[], fails: FailsMinimum): LinearRelation[] {
    const list = [...atoms.values()];
    const all = [...breakdowns.flatMap(fromBreakdown), ...nested(list, atoms, fails), ...stocks(list)];
    return all.filter(holds);
}
