/** Writing rows as JSON or CSV. */
import { flattenRow, roundRow, rowsToCsv, type IndicatorIR, type ResultRow } from '@monitor/ir';

/** Rows as CSV (the shared writer in @monitor/ir). */
export { rowsToCsv };

/** Rows as pretty-printed JSON; numbers through the one rounding rule (`roundRow`) of their indicator. */
export function rowsToJson(rows: ResultRow[], indicators: IndicatorIR[] = []): string {
    const byName = new Map(indicators.map(i => [i.name, i]));
    return JSON.stringify(rows.map(r => { const i = byName.get(r.indicator); return flattenRow(i ? roundRow(r, i) : r); }), null, 2) + '\n';
}
