/**
 * Pre-aggregated tables (`levels soort_regio { total "Gemeente"  cells "Wijk" }`): a total is read
 * from the total rows and breakdown cells from the cell rows, never summed across levels.
 */
import type { SourceIR } from '@monitor/ir';
import type { SourceScope } from './source-scope.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';

/** SQL conditions on a source's rows: which rows hold the total, which the breakdown cells. Null: one level. */
export function levelConditions(scope: SourceScope): { total: string; cell: string } | null {
    const levels = scope.source.levels;
    if (!levels) return null;
    const column = `CAST(${scope.own(levels.column)} AS VARCHAR)`;
    const total = `coalesce(${column} = ${quoteLiteral(levels.total)}, FALSE)`;
    const cell = levels.cells === null
        ? `coalesce(${column} <> ${quoteLiteral(levels.total)}, FALSE)`
        : `coalesce(${column} = ${quoteLiteral(levels.cells)}, FALSE)`;
    return { total, cell };
}

/**
 * The aggregate CTE body of a measure on a source with levels: the cells aggregate the cell rows only,
 * the total aggregates the total rows only (columns `lvl_cell`, `lvl_total` of the rows).
 */
export function levelAggregateSql(periodKey: string, dims: string[], aggs: string[], counted: string): string {
    const totals = `SELECT ${periodKey}, ${dims.map((d) => `CAST(NULL AS VARCHAR) AS ${quoteIdent(d)}, `).join('')}TRUE AS total, ${aggs.join(', ')}
    FROM ${counted}
    WHERE lvl_total
    GROUP BY ${periodKey}`;
    if (dims.length === 0) return totals;
    const list = dims.map(quoteIdent).join(', ');
    return `SELECT ${periodKey}, ${list}, FALSE AS total, ${aggs.join(', ')}
    FROM ${counted}
    WHERE lvl_cell
    GROUP BY ${periodKey}, ${list}
    UNION ALL
    ${totals}`;
}

/** Whether a source declares levels. */
export function hasLevels(source: SourceIR): boolean {
    return source.levels !== undefined && source.levels !== null;
}
