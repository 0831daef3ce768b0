/** Writing rows as JSON or CSV. */
import { flattenRow, rowsToCsv, type ResultRow } from '@monitor/ir';

/** Rows as CSV (the shared writer in @monitor/ir). */
export { rowsToCsv };

/** Rows as pretty-printed JSON. */
export function rowsToJson(rows: ResultRow[]): string {
    return JSON.stringify(rows.map(flattenRow), null, 2) + '\n';
}
