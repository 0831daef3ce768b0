/** The engine's stage function: runs a plan and builds result rows (before targets and disclosure). */
import { CELLKEY_SECRET_TABLE, type IndicatorPlan, type Plan, type ResultRow } from '@monitor/ir';
import { cellKey, evaluateArith, rateValue } from './arith.js';
import type { Engine, PlainRow } from './engine-types.js';
import { quoteIdent, quoteLiteral } from './sql-quote.js';

function num(v: PlainRow[string]): number | null {
    return typeof v === 'number' ? v : null;
}

function bool(v: PlainRow[string]): boolean | null {
    return typeof v === 'boolean' ? v : null;
}

/** Turns rows of a series query into result rows; `factor` is set for rates. */
export function seriesRows(ip: IndicatorPlan, series: string, rows: PlainRow[], factor: number | null, dimensions: string[]): ResultRow[] {
    return rows.map((r) => {
        const covered = r.covered === true;
        const numerator = covered ? num(r.numerator) : null;
        const denominator = covered ? num(r.denominator) : null;
        const value = factor === null ? numerator : rateValue(numerator, denominator, factor);
        const dims: Record<string, string | null> = {};
        if (r.total !== true) for (const d of dimensions) dims[d] = r[d] === null ? null : String(r[d]);
        const row: ResultRow = {
            indicator: ip.indicator, series, period: String(r.period), dimensions: dims,
            value, numerator, denominator, target: null,
            status: value === null ? 'no-data' : 'no-target', suppressed: false,
            provisional: covered ? bool(r.provisional) : null,
            units: covered ? num(r.units ?? null) : null,
            ...(r.top !== undefined ? { top: covered ? num(r.top) : null } : {}),
        };
        // Cell keys (`perturb cellkey`) only when the query has them, so other rows keep their shape.
        if ('numerator_key' in r) row.numeratorKey = num(r.numerator_key);
        if ('denominator_key' in r) row.denominatorKey = num(r.denominator_key);
        return row;
    });
}

/** Combines the actual rows of the indicators an expression uses, per period and breakdown cell. */
export function expressionRows(ip: IndicatorPlan, done: Map<string, { plan: IndicatorPlan; rows: ResultRow[] }>): ResultRow[] {
    const lookups = new Map<string, Map<string, ResultRow>>();
    const cells = new Map<string, { period: string; dimensions: Record<string, string | null> }>();
    for (const p of ip.periods) cells.set(cellKey(p.label, {}, ip.dimensions), { period: p.label, dimensions: {} });
    for (const name of ip.dependsOn) {
        const dep = done.get(name);
        const map = new Map<string, ResultRow>();
        for (const row of dep?.rows.filter((r) => r.series === 'actual') ?? []) {
            const key = cellKey(row.period, row.dimensions, dep!.plan.dimensions);
            map.set(key, row);
            const sameBreakdown = dep!.plan.dimensions.join('\0') === ip.dimensions.join('\0');
            if (sameBreakdown && !cells.has(key)) cells.set(key, { period: row.period, dimensions: row.dimensions });
        }
        lookups.set(name, map);
    }
    const out: ResultRow[] = [];
    const order = new Map(ip.periods.map((p, i) => [p.label, i]));
    // Same order as the SQL series: by period, the total first.
    const sorted = [...cells.values()].sort((a, b) => (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0)
        || Object.keys(a.dimensions).length - Object.keys(b.dimensions).length);
    for (const cell of sorted) {
        // An indicator without this breakdown contributes its total to every cell.
        const rowOf = (name: string) => lookups.get(name)?.get(cellKey(cell.period, cell.dimensions, ip.dimensions))
            ?? lookups.get(name)?.get(cellKey(cell.period, {}, ip.dimensions));
        const value = evaluateArith(ip.expression!, (name) => rowOf(name)?.value ?? null);
        const flags = ip.dependsOn.map((n) => rowOf(n)?.provisional ?? null).filter((f) => f !== null);
        out.push({
            indicator: ip.indicator, series: 'actual', period: cell.period, dimensions: cell.dimensions,
            value, numerator: null, denominator: null, target: null,
            status: value === null ? 'no-data' : 'no-target', suppressed: false,
            provisional: flags.length === 0 ? null : flags.some((f) => f),
        });
    }
    return out;
}

