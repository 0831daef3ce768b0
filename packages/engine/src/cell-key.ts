/**
 * The cell key method (`perturb cellkey max D variance V`), as in the Australian Bureau of Statistics'
 * TableBuilder and the European census tables: a count n with cell key u (the sum of its rows'
 * record keys modulo 2^48, divided by 2^48, so uniform on [0, 1)) is published as n + d, where d is
 * looked up in a p-table by n and u. The same rows always give the same d; a cell with one row more
 * or less has an unrelated key, so subtracting two overlapping cells does not cancel the noise.
 *
 * The p-table (docs/privacy-cellkey.md): for n ≥ D, d is −D…D, symmetric, P(0) = 1 − λ and
 * P(±j) = λ / 2D for j = 1…D, with λ chosen so the variance is V (λ = 1: no mass at 0). For
 * 0 < n < D the same shape over −n…n (variance min(V, its largest)), so no count goes below 0; a
 * count of 0 stays 0 (a cell without rows has no key). Zero mean for every n.
 */
import { CELLKEY_MODULUS, cellKeyMaxVariance, type PerturbationIR } from '@monitor/ir';

/** The deviations −m…m of one row of the p-table with their cumulative probabilities. */
export interface PTableRow {
    deviations: number[];
    /** cumulative[i] = P(d ≤ deviations[i]); the last is 1. */
    cumulative: number[];
}

/** The p-table row for a count of `n` (n ≥ 1) under maximum deviation `d` and variance `v`. */
export function pTableRow(n: number, d: number, v: number): PTableRow {
    const m = Math.min(n, d);
    const lambda = Math.min(1, v / cellKeyMaxVariance(m));
    const deviations: number[] = [];
    const cumulative: number[] = [];
    let total = 0;
    for (let j = -m; j <= m; j++) {
        total += j === 0 ? 1 - lambda : lambda / (2 * m);
        deviations.push(j);
        cumulative.push(j === m ? 1 : total);
    }
    return { deviations, cumulative };
}

/** The deviation for a count `n` whose cell key is `key` (a whole number in [0, 2^48)). */
export function cellKeyDeviation(n: number, key: number, perturb: PerturbationIR): number {
    if (n <= 0) return 0;
    const u = key / CELLKEY_MODULUS;
    const row = pTableRow(n, perturb.maxDeviation, perturb.variance);
    const i = row.cumulative.findIndex((c) => u < c);
    return row.deviations[i < 0 ? row.deviations.length - 1 : i];
}

/**
 * A count as published before rounding: `raw` plus its deviation under `perturb cellkey`, `raw` as is
 * without perturbation. Null (hide it) when the count is perturbed but its cell key is missing: no
 * secret was given, or the row never had one — fail closed.
 */
export function perturbCount(raw: number, key: number | null | undefined, perturb: PerturbationIR | undefined): number | null {
    if (!perturb || raw === 0) return raw;
    if (key === null || key === undefined) return null;
    return raw + cellKeyDeviation(raw, key, perturb);
}
