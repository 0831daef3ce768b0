/**
 * Example 5, GGZ naar werk: people with (municipally funded) mental-health support in labour-market
 * region Voorbeeld and paid jobs that start after it. Individual placement and support (IPS) from
 * 2022 raises the chance of paid work within 180 days after the support ends.
 */
import { toCsv } from '../lib/csv.mjs';
import { dayOf } from '../lib/dates.mjs';
import { dailyArrivals, extractRows, idMaker } from '../lib/simulate.mjs';
import { followPath, phasedIn } from './paths.mjs';

const START = dayOf(2014, 1, 1);
const EXTRACT = dayOf(2025, 6, 30);
const ips = phasedIn(dayOf(2022, 1, 1), 730);

const MODEL = {
    'ggz-begeleiding': {
        column: 'soort', median: 330, sigma: 0.7, fields: {},
        next: day => {
            const work = 0.1 + 0.08 * ips(day);
            return { 'betaald werk': work, dagbesteding: 0.15, 'ggz-begeleiding': 0.12, geen: 0.73 - work };
        },
        gap: (random, to) => (to === 'betaald werk' ? (random.chance(0.7) ? random.int(0, 180) : random.int(181, 365)) : random.int(0, 60)),
    },
    dagbesteding: { column: 'soort', median: 400, sigma: 0.6, fields: {}, next: () => ({ 'betaald werk': 0.06, 'ggz-begeleiding': 0.1, geen: 0.84 }), gap: (random) => random.int(0, 120) },
    'betaald werk': { column: 'soort', median: 500, sigma: 0.9, fields: {}, next: () => ({ 'ggz-begeleiding': 0.15, 'betaald werk': 0.2, geen: 0.65 }), gap: (random) => random.int(0, 200) },
};

/** The files of the werk example. */
export function generateWerk(random) {
    const newId = idMaker(random, 'W');
    const episodes = [];
    // About 700 new clients in mental-health support a year in a region of about 250,000 inhabitants.
    dailyArrivals(random, START, EXTRACT, () => 700 / 365.25,
        day => followPath(random, MODEL, episodes, newId(), 'ggz-begeleiding', day, {}));
    const columns = ['client_id', 'soort', 'begindatum', 'einddatum'];
    return { 'data/trajecten.csv': toCsv(columns, extractRows(episodes, { firstDay: dayOf(2018, 1, 1), extractDay: EXTRACT, columns })) };
}
