/**
 * An independent audit of published rows: can anyone work out a small count the output hides, from
 * everything the output shows — totals, other cells, and other indicators that publish the same count
 * (same source, filter and period: a count and a rate whose numerator or denominator it is)? Written
 * apart from the engine's cross-suppression.ts on purpose: it solves the relations itself (exact
 * fractions) and knows nothing of how the engine chose what to hide.
 */
import type { ArithIR, IndicatorIR, MeasureIR, ProgramIR, ResultRow } from '@monitor/ir';

type Flat = Record<string, unknown>;
type Part = 'numerator' | 'denominator';
const hiddenRow = (r: Flat) => r.suppressed === true || r.suppressed === 'true';

function counted(indicator: IndicatorIR): [Part, MeasureIR][] {
    const v = indicator.value;
    if (v.kind === 'measure') return v.measure.isCount ? [['numerator', v.measure]] : [];
    if (v.kind !== 'rate') return [];
    const out: [Part, MeasureIR][] = [];
    if (v.numerator.isCount) out.push(['numerator', v.numerator]);
    if (v.denominator.isCount) out.push(['denominator', v.denominator]);
    return out;
}

interface Atom { name: string; raw: number | null; known: boolean }

/** Gauss–Jordan over bigint fractions kept as integer rows (cross-multiplication): the atoms fixed by the rows. */
function fixedColumns(rows: bigint[][], width: number): Set<number> {
    const m = rows.map((r) => [...r]);
    const pivots: [number, number][] = [];
    let at = 0;
    for (let c = 0; c < width && at < m.length; c++) {
        const p = m.findIndex((r, i) => i >= at && r[c] !== 0n);
        if (p < 0) continue;
        [m[at], m[p]] = [m[p], m[at]];
        for (let i = 0; i < m.length; i++) {
            if (i === at || m[i][c] === 0n) continue;
            const [a, b] = [m[at][c], m[i][c]];
            m[i] = m[i].map((x, j) => x * a - m[at][j] * b);
        }
        pivots.push([at, c]);
        at++;
    }
    return new Set(pivots.filter(([r]) => m[r].filter((x) => x !== 0n).length === 1).map(([, c]) => c));
}

/**
 * The hidden small counts (below `minimum`) that follow from the published rows, and the relations
 * that pin a small sum of hidden cells. `raw[i]` is the row before disclosure control of `shown[i]`.
 */
export function derivableCounts(program: ProgramIR, raw: ResultRow[], shown: Flat[]): string[] {
    const minimum = program.monitor.privacy?.minimum ?? 0;
    const atoms = new Map<string, Atom>();
    const components = new Map<string, { total: string; cells: string[] }[]>();
    for (const indicator of program.indicators) {
        for (const [part, measure] of counted(indicator)) {
            const mk = JSON.stringify(measure, (k, v: unknown) => (k === 'span' ? undefined : v));
            const byPeriod = new Map<string, { total?: string; cells: string[] }>();
            raw.forEach((r, i) => {
                if (r.indicator !== indicator.name || r.series !== 'actual') return;
                const cell = JSON.stringify(Object.entries(r.dimensions).sort());
                const key = JSON.stringify([mk, r.period, cell]);
                const atom = atoms.get(key) ?? { name: `${indicator.name} ${part} ${r.period} ${cell}`, raw: r[part], known: r[part] === null };
                atom.known ||= !hiddenRow(shown[i]);
                atoms.set(key, atom);
                const group = byPeriod.get(r.period) ?? { cells: [] };
                if (Object.keys(r.dimensions).length === 0) group.total = key; else group.cells.push(key);
                byPeriod.set(r.period, group);
            });
            if (indicator.by.length === 0) continue;
            for (const [period, g] of byPeriod) {
                if (!g.total || atoms.get(g.total)!.raw === null || g.cells.length === 0) continue;
                const c = JSON.stringify([mk, period]);
                components.set(c, [...(components.get(c) ?? []), { total: g.total, cells: g.cells }]);
            }
        }
    }
    const out: string[] = [];
    for (const relations of components.values()) {
        const unknown = [...new Set(relations.flatMap((r) => [r.total, ...r.cells]))].filter((k) => !atoms.get(k)!.known);
        const index = new Map(unknown.map((k, i) => [k, i]));
        const matrix = relations.map((r) => {
            const line = unknown.map(() => 0n);
            if (index.has(r.total)) line[index.get(r.total)!] += 1n;
            for (const c of r.cells) if (index.has(c)) line[index.get(c)!] -= 1n;
            return line;
        });
        const fixed = new Set([...fixedColumns(matrix, unknown.length)].map((i) => unknown[i]));
        for (const k of fixed) {
            const a = atoms.get(k)!;
            if (a.raw !== null && a.raw < minimum) out.push(`derivable from the published rows: ${a.name} = ${a.raw}`);
        }
        for (const r of relations) {
            if (!atoms.get(r.total)!.known && !fixed.has(r.total)) continue;
            const rest = r.cells.filter((c) => !atoms.get(c)!.known && !fixed.has(c));
            const sum = rest.reduce((s, c) => s + (atoms.get(c)!.raw ?? 0), 0);
            if (rest.length > 0 && sum < minimum) out.push(`hidden cells pinned to a small sum ${sum}: ${rest.map((c) => atoms.get(c)!.name).join(', ')}`);
        }
    }
    return [...out, ...shownExpressionsOverHiddenParts(program, raw, shown)];
}

function names(e: ArithIR): string[] {
    return e.kind === 'indicator' ? [e.name] : e.kind === 'binary' ? [...names(e.left), ...names(e.right)] : [];
}

/** An expression shown over a hidden part gives the part away (a − b and a shown: b follows). */
function shownExpressionsOverHiddenParts(program: ProgramIR, raw: ResultRow[], shown: Flat[]): string[] {
    const out: string[] = [];
    const at = (name: string, r: ResultRow) => {
        const same = (x: ResultRow, dims: Record<string, string | null>) => x.indicator === name && x.series === 'actual' && x.period === r.period
            && JSON.stringify(Object.entries(x.dimensions).sort()) === JSON.stringify(Object.entries(dims).sort());
        const i = raw.findIndex((x) => same(x, r.dimensions));
        return i >= 0 ? i : raw.findIndex((x) => same(x, {}));
    };
    raw.forEach((r, i) => {
        const indicator = program.indicators.find((x) => x.name === r.indicator);
        if (!indicator || indicator.value.kind !== 'expression' || r.series !== 'actual' || hiddenRow(shown[i])) return;
        for (const part of names(indicator.value.expression)) {
            const j = at(part, r);
            if (j >= 0 && hiddenRow(shown[j])) out.push(`${r.indicator} ${r.period} is shown although its part ${part} is hidden`);
        }
    });
    return out;
}
