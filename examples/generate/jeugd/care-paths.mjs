/**
 * Youth-care paths of the youths of Voorbeeld as allocation episodes. New clients arrive per day and
 * wijk (a Poisson process); each client follows a path of episodes (crisis → verblijf → pleegzorg →
 * ambulant …) drawn from the step probabilities below. All rates are per 1,000 youths aged 0–17.
 * The figures are calibrated in ../README.md.
 */
import { addMonths, civilOf, dayOf, yearsSince } from '../lib/dates.mjs';
import { WIJKEN } from './population.mjs';

/** The simulation runs from well before the data starts, so long foster placements are in stock. */
export const SIMULATION_START = dayOf(2010, 1, 1);
/** Allocations from before the Jeugdwet were carried over with this start date (overgangsrecht). */
export const JEUGDWET_START = dayOf(2015, 1, 1);
const TREND_START = dayOf(2018, 1, 1);
/** "Nieuw inkoopbeleid jeugdhulp": less residential care, more foster care, shorter stays. */
export const POLICY_START = dayOf(2023, 7, 1);

/** 0 before 2018, then years since 1 January 2018: the slow trends run on this. */
const trendYears = day => Math.max(0, yearsSince(day, TREND_START));
/** 0 before the new purchasing policy, rising to 1 over the six months after it. */
const policy = day => Math.min(1, Math.max(0, (day - POLICY_START) / 182));

/** New clients per 1,000 youths per year, by the provision they enter with. */
const ENTRY_RATES = {
    ambulant: day => 50 * (1 + 0.015 * trendYears(day)),
    crisis: () => 2.4,
    verblijf: day => 1.5 * (1 - 0.05 * trendYears(day)) * (1 - 0.25 * policy(day)),
    pleegzorg: day => 0.42 * (1 + 0.02 * trendYears(day)) * (1 + 0.1 * policy(day)),
};

/** Fewer starts in the summer holidays and in December, more after the summer. */
const SEASON = [1.1, 1.05, 1.05, 1.0, 1.0, 0.95, 0.8, 0.8, 1.1, 1.1, 1.05, 0.9];

/** What follows an episode that ends on `day`: weights of the next provision, `geen` = care ends. */
const NEXT_STEP = {
    crisis: () => ({ verblijf: 0.3, pleegzorg: 0.2, ambulant: 0.3, geen: 0.2 }),
    verblijf: day => {
        const pleegzorg = 0.1 + 0.015 * trendYears(day) + 0.06 * policy(day);
        return { pleegzorg, ambulant: 0.35, verblijf: 0.1, geen: 0.55 - pleegzorg };
    },
    pleegzorg: () => ({ ambulant: 0.2, verblijf: 0.07, pleegzorg: 0.05, geen: 0.68 }),
    ambulant: day => {
        const verblijf = 0.016 * (1 - 0.05 * trendYears(day)) * (1 - 0.3 * policy(day));
        return { ambulant: 0.12, verblijf, crisis: 0.012, pleegzorg: 0.004, geen: 0.864 - verblijf };
    },
};

/** Days between the end of one episode and the start of the next (0 = starts on the end day). */
function gapDays(random, from, to) {
    if (from === 'ambulant' && to === 'ambulant') return random.int(60, 540); // a new request for help
    if (to === 'ambulant') return random.int(0, 30); // stepping down
    if (from === 'ambulant') return random.int(0, 60); // stepping up
    return random.chance(0.3) ? 0 : random.chance(0.8) ? 1 : random.int(2, 14);
}

/** The last day of an episode that starts on `start`; `end − start + 1` is its duration. */
function endDay(random, provision, start) {
    const clamp = (days, lo, hi) => Math.round(Math.min(hi, Math.max(lo, days)));
    switch (provision) {
        case 'ambulant': {
            // Many allocations are for a fixed term: 3, 6 or 12 months, ending the day before.
            if (random.chance(0.45)) return addMonths(start, Number(random.pick({ 3: 0.2, 6: 0.45, 12: 0.35 }))) - 1;
            return start + clamp(random.logNormal(230, 0.6), 14, 1100) - 1;
        }
        case 'crisis':
            return start + clamp(random.logNormal(25, 0.45), 1, 120) - 1;
        case 'verblijf':
            return start + clamp(random.logNormal(380 * (1 - 0.1 * policy(start)), 0.75), 14, 3650) - 1;
        default: // pleegzorg
            return start + clamp(random.logNormal(620, 0.9), 30, 4380) - 1;
    }
}

/** The national product category (two digits, text) of an episode; see ../README.md. */
function productCategory(random, provision) {
    if (provision === 'verblijf') return random.chance(0.6) ? '43' : '44';
    return { pleegzorg: '35', ambulant: '45', crisis: '46' }[provision];
}

/** Another wijk than `code`, in proportion to the wijken's sizes. */
function otherWijk(random, code) {
    const weights = Object.fromEntries(WIJKEN.filter(w => w.code !== code).map(w => [w.code, w.youths2018]));
    return random.pick(weights);
}

/** Simulates every client from SIMULATION_START up to `lastDay`; returns raw episodes (day numbers). */
export function simulateCarePaths(random, youthsOn, lastDay) {
    const episodes = [];
    const clientIds = new Set();
    const newClientId = () => {
        let id;
        do id = `P${random.hex(8)}`;
        while (clientIds.has(id));
        clientIds.add(id);
        return id;
    };
    const add = (client, provision, start, wijk) => {
        const end = endDay(random, provision, start);
        episodes.push({ client, provision, categorie: productCategory(random, provision), start, end, wijk });
        return end;
    };
    const followPath = (client, provision, start, wijk) => {
        for (let step = 0; step < 6 && start <= lastDay; step++) {
            const end = add(client, provision, start, wijk);
            // Support at home alongside a placement: the same client in two provisions at once.
            const alongside = { pleegzorg: 0.25, verblijf: 0.08 }[provision] ?? 0;
            if (random.chance(alongside)) add(client, 'ambulant', start + random.int(14, Math.max(14, Math.min(365, end - start))), wijk);
            const next = random.pick(NEXT_STEP[provision](end));
            if (next === 'geen') return;
            start = end + gapDays(random, provision, next);
            if (random.chance(0.03)) wijk = otherWijk(random, wijk); // the family moved
            provision = next;
        }
    };
    let yearNoise = null;
    let noiseYear = null;
    for (let day = SIMULATION_START; day <= lastDay; day++) {
        const { year, month } = civilOf(day);
        if (year !== noiseYear) {
            // Year-to-year swings in demand that no trend explains.
            yearNoise = Object.fromEntries(Object.keys(ENTRY_RATES).map(p => [p, Math.exp(0.04 * random.normal())]));
            noiseYear = year;
        }
        for (const wijk of WIJKEN) {
            const youths = youthsOn(wijk.code, day);
            for (const [provision, rate] of Object.entries(ENTRY_RATES)) {
                const mean = (rate(day) * yearNoise[provision] * SEASON[month - 1] * wijk.risk * youths) / 1000 / 365.25;
                for (let n = random.poisson(mean); n > 0; n--) {
                    // Many allocations are dated from the first of the month.
                    const start = random.chance(0.3) ? dayOf(year, month, 1) : day;
                    followPath(newClientId(), provision, start, wijk.code);
                }
            }
        }
    }
    return episodes;
}
