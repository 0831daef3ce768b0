/** The compiler's stage function: program IR → SQL plan, one query per indicator and reference. */
import type {
    ArithIR, ConditionIR, IndicatorIR, IndicatorPlan, MeasureIR, Plan, PlanPeriod, ProgramIR, ReferenceIR, ReferencePlan, TimeMeaning,
} from '@monitor/ir';
import { assembleSeries } from './assemble-series.js';
import { canShareRows, compileMeasure, compileMeasures } from './compile-measure.js';
import { effectiveTime } from './measure-rows.js';
import { boundDimensions, type MeasureContext } from './measure-context.js';
import { monitorPeriods } from './periods-cte.js';
import { findSource } from './source-scope.js';
import { PlanError, sqlNumber } from './sql-text.js';
import { labelQueries } from './label-queries.js';
import { parsePeriod, periodEnd, periodStart } from '@monitor/ir';
import { DUCKDB, withDialect, type Dialect } from './sql-dialect.js';

/** Names of the indicators an arithmetic expression uses, each once, in order of appearance. */
export function expressionIndicators(expression: ArithIR): string[] {
    const out: string[] = [];
    const walk = (e: ArithIR): void => {
        if (e.kind === 'indicator') { if (!out.includes(e.name)) out.push(e.name); }
        else if (e.kind === 'binary') { walk(e.left); walk(e.right); }
    };
    walk(expression);
    return out;
}

/** The SQL of one measure as a full series (numerator only). */
export function compileMeasureSql(
    program: ProgramIR, measure: MeasureIR, dimensions: string[], periods: PlanPeriod[], grain: MeasureContext['grain'],
    groupFilter: ConditionIR | null = null,
): string {
    const ctx: MeasureContext = { program, grain, dimensions };
    return assembleSeries({ groupSource: measure.source, groupFilter, numerator: compileMeasure(measure, ctx, 'n'), denominator: null }, ctx, periods);
}

const REFERENCE_TIME: Record<string, TimeMeaning> = {
    events: 'event', episodes: 'active-at-end', snapshot: 'snapshot', table: 'none',
};

/** The periods a reference has values in: with `in <label>`, those that overlap the label. */
function referencePeriods(reference: ReferenceIR, periods: PlanPeriod[]): PlanPeriod[] {
    const label = reference.period ? parsePeriod(reference.period) : null;
    if (!label) return periods;
    const [from, to] = [periodStart(label), periodEnd(label)];
    return periods.filter((p) => p.start <= to && p.end >= from);
}

/**
 * A reference series as SQL. Its value is a column read per period by the source's own time meaning;
 * when several rows match one period (and breakdown cell), their average is the value. A rate
 * reference (`value sum a per 1000 sum b`) sums both columns over the matching rows instead: its
 * numerator and denominator come out as a rate's, and the engine divides (`ReferencePlan.factor`).
 * With `in <period>` it has rows only in the periods inside that period.
 */
export function compileReferenceSql(program: ProgramIR, indicator: IndicatorIR, reference: ReferenceIR, periods: PlanPeriod[]): string {
    const source = findSource(program, reference.source);
    const measure = (aggregate: MeasureIR['aggregate'], column: MeasureIR['column']): MeasureIR => ({
        source: reference.source, aggregate, column, duration: false,
        time: REFERENCE_TIME[source.shape.kind], filter: reference.filter, having: null, transition: null,
        isCount: false, span: reference.span,
    });
    // Break a reference down only when its source binds every dimension; otherwise it is a total only.
    const all = boundDimensions(program, indicator.by, reference.source).length === indicator.by.length;
    const dimensions = all ? indicator.by : [];
    const own = referencePeriods(reference, periods);
    // A period outside the range (a warning in validation) leaves no rows: the full grid, filtered out.
    const chosen = own.length > 0 ? own : periods;
    let sql: string;
    if (reference.rate) {
        const ctx: MeasureContext = { program, grain: indicator.grain, dimensions };
        const [numerator, denominator] = compileMeasures([
            { measure: measure('sum', reference.rate.numerator), tag: 'n_', units: false },
            { measure: measure('sum', reference.rate.denominator), tag: 'd_', units: false },
        ], ctx, 'n');
        sql = assembleSeries({ groupSource: reference.source, groupFilter: reference.filter, numerator, denominator }, ctx, chosen);
    } else {
        // A reference's cells are the breakdown values of the rows it reads (it has no 0 to fill in):
        // a municipal figure outside a binding's `where` stays a total only.
        sql = compileMeasureSql(program, measure('avg', reference.value), dimensions, chosen, indicator.grain, reference.filter);
    }
    return own.length > 0 ? sql : `SELECT * FROM (\n${sql}\n) AS outside_range WHERE FALSE`;
}

