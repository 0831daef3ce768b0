/**
 * The parameters of the cell key method that the language checks and the engine uses: the largest
 * deviation D a count can get and the variance V of that deviation (docs/privacy-cellkey.md).
 */

/** The largest `max` the language accepts: beyond it the noise costs the reader more than it protects. */
export const MAX_CELLKEY_DEVIATION = 10;

/**
 * The largest variance a p-table with maximum deviation `d` supports: every deviation but 0 equally
 * likely (no mass at 0), (d + 1)(2d + 1) / 6.
 */
export function cellKeyMaxVariance(d: number): number {
    return ((d + 1) * (2 * d + 1)) / 6;
}

/** The variance when `variance` is left out: every deviation from −d to d equally likely, d(d + 1) / 3. */
export function cellKeyDefaultVariance(d: number): number {
    return (d * (d + 1)) / 3;
}
