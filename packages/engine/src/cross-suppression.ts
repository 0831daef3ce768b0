/**
 * Secondary suppression across indicators, the monitor-wide pass after the per-indicator one. The
 * same count is often published more than once: a count indicator and a rate whose numerator is that
 * count, a breakdown's total and another indicator without breakdown, two breakdowns of one count by
 * different dimensions. Every published count is an *atom* — (measure without its spans, period,
 * breakdown cell) — and every breakdown gives the linear relation total = Σ cells over atoms of one
 * measure and period (a *component*). An atom is *secret* when it fails the minimum or was hidden to
 * protect one (secondary suppression). Invariant after `crossSuppression`:
 * - a secret atom is hidden in every row that carries it, in every indicator;
 * - no secret atom follows from the published atoms through the relations of its component (solved
 *   exactly, by row reduction, so chains over several breakdowns count too);
 * - no relation pins a small sum of secret cells (total known, the rest of the cells secret and
 *   together below the minimum).
 * A leak is closed by hiding one more atom: the smallest published cell of a relation that holds the
 * leaked atom, a total only when no cell is left — the rule of the per-indicator pass.
 */
import { grainFitsIn, parsePeriod, periodEnd, periodStart, periodsIn, type Grain, type IndicatorIR, type MeasureIR, type ProgramIR, type ResultRow } from '@monitor/ir';
import { focusCell } from './focus-cell.js';
import type { CountParts, Disclosed, Part } from './secondary-suppression.js';

/** One published count: a measure (focus conditions taken out: focus-cell.ts), a period and a breakdown cell. */
export interface Atom {
    key: string;
    /** The measure: all its periods and breakdowns are one system of relations. */
    component: string;
    raw: number | null;
    secret: boolean;
    rows: Disclosed[];
    order: number;
    period: string;
    /** The breakdown cell; null for a residual (rows in no cell), which is never published. */
    dims: Record<string, string | null> | null;
    /** The measure (without focus conditions); null for a residual. */
    measure: MeasureIR | null;
    /** Fails the minimum itself (not only hidden to protect another): a cell the system must protect. */
    primary: boolean;
}

/** total = Σ cells, over atoms of one measure. */
export interface Relation {
    total: Atom;
    cells: Atom[];
}

/** The measure as a key: everything but source positions. */
export function measureKey(m: MeasureIR): string {
    return JSON.stringify(m, (k, v: unknown) => (k === 'span' ? undefined : v));
}

/** The counted measures of an indicator, by part. */
function countedMeasures(indicator: IndicatorIR, parts: CountParts): [Part, MeasureIR][] {
    const v = indicator.value;
    if (v.kind === 'measure') return parts.numerator ? [['numerator', v.measure]] : [];
    if (v.kind !== 'rate') return [];
    return [...(parts.numerator ? [['numerator', v.numerator] as [Part, MeasureIR]] : []), ...(parts.denominator ? [['denominator', v.denominator] as [Part, MeasureIR]] : [])];
}

/** Whether a count fails the minimum (raw or rounded): the primary rule of disclosure.ts. */
export type FailsMinimum = (raw: number) => boolean;

/** A measure whose cells add up: a plain count or a sum (not distinct, stacking or transitions). */
export function additive(m: MeasureIR): boolean {
    return (m.aggregate === 'count' || m.aggregate === 'sum') && m.having === null && m.transition === null;
}

/** Time meanings whose periods add up: a year's count is the sum of its quarters' (flows, not stocks). */
const FLOWS = new Set(['event', 'started', 'ended']);

/**
 * The relation `total = Σ cells`, with the residual (total − Σ cells, rows in no cell: outside a
 * binding's `where`) as one more unknown of an additive measure: it is never published, and a secret
 * when it fails the minimum, so a breakdown cannot give away the few rows outside it.
 */
function relation(total: Atom, cells: Atom[], isAdditive: boolean, atoms: Map<string, Atom>, fails: FailsMinimum): Relation {
    if (!isAdditive || total.raw === null || cells.some((c) => c.raw === null)) return { total, cells };
    const residual = total.raw - cells.reduce((sum, c) => sum + c.raw!, 0);
    if (residual <= 0) return { total, cells };
    const key = JSON.stringify(['rest', total.key, cells.map((c) => c.key).sort()]);
    const rest = atoms.get(key) ?? { key, component: total.component, raw: residual, secret: fails(residual), primary: fails(residual), rows: [], order: atoms.size, period: total.period, dims: null, measure: null };
    atoms.set(key, rest);
    return { total, cells: [...cells, rest] };
}

/**
 * The relations between the atoms of one measure beyond each indicator's own breakdown: a cell of a
 * coarser breakdown (wijk) is the sum of the cells of a finer one that agree with it (wijk × soort),
 * and, for flows, a period the sum of the shorter periods inside it (a year of its quarters).
 */
