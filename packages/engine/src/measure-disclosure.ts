/**
 * How disclosure control treats a measure, by what it aggregates and over which rows:
 * - a **count**: `count`, `count distinct`, `transitions`, stacking; a `sum` of a column declared
 *   `integer count` (counts of people in a table); and a `sum` of an integer or boolean column over
 *   person-level rows (a sum of a 0/1 flag *is* the count of the flagged people). Rounded, hidden below
 *   the minimum, and part of secondary suppression like any count.
 * - a **flag average**: an `avg` of an integer or boolean column over person-level rows. Its sum is a
 *   count (the average of a 0/1 flag times the number of rows is the number flagged), so it is disclosed
 *   as a rate of two counts: sum / rows, both rounded and at least the minimum.
 * - any other value over person-level rows (a decimal sum, a median, an average duration): shown only
 *   with at least `minimum` rows behind it, and a sum or average only when no single row is more than
 *   the dominance share of the total.
 */
import { countLike, overPersons, wholeOverPersons, type MeasureIR, type PrivacyIR, type ProgramIR } from '@monitor/ir';

export { countLike, overPersons };

/** The dominance share (percent) when the privacy block states none: the (1, 50%) rule. */
export const DEFAULT_DOMINANCE = 50;

/** Whether the measure is an average whose sum is a count (a flag average, see the file comment). */
export function flagAverage(program: ProgramIR, m: MeasureIR): boolean {
    return m.aggregate === 'avg' && wholeOverPersons(program, m);
}

/**
 * Whether a sum or average over person-level rows fails the dominance rule: its largest single row
 * (`top`) is more than the dominance share of the total (`sum`). False when the row carries no `top`.
 */
export function dominated(top: number | null | undefined, sum: number | null, privacy: PrivacyIR): boolean {
    if (top === undefined || top === null || sum === null) return false;
    const share = (privacy.dominance ?? DEFAULT_DOMINANCE) / 100;
    return top > share * Math.abs(sum) + 1e-9;
}
