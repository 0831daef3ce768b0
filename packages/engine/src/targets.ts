/**
 * Target assessment: the rows rounded for publication, a straight trajectory from the baseline to each
 * target point, and a status for every actual row. Pure: rows in, new rows out.
 */
import { indicatorDecimals, parsePeriod, periodOrdinal, periodsIn, roundRow, roundTo, type Grain, type IndicatorIR, type ProgramIR, type ResultRow, type Status, type TargetIR } from '@monitor/ir';

/** A knot of the trajectory: value at a period ordinal. */
interface Knot { ordinal: number; value: number }

function lastOrdinal(label: string, grain: Grain): number | null {
    const periods = periodsIn(label, grain);
    return periods.length ? periodOrdinal(periods[periods.length - 1]) : null;
}

/** The desired direction: stated on the indicator, else from the target's points. */
export function desiredDirection(indicator: IndicatorIR): 'up' | 'down' | null {
    if (indicator.desired) return indicator.desired;
    for (const p of indicator.target?.points ?? []) {
        if (p.direction) return p.direction;
        if (p.op === '<=') return 'down';
        if (p.op === '>=') return 'up';
    }
    return null;
}

/** The trajectory of one breakdown cell as a function of period ordinal, or null when there is none. */
export function trajectory(target: TargetIR, grain: Grain, values: Map<number, number | null>): ((ordinal: number) => number | null) | null {
    let start: Knot | null = null;
    if (target.baseline) {
        const base = periodsIn(target.baseline, grain).map(periodOrdinal);
        const seen = base.map((o) => values.get(o)).filter((v): v is number => typeof v === 'number');
        if (base.length === 0 || seen.length === 0) return null;
        start = { ordinal: base[base.length - 1], value: seen.reduce((a, b) => a + b, 0) / seen.length };
    }
    const knots: Knot[] = [];
    for (const p of target.points) {
        const ordinal = lastOrdinal(p.period, grain);
        if (ordinal === null || p.kind === 'direction' || p.value === null) continue;
        if (p.kind === 'relative') {
            if (!start) continue;
            knots.push({ ordinal, value: start.value * (1 + p.value / 100) });
        } else knots.push({ ordinal, value: p.value });
    }
    knots.sort((a, b) => a.ordinal - b.ordinal);
    if (start) {
        const from = start;
        // A direction-only target keeps the baseline as its line: the status says which side we are on.
        const line = [from, ...knots.filter((k) => k.ordinal > from.ordinal)];
        return (o) => (o < from.ordinal ? null : interpolate(line, o));
    }
    if (knots.length === 0) return null;
    return (o) => interpolate(knots, o);
}

function interpolate(knots: Knot[], o: number): number {
    if (o <= knots[0].ordinal) return knots[0].value;
    for (let i = 1; i < knots.length; i++) {
        const a = knots[i - 1];
        const b = knots[i];
        if (o <= b.ordinal) return a.value + ((b.value - a.value) * (o - a.ordinal)) / (b.ordinal - a.ordinal);
    }
    return knots[knots.length - 1].value;
}

/** The status of a value against a trajectory point, direction and tolerance. */
export function targetStatus(value: number | null, target: number | null, direction: 'up' | 'down' | null, tolerance: TargetIR['tolerance']): Status {
    if (target === null) return 'no-target';
    if (value === null) return 'no-data';
    const slack = tolerance ? (tolerance.relative ? (Math.abs(target) * tolerance.value) / 100 : tolerance.value) : 0;
    // Beyond = how far the value lies on the wrong side of the trajectory.
    const beyond = direction === 'down' ? value - target : direction === 'up' ? target - value : Math.abs(value - target);
    const eps = 1e-9 * Math.max(1, Math.abs(target));
    if (beyond <= eps) return 'on-track';
    if (beyond <= slack + eps) return 'within-tolerance';
    return 'off-track';
}

/**
 * The last stage: every row is rounded to its indicator's decimals (`roundRow`, the one rounding rule
 * of all outputs), then `target` and `status` are filled for the actual rows of indicators with a
 * target. Invariant: the status is assessed on the published value against the published target (both
 * rounded), so a reader who compares the two numbers shown always finds the status they imply.
 */
export function assessTargets(program: ProgramIR, input: ResultRow[]): ResultRow[] {
    const byName = new Map(program.indicators.map((i) => [i.name, i]));
    const rows = input.map((r) => { const i = byName.get(r.indicator); return i ? roundRow(r, i) : r; });
    const cells = new Map<string, ResultRow[]>();
    for (const r of rows) {
        if (r.series !== 'actual') continue;
        const key = JSON.stringify([r.indicator, Object.entries(r.dimensions).sort()]);
        cells.set(key, [...(cells.get(key) ?? []), r]);
    }
    const assessed = new Map<ResultRow, ResultRow>();
    for (const cell of cells.values()) {
        const indicator = program.indicators.find((i) => i.name === cell[0].indicator);
        if (!indicator?.target) continue;
        const ordinalOf = (r: ResultRow) => { const p = parsePeriod(r.period); return p ? periodOrdinal(p) : NaN; };
        const values = new Map(cell.map((r) => [ordinalOf(r), r.value]));
        const line = trajectory(indicator.target, indicator.grain, values);
        const direction = desiredDirection(indicator);
        for (const r of cell) {
            const exact = line ? line(ordinalOf(r)) : null;
            const t = exact === null ? null : roundTo(exact, indicatorDecimals(indicator));
            assessed.set(r, { ...r, target: t, status: targetStatus(r.value, t, direction, indicator.target.tolerance) });
        }
    }
    return rows.map((r) => assessed.get(r) ?? r);
}
