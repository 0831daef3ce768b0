/**
 * A small path model shared by the flow examples (doorstroom, afschaling, werk): clients enter a
 * provision, and when an episode ends the next one follows with given chances after a drawn gap.
 */
import { durationDays } from '../lib/simulate.mjs';

/**
 * Follows one client from `provision` on `start` for at most `steps` episodes and pushes them to
 * `out`. `model[provision]` gives `{ median, sigma, next(endDay) → {provision: weight, geen: w}, gap(to) → days }`.
 */
export function followPath(random, model, out, client, provision, start, extra, steps = 5) {
    for (let step = 0; step < steps; step++) {
        const m = model[provision];
        const end = start + durationDays(random, typeof m.median === 'function' ? m.median(start) : m.median, m.sigma) - 1;
        out.push({ client_id: client, [m.column ?? 'voorziening']: provision, ...m.fields, start, end, ...extra });
        const next = random.pick(m.next(end));
        if (next === 'geen') return;
        start = end + m.gap(random, next);
        provision = next;
    }
}

/** 0 before `from`, rising to 1 over `days` days after it: a policy that is phased in. */
export function phasedIn(from, days) {
    return day => Math.min(1, Math.max(0, (day - from) / days));
}
