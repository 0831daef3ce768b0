/**
 * Record keys for the cell key method (`perturb cellkey`): each row's key is a keyed hash of its key
 * column (or, for a source without one, of all its declared columns) with the secret from the
 * engine's `monitor_cellkey` table, as a 48-bit whole number. A cell's key is the sum of the record
 * keys of its rows modulo 2^48: whole numbers, so both engines and every thread order give the same
 * sum. md5 is in DuckDB-WASM and native DuckDB alike (test/cellkey-engines.test.ts checks it).
 */
import { CELLKEY_MODULUS, CELLKEY_SECRET_TABLE, countLike, type MeasureIR, type ProgramIR, type SourceIR } from '@monitor/ir';
import type { SourceScope } from './source-scope.js';
import { quoteIdent, sqlInteger } from './sql-text.js';

/** A 48-bit record key of a text expression, keyed with the secret; NULL when there is no secret. */
export function recordKeySql(expression: string): string {
    // chr(31) separates secret and value; a missing value hashes as chr(30), not as NULL.
    const text = `coalesce(CAST(${expression} AS VARCHAR), chr(30))`;
    return `CAST('0x' || substr(md5((SELECT secret FROM ${quoteIdent(CELLKEY_SECRET_TABLE)}) || chr(31) || ${text}), 1, 12) AS BIGINT)`;
}

/** What identifies a row of a source: its key column, or else every declared column joined. */
export function rowIdentity(source: SourceIR, scope: SourceScope, key: string | null): string {
    if (key) return scope.own(key);
    const parts = source.columns.map((c) => `coalesce(CAST(${scope.own(c.name)} AS VARCHAR), chr(30))`);
    return parts.length > 0 ? `concat_ws(chr(31), ${parts.join(', ')})` : `CAST(${scope.own('rowid')} AS VARCHAR)`;
}

/**
 * The cell key aggregate of a count measure over its hits: the sum of the record keys of the units it
 * counts (the distinct values for `count distinct` and stacking, the rows otherwise), modulo 2^48.
 * `rk` is the rows' record key column, `v` the value column; `only` its `FILTER` in a shared pass.
 */
export function cellKeySql(measure: MeasureIR, v: string, only: string): string {
    const sum = measure.having ? `sum(DISTINCT ${recordKeySql('k')})`
        : measure.aggregate === 'count-distinct' ? `sum(DISTINCT ${recordKeySql(v)})`
            // A sum treated as a count (a 0/1 column) counts the rows whose value is not 0.
            : measure.aggregate === 'sum' ? `sum(CASE WHEN ${v} <> 0 THEN rk END)`
                : 'sum(rk)';
    return `CAST(${sum}${only} % ${sqlInteger(CELLKEY_MODULUS)} AS DOUBLE)`;
}

/** Whether a measure's count gets a cell key: a count (`countLike`, as disclosure control decides) under `perturb cellkey`. */
export function needsCellKey(program: ProgramIR, measure: MeasureIR): boolean {
    return program.monitor.privacy?.perturb !== undefined && countLike(program, measure);
}

/** Whether a measure's cell key sums the rows' record key column `rk` (not the distinct values). */
export function needsRowKey(program: ProgramIR, measure: MeasureIR): boolean {
    return needsCellKey(program, measure) && !measure.having && measure.aggregate !== 'count-distinct';
}