function linked(group: Atom[], m: MeasureIR, atoms: Map<string, Atom>, fails: FailsMinimum): Relation[] {
    if (!additive(m)) return [];
    const out: Relation[] = [];
    const dimsKey = (a: Atom) => Object.keys(a.dims ?? {}).sort().join('\0');
    for (const coarse of group) {
        const names = Object.keys(coarse.dims ?? {});
        const finer = new Map<string, Atom[]>();
        for (const a of group) {
            if (a === coarse || a.period !== coarse.period || !a.dims) continue;
            const own = Object.keys(a.dims);
            if (own.length <= names.length || !names.every((n) => n in a.dims! && a.dims![n] === coarse.dims![n])) continue;
            finer.set(dimsKey(a), [...(finer.get(dimsKey(a)) ?? []), a]);
        }
        // Only a finer breakdown counted in the same way, with a total among the atoms, covers every row.
        for (const cells of finer.values()) if (names.length > 0) out.push(relation(coarse, cells, true, atoms, fails));
    }
    if (!FLOWS.has(m.time)) return out;
    for (const coarse of group) {
        const span = parsePeriod(coarse.period);
        if (!span || !coarse.dims) continue;
        const grains = new Map<string, Atom[]>();
        for (const a of group) {
            const p = a.dims ? parsePeriod(a.period) : null;
            if (!p || a === coarse || p.grain === span.grain || !grainFitsIn(p.grain, span.grain) || dimsKey(a) !== dimsKey(coarse)) continue;
            if (cellOfDims(a.dims!) !== cellOfDims(coarse.dims) || periodStart(p) < periodStart(span) || periodEnd(p) > periodEnd(span)) continue;
            grains.set(p.grain, [...(grains.get(p.grain) ?? []), a]);
        }
        for (const [grain, cells] of grains) {
            if (cells.length === periodsIn(coarse.period, grain as Grain).length) out.push({ total: coarse, cells });
        }
    }
    return out;
}

export function cellOfDims(dims: Record<string, string | null>): string {
    return JSON.stringify(Object.entries(dims).sort(([a], [b]) => a.localeCompare(b)));
}

/** The atoms and relations of all actual rows of count indicators. */
export function collect(program: ProgramIR, perIndicator: Map<string, Disclosed[]>, partsOf: (i: IndicatorIR) => CountParts, fails: FailsMinimum) {
    const atoms = new Map<string, Atom>();
    const relations = new Map<string, Relation>();
    const byMeasure = new Map<string, { m: MeasureIR; atoms: Set<Atom> }>();
    for (const indicator of program.indicators) {
        const rows = perIndicator.get(indicator.name) ?? [];
        for (const [part, counted] of countedMeasures(indicator, partsOf(indicator))) {
            // A focus indicator (`where wijk = "B"`) publishes the cell wijk=B of the measure without it.
            const { base: m, cell: focus } = focusCell(program, indicator, counted);
            const mk = measureKey(m);
            const byPeriod = new Map<string, { atom: Atom; total: boolean }[]>();
            const own = byMeasure.get(mk) ?? { m, atoms: new Set<Atom>() };
            byMeasure.set(mk, own);
            for (const d of rows) {
                const dims = { ...focus, ...d.raw.dimensions };
                // The raw value is part of the key: equal measures give equal counts, so this only keeps
                // apart rows that are not the same count after all (hand-made rows, repeated periods).
                const key = JSON.stringify([mk, d.raw.period, d.raw[part], cellOfDims(dims)]);
                let atom = atoms.get(key);
                const raw = d.raw[part];
                if (!atom) {
                    atom = { key, component: mk, raw, secret: false, primary: false, rows: [], order: atoms.size, period: d.raw.period, dims, measure: m };
                    atoms.set(key, atom);
                }
                atom.rows.push(d);
                own.atoms.add(atom);
                if (raw !== null && fails(raw)) atom.primary = true;
                if (atom.primary || d.secret?.includes(part)) atom.secret = true;
                byPeriod.set(d.raw.period, [...(byPeriod.get(d.raw.period) ?? []), { atom, total: Object.keys(d.raw.dimensions).length === 0 }]);
            }
            if (indicator.by.length === 0) continue;
            for (const group of byPeriod.values()) {
                const total = group.find((a) => a.total)?.atom;
                const cells = group.filter((a) => a.atom !== total).map((a) => a.atom);
                if (!total || total.raw === null || cells.length === 0) continue;
                relations.set(JSON.stringify([total.key, cells.map((c) => c.key).sort()]), relation(total, cells, additive(m), atoms, fails));
            }
        }
    }
    for (const { m, atoms: group } of byMeasure.values()) {
        for (const r of linked([...group], m, atoms, fails)) relations.set(JSON.stringify([r.total.key, r.cells.map((c) => c.key).sort()]), r);
    }
    return { atoms, relations: [...relations.values()] };
}

