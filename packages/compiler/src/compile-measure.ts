/**
 * Measures → CTEs that aggregate them per period (and breakdown): `<prefix>_agg(label | o, <dims>,
 * total, prov, <tag>value, <tag>units)` (a dated measure by period ordinal `o`, the others by
 * label), plus their coverage as SQL over the periods. Measures
 * on the same source and time meaning (a share: numerator and denominator) are counted in one pass.
 * The final SELECT is assembled elsewhere.
 */
import { personLevel, type MeasureIR, type TimeMeaning } from '@monitor/ir';
import { compileCondition } from './compile-condition.js';
import { dimensionValueSql } from './dimension-value.js';
import { episodeOrdinals } from './episode-ordinals.js';
import { boundDimensions, keyColumn, type MeasureContext } from './measure-context.js';
import { measureCoverage, snapshotDatesCte, type MeasureCoverage } from './measure-coverage.js';
import { aggregateSql, coveredDates, effectiveTime, episodes, periodJoin, timeColumns, valueSql } from './measure-rows.js';
import { levelAggregateSql, levelConditions } from './source-levels.js';
import { cellKeySql, needsCellKey, needsRowKey, recordKeySql, rowIdentity } from './record-key.js';
import { createScope } from './source-scope.js';
import { PlanError, quoteIdent, sqlInteger } from './sql-text.js';
import { sqlDialect } from './sql-dialect.js';

/** The CTEs of one measure and what the assembly needs to join them. */
export interface CompiledMeasure {
    ctes: string[];
    /** CTE with `<key>, <boundDims>, total` and the `columns`. */
    agg: string;
    /** How `agg` names its period: by label, or by ordinal (`o`) for a dated measure counted without the periods. */
    key: 'label' | 'o';
    /**
     * The measure's columns in `agg`: its value, provisional flag, units (absent when not asked for),
     * for a sum or average over person-level rows `top`: the largest absolute value of one row (dominance),
     * and its cell key (a count under `perturb cellkey`; record-key.ts).
     */
    columns: { value: string; prov: string; units: string | null; top?: string | null; cellKey: string | null };
    /** Which periods the measure's source covers, as SQL over `periods AS p`. */
    coverage: MeasureCoverage;
    /** The indicator's dimensions this measure's source binds. */
    boundDims: string[];
    hasStatus: boolean;
    isCount: boolean;
}

/** One measure to compile: `tag` prefixes its columns when it shares a pass, `units` asks for its units. */
export interface MeasurePart {
    measure: MeasureIR;
    tag: string;
    units: boolean;
}

/** Whether two measures can be counted in one pass: same source and time meaning, no stacking or transition. */
export function canShareRows(a: MeasureIR, b: MeasureIR): boolean {
    return a.source === b.source && effectiveTime(a) === effectiveTime(b)
        && !a.having && !b.having && !a.transition && !b.transition;
}

/** Compiles a measure into CTEs named `<prefix>_…`, with columns `value`, `prov` and (when `units`) `units`. */
export function compileMeasure(measure: MeasureIR, ctx: MeasureContext, prefix: string, units = true): CompiledMeasure {
    return compileMeasures([{ measure, tag: '', units }], ctx, prefix)[0];
}

/**
 * Compiles measures that `canShareRows` into one pass over their source: the rows of any of them,
 * each aggregate counting only its own rows (`FILTER (WHERE <tag>in)`). One part is a plain measure.
 */