/** The factor of a rate reference (100 for percent), or null for a column reference. */
function referenceFactor(reference: ReferenceIR): number | null {
    if (!reference.rate) return null;
    return reference.rate.percent ? 100 : Number(sqlNumber(reference.rate.scale));
}

/**
 * For a breakdown of a measure or rate: every row of the numerator's source per period and cell, by the
 * same time meaning and without filter, so a cell whose values are missing is still present.
 */
function presenceQuery(program: ProgramIR, indicator: IndicatorIR, periods: PlanPeriod[]): { sql: string } | null {
    const v = indicator.value;
    const counted = v.kind === 'measure' ? v.measure : v.kind === 'rate' ? v.numerator : null;
    if (!counted || indicator.by.length === 0) return null;
    const rows: MeasureIR = {
        ...counted, aggregate: 'count', column: null, duration: false, filter: null, having: null, transition: null,
        isCount: true, time: effectiveTime(counted),
    };
    return { sql: compileMeasureSql(program, rows, indicator.by, periods, indicator.grain) };
}

function planIndicator(program: ProgramIR, indicator: IndicatorIR): IndicatorPlan {
    const periods = monitorPeriods(program.monitor, indicator.grain);
    const ctx: MeasureContext = { program, grain: indicator.grain, dimensions: indicator.by };
    const references: ReferencePlan[] = indicator.references.map((r) => ({
        series: r.series, sql: compileReferenceSql(program, indicator, r, periods),
        // Only for a rate reference, so the plan of a column reference stays as it was.
        ...(r.rate ? { factor: referenceFactor(r) } : {}),
    }));
    const presence = presenceQuery(program, indicator, periods);
    const base = {
        indicator: indicator.name, grain: indicator.grain, dimensions: indicator.by, periods, references,
        factor: null, expression: null, dependsOn: [] as string[], ...(presence ? { presence } : {}),
    };
    const value = indicator.value;
    switch (value.kind) {
        case 'measure':
            return { ...base, kind: 'measure', query: { sql: compileMeasureSql(program, value.measure, indicator.by, periods, indicator.grain) } };
        case 'rate': {
            const factor = value.percent ? 100 : Number(sqlNumber(value.scale));
            // A share (same source and time meaning) is counted in one pass; only the numerator's units are needed.
            const [numerator, denominator] = canShareRows(value.numerator, value.denominator)
                ? compileMeasures([
                    { measure: value.numerator, tag: 'n_', units: true },
                    { measure: value.denominator, tag: 'd_', units: false },
                ], ctx, 'n')
                : [compileMeasure(value.numerator, ctx, 'n'), compileMeasure(value.denominator, ctx, 'd', false)];
            const sql = assembleSeries({ groupSource: value.numerator.source, numerator, denominator }, ctx, periods);
            return { ...base, kind: 'rate', query: { sql }, factor };
        }
        case 'expression':
            return { ...base, kind: 'expression', query: null, expression: value.expression, dependsOn: expressionIndicators(value.expression) };
    }
}

/** Orders indicators so every expression comes after the indicators it uses; a cycle is an error. */
function dependencyOrder(plans: IndicatorPlan[]): IndicatorPlan[] {
    const byName = new Map(plans.map((p) => [p.indicator, p]));
    const out: IndicatorPlan[] = [];
    const state = new Map<string, 'busy' | 'done'>();
    const visit = (p: IndicatorPlan): void => {
        const s = state.get(p.indicator);
        if (s === 'done') return;
        if (s === 'busy') throw new PlanError(`The indicator ${p.indicator} depends on itself.`);
        state.set(p.indicator, 'busy');
        for (const dep of p.dependsOn) {
            const d = byName.get(dep);
            if (!d) throw new PlanError(`The indicator ${p.indicator} uses ${dep}, which does not exist.`);
            visit(d);
        }
        state.set(p.indicator, 'done');
        out.push(p);
    };
    plans.forEach(visit);
    return out;
}

/** Options of planning: the SQL dialect of the engine that runs the plan (DuckDB when absent). */
export interface PlanOptions {
    dialect?: Dialect;
}

/** Plans every indicator of the program: SQL per measure/rate and reference, expressions in dependency order. */
export function planIndicators(program: ProgramIR, options: PlanOptions = {}): Plan {
    return withDialect(options.dialect ?? DUCKDB, () => planAll(program));
}

function planAll(program: ProgramIR): Plan {
    const plan: Plan = { monitor: program.monitor.name, indicators: dependencyOrder(program.indicators.map((i) => planIndicator(program, i))) };
    const labels = labelQueries(program);
    // Cell keys read the secret's table (record-key.ts), so a perturbing monitor's plan says so.
    const perturbs = program.monitor.privacy?.perturb !== undefined;
    return { ...plan, ...(labels.length > 0 ? { labels } : {}), ...(perturbs ? { cellKeys: true as const } : {}) };
}
