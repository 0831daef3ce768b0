/**
 * Building blocks the episode examples share: daily arrivals (a Poisson process), log-normal
 * durations in whole days, and the extract rule (what a municipality's file holds on the extract date).
 */
import { isoOf } from './dates.mjs';

/** Calls `arrive(day)` for each arrival; `meanPerDay(day)` is the expected number that day. */
export function dailyArrivals(random, from, to, meanPerDay, arrive) {
    for (let day = from; day <= to; day++) {
        for (let n = random.poisson(meanPerDay(day)); n > 0; n--) arrive(day);
    }
}

/** A duration in days (at least `min`) drawn from a log-normal with the given median. */
export function durationDays(random, median, sigma, min = 1, max = 3650) {
    return Math.round(Math.min(max, Math.max(min, random.logNormal(median, sigma))));
}

/** A fresh pseudonymous client id that has not been handed out yet. */
export function idMaker(random, prefix) {
    const used = new Set();
    return () => {
        let id;
        do id = `${prefix}${random.hex(8)}`;
        while (used.has(id));
        used.add(id);
        return id;
    };
}

/**
 * The rows an extract on `extractDay` holds: episodes active on or after `firstDay` that started by
 * the extract date; an episode still running then has an empty end. `status` marks starts from
 * `provisionalFrom` as "voorlopig". Sorted by start, client and the remaining columns.
 */
export function extractRows(episodes, { firstDay, extractDay, provisionalFrom, columns }) {
    const rows = [];
    for (const e of episodes) {
        if (e.start > extractDay || e.end < firstDay) continue;
        const row = { ...e, begindatum: isoOf(e.start), einddatum: e.end > extractDay ? '' : isoOf(e.end) };
        if (provisionalFrom !== undefined) row.status = e.start >= provisionalFrom ? 'voorlopig' : 'definitief';
        rows.push(row);
    }
    const keys = ['begindatum', 'client_id', ...columns.filter(c => c !== 'begindatum' && c !== 'client_id')];
    return rows.sort((a, b) => {
        for (const k of keys) if (a[k] !== b[k]) return String(a[k]) < String(b[k]) ? -1 : 1;
        return 0;
    });
}