export function compileMeasures(parts: MeasurePart[], ctx: MeasureContext, prefix: string): CompiledMeasure[] {
    const measure = parts[0].measure;
    const shared = parts.length > 1;
    const scope = createScope(ctx.program, measure.source, 's', measure.transition !== null);
    const source = scope.source;
    const shape = source.shape;
    const time: TimeMeaning = effectiveTime(measure);
    const dims = boundDimensions(ctx.program, ctx.dimensions, measure.source);
    const n = (s: string) => `${prefix}_${s}`;
    const key = keyColumn(shape);

    const cols = dims.map((d) => `${dimensionValueSql(ctx, d, scope)!} AS ${quoteIdent(d)}`);
    cols.push(...timeColumns(time, shape, scope, ctx.grain));
    // The value column of each part, `<tag>v`; parts that aggregate the same value read one column.
    const valueCols = new Map<string, string>();
    const values = parts.map(({ measure: m, tag }) => {
        const v = valueSql(m, scope, time);
        if (v === null) return 'v';
        if (!valueCols.has(v)) {
            valueCols.set(v, `${tag}v`);
            cols.push(`${v} AS ${tag}v`);
        }
        return valueCols.get(v)!;
    });
    if (measure.having || measure.transition) {
        if (!key) throw new PlanError(`Source ${source.name} needs a key for stacking and transitions.`);
        cols.push(`${scope.own(key)} AS k`);
    }
    if (measure.having) cols.push(`${scope.column(measure.having.column)} AS h`);
    // Under `perturb cellkey`, a count of rows sums each row's record key (record-key.ts).
    if (parts.some(({ measure: m }) => needsRowKey(ctx.program, m))) {
        cols.push(`${recordKeySql(rowIdentity(source, scope, key))} AS rk`);
    }
    if (measure.transition) cols.push(`${scope.own(sqlDialect().rowId)} AS rid`);
    if (source.status) cols.push(`lower(CAST(${scope.own(source.status)} AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row`);
    const levels = levelConditions(scope);
    if (levels) cols.push(`${levels.total} AS lvl_total`, `${levels.cell} AS lvl_cell`);
    const filters = parts.map((p) => (p.measure.filter ? compileCondition(p.measure.filter, scope) : null));
    if (shared) parts.forEach((p, i) => cols.push(`${filters[i] ?? 'TRUE'} AS ${p.tag}in`));
    if (cols.length === 0) cols.push('1 AS one');
    // A dated row (an event, a start, an end) has one period, its ordinal `o`: such a measure is grouped by
    // `o` without joining the periods. Its rows are only those dated inside the covered periods (a
    // literal range on the date column, which the scan can skip blocks with).
    const byOrdinal = (time === 'event' || time === 'started' || time === 'ended') && !measure.having;
    const rowFilters: string[] = [];
    if (byOrdinal) rowFilters.push(coveredDates(ctx, source, time, scope));
    // Invariant: rows of no declared level (CBS's buurten beside its wijken) count nowhere.
    if (levels) rowFilters.push(`(${levels.total} OR ${levels.cell})`);
    // A row belongs to the pass when any part counts it; without a filter every row does.
    if (filters.every((f) => f !== null)) rowFilters.push(filters.length > 1 ? `(${filters.join(' OR ')})` : filters[0]!);
    const snap = snapshotDatesCte(n('snap'), source);
    const snapName = snap ? n('snap') : null;
    const coverage = measureCoverage(prefix, source, snapName);
    // Episodes that list their own periods (PostgreSQL) keep only the rows active in a covered period.
    const ordinals = episodeOrdinals(ctx, measure, source, time, scope, coverage);
    if (ordinals) rowFilters.push(ordinals.rowFilter);
    const where = rowFilters.length > 0 ? `\n    WHERE ${rowFilters.join(' AND ')}` : '';
    const ctes = [`${n('rows')} AS (\n    SELECT ${cols.join(',\n           ')}\n    FROM ${scope.from()}${where}\n)`];
    if (snap) ctes.push(snap);
    ctes.push(...coverage.ctes);

    const conditions: string[] = [];
    // Rows joined to periods get hits in covered periods only: an uncovered period shows NULL anyway,
    // and open episodes would otherwise be joined to every future period (measured: ~25 % of the time
    // on 1M episodes). A declared coverage is a plain filter on the periods (measured faster than a
    // subquery, above all in DuckDB-WASM); a coverage that needs joins filters the periods in a
    // subquery first. Dated rows are not joined: their date range did this already; nor are episodes
    // that list their periods: their series holds covered periods only.
    const joined = !byOrdinal && !ordinals;
    let covered = 'periods';
    if (joined && coverage.joins.length > 0) {
        covered = `(SELECT p.* FROM periods AS p${coverage.joins.map((j) => ` ${j}`).join('')} WHERE ${coverage.covered})`;
    } else if (joined && coverage.covered !== 'TRUE' && time !== 'snapshot') {
        conditions.push(coverage.covered);
    }
    if (measure.transition) {
        const b = createScope(ctx.program, measure.source, 'b', true);
        const bWhere = measure.transition.to ? `\n    WHERE ${compileCondition(measure.transition.to, b)}` : '';
        const bEp = episodes(shape, time);
        ctes.push(`${n('next')} AS (\n    SELECT ${b.own(bEp.key)} AS b_k, ${b.own(bEp.start)} AS b_start, ${b.own(sqlDialect().rowId)} AS b_rid\n    FROM ${b.from()}${bWhere}\n)`);
        const within = sqlInteger(measure.transition.withinDays);
        // Invariant: 0 <= B.start − A.end <= N, and B is another episode than A itself.
        conditions.push(`EXISTS (SELECT 1 FROM ${n('next')} AS nx WHERE nx.b_k = r.k AND nx.b_start >= r.t_end`
            + ` AND nx.b_start <= r.t_end + ${within} AND nx.b_rid <> r.rid)`);
    }
    const hitsWhere = conditions.length > 0 ? `\n    WHERE ${conditions.join(' AND ')}` : '';
    let counted = n('hits');
    if (byOrdinal) {
        // Rows of a period the derived coverage leaves out are counted too, and hidden by the grid.
        if (conditions.length > 0) ctes.push(`${n('hits')} AS (\n    SELECT r.*\n    FROM ${n('rows')} AS r${hitsWhere}\n)`);
        else counted = n('rows');
    } else if (ordinals) {
        ctes.push(`${n('hits')} AS (\n    SELECT g.o, r.*\n    FROM ${n('rows')} AS r ${ordinals.join}${hitsWhere}\n)`);
    } else {
        const start = time === 'snapshot' ? '' : ' p.p_start,';
        ctes.push(`${n('hits')} AS (\n    SELECT p.label,${start} r.*\n    FROM ${n('rows')} AS r ${periodJoin(time, snapName, covered)}${hitsWhere}\n)`);
    }
    const periodKey = byOrdinal || ordinals ? 'o' : 'label';

    if (measure.having) {
        ctes.push(stackingCte(n('stack'), n('hits'), time, measure.having.min));
        ctes.push(`${n('stacked')} AS (SELECT h.* FROM ${n('hits')} AS h JOIN ${n('stack')} AS st ON st.label = h.label AND st.k = h.k)`);
        counted = n('stacked');
    }
    const dimList = dims.map(quoteIdent);
    const groupBy = dims.length ? `GROUPING SETS ((${periodKey}, ${dimList.join(', ')}), (${periodKey}))` : periodKey;
    const total = dims.length ? `GROUPING(${dimList[0]}) = 1` : 'TRUE';
    const aggs: string[] = [];
    // Parts of one pass share one provisional flag over all their rows: a series is provisional when
    // any row of its numerator or denominator is, so it ORs them anyway.
    aggs.push(`${source.status ? 'bool_or(prov_row)' : 'CAST(NULL AS BOOLEAN)'} AS prov`);
    const compiled = parts.map(({ measure: m, tag, units }, i): CompiledMeasure => {
        const only = shared ? ` FILTER (WHERE ${tag}in)` : '';
        aggs.push(`CAST(${aggregateSql(m, values[i], scope)}${only} AS ${sqlDialect().double}) AS ${tag}value`);
        // The units behind a value: rows with a value when one is aggregated. Only disclosure control of a
        // non-count value reads them (a count is its own number of units): otherwise they are not counted.
        const wantUnits = units && !m.isCount && ctx.program.monitor.privacy !== null;
        if (wantUnits) aggs.push(`${m.duration || (m.column && !m.having) ? `count(${values[i]})` : 'count(*)'}${only} AS ${tag}units`);
        // The dominance rule of disclosure control: how much of a sum the largest single row makes up.
        const wantTop = wantUnits && (m.aggregate === 'sum' || m.aggregate === 'avg') && personLevel(source);
        if (wantTop) aggs.push(`max(abs(CAST(${values[i]} AS ${sqlDialect().double})))${only} AS ${tag}top`);
        const wantKey = needsCellKey(ctx.program, m);
        if (wantKey) aggs.push(`${cellKeySql(m, values[i], only)} AS ${tag}ck`);
        return {
            ctes: i === 0 ? ctes : [], agg: n('agg'), key: periodKey, coverage, boundDims: dims,
            columns: {
                value: `${tag}value`, prov: 'prov', units: wantUnits ? `${tag}units` : null,
                ...(wantTop ? { top: `${tag}top` } : {}), cellKey: wantKey ? `${tag}ck` : null,
            },
            hasStatus: source.status !== null, isCount: m.isCount,
        };
    });
    if (levels) {
        // Invariant: a total is read from the total rows, a cell from the cell rows; never summed across levels.
        ctes.push(`${n('agg')} AS (\n    ${levelAggregateSql(periodKey, dims, aggs, counted)}\n)`);
        return compiled;
    }
    // One pass with GROUPING SETS: measured faster in DuckDB-WASM than a UNION ALL of cells and totals.
    ctes.push(`${n('agg')} AS (
    SELECT ${periodKey}, ${[...dimList, ''].join(', ')}${total} AS total, ${aggs.join(', ')}
    FROM ${counted}
    GROUP BY ${groupBy}
)`);
    return compiled;
}

/**
 * Keys with at least `min` distinct `h` values active at one moment. At the end of the period for
 * `active-at-end`; for `active-during`, the candidate moments are the period start and every start
 * date inside the period, because the number of active episodes only rises at a start.
 */
function stackingCte(name: string, hits: string, time: TimeMeaning, min: number): string {
    const atLeast = sqlInteger(min);
    if (time !== 'active-during') {
        return `${name} AS (SELECT label, k FROM ${hits} GROUP BY label, k HAVING count(DISTINCT h) >= ${atLeast})`;
    }
    return `${name} AS (
    SELECT DISTINCT mo.label, mo.k
    FROM (SELECT label, k, p_start AS m FROM ${hits}
          UNION SELECT label, k, t_start FROM ${hits} WHERE t_start > p_start) AS mo
    JOIN ${hits} AS a ON a.label = mo.label AND a.k = mo.k AND a.t_start <= mo.m AND a.t_end_c >= mo.m
    GROUP BY mo.label, mo.k, mo.m
    HAVING count(DISTINCT a.h) >= ${atLeast}
)`;
}