/** Known: no number to hide, or shown in at least one row. */
export function published(a: Atom): boolean {
    return a.raw === null || a.rows.some((d) => !d.safe.suppressed);
}

/** The unknown atoms of a component that its relations determine (row reduction on ±1 coefficients). */
function determined(relations: Relation[]): Set<Atom> {
    const unknown = [...new Set(relations.flatMap((r) => [r.total, ...r.cells]).filter((a) => !published(a)))];
    const index = new Map(unknown.map((a, i) => [a, i]));
    const matrix = relations.map((r) => {
        const line = new Array<number>(unknown.length).fill(0);
        if (index.has(r.total)) line[index.get(r.total)!] += 1;
        for (const c of r.cells) if (index.has(c)) line[index.get(c)!] -= 1;
        return line;
    }).filter((line) => line.some((x) => x !== 0));
    const pivots: [number, number][] = [];
    let row = 0;
    for (let col = 0; col < unknown.length && row < matrix.length; col++) {
        const at = matrix.findIndex((line, i) => i >= row && Math.abs(line[col]) > 1e-9);
        if (at < 0) continue;
        [matrix[row], matrix[at]] = [matrix[at], matrix[row]];
        const p = matrix[row][col];
        matrix[row] = matrix[row].map((x) => x / p);
        for (let i = 0; i < matrix.length; i++) {
            if (i === row || Math.abs(matrix[i][col]) <= 1e-9) continue;
            const f = matrix[i][col];
            matrix[i] = matrix[i].map((x, j) => x - f * matrix[row][j]);
        }
        pivots.push([row, col]);
        row++;
    }
    // A pivot whose reduced row has no other entry is fixed by the published values alone.
    return new Set(pivots.filter(([r]) => matrix[r].filter((x) => Math.abs(x) > 1e-9).length === 1).map(([, c]) => unknown[c]));
}

/** The first leak in a component: the relations that hold it, or null. */
function leak(relations: Relation[], minimum: number): Relation[] | null {
    const fixed = determined(relations);
    const exposed = [...fixed].filter((a) => a.secret).sort((a, b) => a.order - b.order)[0];
    if (exposed) return relations.filter((r) => r.total === exposed || r.cells.includes(exposed));
    for (const r of relations) {
        if (!published(r.total) && !fixed.has(r.total)) continue;
        const rest = r.cells.filter((c) => !published(c) && !fixed.has(c));
        if (rest.some((c) => c.secret) && rest.reduce((s, c) => s + (c.raw ?? 0), 0) < minimum) return [r];
    }
    return null;
}

/** The atom to hide next: the smallest shown cell of the leaking relations, then a total, then anything shown. */
function victim(leaking: Relation[], component: Relation[]): Atom | undefined {
    const shown = (list: Atom[]) => list.filter((a) => a.raw !== null && !a.secret && published(a))
        .sort((a, b) => (a.raw! - b.raw!) || a.order - b.order)[0];
    return shown(leaking.flatMap((r) => r.cells)) ?? shown(leaking.map((r) => r.total))
        ?? shown(component.flatMap((r) => r.cells)) ?? shown(component.map((r) => r.total));
}

/**
 * Applies the monitor-wide pass to the rows of all indicators (`perIndicator`, after primary and
 * per-indicator secondary suppression), hiding rows through `hide`. Ends: every round hides one more
 * published atom, or stops. Returns the atoms and relations for the solver's pass (linked-suppression.ts).
 */
export function crossSuppression(
    program: ProgramIR, perIndicator: Map<string, Disclosed[]>, partsOf: (i: IndicatorIR) => CountParts,
    minimum: number, fails: FailsMinimum, hide: (r: ResultRow) => ResultRow,
): { atoms: Map<string, Atom>; relations: Relation[] } {
    const { atoms, relations } = collect(program, perIndicator, partsOf, fails);
    const components = new Map<string, Relation[]>();
    for (const r of relations) components.set(r.total.component, [...(components.get(r.total.component) ?? []), r]);
    const hideSecrets = () => {
        for (const a of atoms.values()) {
            if (!a.secret) continue;
            for (const d of a.rows) if (!d.safe.suppressed) d.safe = hide(d.safe);
        }
    };
    hideSecrets();
    for (let round = 0; round <= atoms.size; round++) {
        let changed = false;
        for (const component of components.values()) {
            const leaking = leak(component, minimum);
            if (!leaking) continue;
            const next = victim(leaking, component);
            if (!next) continue;
            next.secret = true;
            changed = true;
        }
        if (!changed) break;
        hideSecrets();
    }
    return { atoms, relations };
}
