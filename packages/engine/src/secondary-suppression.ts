/**
 * Secondary suppression: in a breakdown, the shown total and the shown cells of one period must not
 * let anyone work a hidden cell back out. Each (indicator, period) has one linear relation —
 * total = Σ cells — per counted part (numerator, and the denominator when it is a count).
 * Invariant after `secondarySuppression`, for every such relation whose total is shown: either no
 * cell is hidden, or at least two are and their raw sum is at least the minimum (so the difference
 * `total − Σ shown` neither equals one cell nor pins several small ones, e.g. two zeros).
 * When no shown cell is left to hide, the total itself is hidden.
 */
import type { ResultRow } from '@monitor/ir';

/** Which parts of a row are counts under disclosure control. */
export interface CountParts {
    numerator: boolean;
    denominator: boolean;
}

/** One row before and after primary suppression. */
export interface Disclosed {
    raw: ResultRow;
    safe: ResultRow;
    /** The parts hidden to protect another cell: these must stay hidden everywhere (cross-suppression.ts). */
    secret?: Part[];
}

export type Part = 'numerator' | 'denominator';

/** Whether the hidden cells of one relation are protected (see the file comment). */
function protectedEnough(hidden: Disclosed[], part: Part, minimum: number): boolean {
    if (hidden.length === 0) return true;
    if (hidden.length === 1) return false;
    const sum = hidden.reduce((s, d) => s + (d.raw[part] ?? 0), 0);
    return sum >= minimum;
}

/**
 * Returns the rows of one indicator with secondary suppression applied through `hide`. `rows` are all
 * actual rows of one indicator with a breakdown; a row without dimensions is a period's total.
 */
export function secondarySuppression(rows: Disclosed[], parts: CountParts, minimum: number, hide: (r: ResultRow) => ResultRow): Disclosed[] {
    const byPeriod = new Map<string, Disclosed[]>();
    for (const d of rows) byPeriod.set(d.raw.period, [...(byPeriod.get(d.raw.period) ?? []), d]);
    const counted: Part[] = (['numerator', 'denominator'] as Part[]).filter((p) => parts[p]);
    for (const group of byPeriod.values()) {
        const total = group.find((d) => Object.keys(d.raw.dimensions).length === 0);
        const cells = group.filter((d) => d !== total);
        if (!total || cells.length === 0) continue;
        // Each pass hides one more row; it ends because every pass hides a shown row or the total.
        for (let pass = 0; pass <= group.length; pass++) {
            if (total.safe.suppressed) break;
            const part = counted.find((p) => !protectedEnough(cells.filter((c) => c.safe.suppressed), p, minimum));
            if (!part) break;
            const shown = cells.filter((c) => !c.safe.suppressed && c.raw[part] !== null);
            // The next-smallest shown cell costs the least information; ties go to the first in order.
            shown.sort((a, b) => (a.raw[part] ?? 0) - (b.raw[part] ?? 0));
            const victim = shown[0] ?? total;
            victim.safe = hide(victim.safe);
            victim.secret = [...(victim.secret ?? []), part];
        }
    }
    return rows;
}