/** The names of each dimension's codes, from the plan's label queries. */
async function codeNames(engine: Engine, plan: Plan): Promise<Map<string, Map<string, string>>> {
    const names = new Map<string, Map<string, string>>();
    for (const q of plan.labels ?? []) {
        const map = new Map<string, string>();
        for (const r of await engine.query(q.sql)) if (r.code !== null && r.label !== null) map.set(String(r.code), String(r.label));
        names.set(q.dimension, map);
    }
    return names;
}

/** Labels a cell's codes by their names (`names via`); a code without a name, and the total, get none. */
function labelled(row: ResultRow, names: Map<string, Map<string, string>>): ResultRow {
    const labels: Record<string, string> = {};
    for (const [d, code] of Object.entries(row.dimensions)) {
        const name = code === null ? undefined : names.get(d)?.get(code);
        if (name !== undefined) labels[d] = name;
    }
    return Object.keys(labels).length > 0 ? { ...row, labels } : row;
}

/** What a run needs besides the plan. */
export interface ExecuteOptions {
    /**
     * The secret of `perturb cellkey` (the CLI reads MONITOR_CELLKEY_SECRET). Without it the cell
     * keys are NULL and disclosure control hides every perturbed count: fail closed.
     */
    cellKeySecret?: string | null;
}

/** Runs every query of the plan in dependency order and returns the rows of all series. */
export async function executePlan(engine: Engine, plan: Plan, options: ExecuteOptions = {}): Promise<ResultRow[]> {
    // The secret goes into a table as a quoted literal; the plan's SQL reads it from there (record-key.ts).
    // Only a plan under `perturb cellkey` has it (the PostgreSQL engine, read-only, refuses such plans).
    // The plan says so; its SQL text is not searched, since a quoted value could spell the table's name.
    if (plan.cellKeys) {
        const table = quoteIdent(CELLKEY_SECRET_TABLE);
        const secret = options.cellKeySecret ? quoteLiteral(options.cellKeySecret) : 'CAST(NULL AS VARCHAR)';
        await engine.query(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${secret} AS secret`);
    }
    const names = await codeNames(engine, plan);
    const done = new Map<string, { plan: IndicatorPlan; rows: ResultRow[] }>();
    const out: ResultRow[] = [];
    for (const ip of plan.indicators) {
        const rows = ip.query
            ? seriesRows(ip, 'actual', await engine.query(ip.query.sql), ip.kind === 'rate' ? ip.factor ?? 1 : null, ip.dimensions)
            : expressionRows(ip, done);
        for (const ref of ip.references) {
            const refRows = await engine.query(ref.sql);
            const refDims = ip.dimensions.filter((d) => refRows.length > 0 && d in refRows[0]);
            // One push per row: spreading hundreds of thousands of rows overflows the call stack.
            for (const row of seriesRows(ip, ref.series, refRows, ref.factor ?? null, refDims)) rows.push(row);
        }
        done.set(ip.indicator, { plan: ip, rows });
        for (const row of rows) out.push(names.size > 0 ? labelled(row, names) : row);
    }
    return out;
}

/**
 * Runs the plan's presence queries (series `presence`): the rows per period and breakdown cell,
 * whatever their values, for the breakdown-change warning only; never an output row.
 */
export async function executePresence(engine: Engine, plan: Plan): Promise<ResultRow[]> {
    const out: ResultRow[] = [];
    for (const ip of plan.indicators) {
        if (ip.presence) for (const row of seriesRows(ip, 'presence', await engine.query(ip.presence.sql), null, ip.dimensions)) out.push(row);
    }
    return out;
}
