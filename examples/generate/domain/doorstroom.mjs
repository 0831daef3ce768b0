/**
 * Example 3, doorstroom beschermd wonen: the sheltered-housing region of centre municipality Voorbeeld
 * (four municipalities, about 300,000 inhabitants). Clients leave beschermd wonen; some move on to a
 * lighter form (begeleid zelfstandig wonen, ambulante begeleiding), mostly within 90 days. From 2023
 * the regional plan "Een thuis voor iedereen" adds 12 points to the move to a lighter form.
 */
import { toCsv } from '../lib/csv.mjs';
import { dayOf } from '../lib/dates.mjs';
import { dailyArrivals, extractRows, idMaker } from '../lib/simulate.mjs';
import { followPath, phasedIn } from './paths.mjs';

const START = dayOf(2010, 1, 1);
const EXTRACT = dayOf(2025, 6, 30);
const policy = phasedIn(dayOf(2023, 1, 1), 365);

/** The municipalities of the region: inhabitants and relative use (the centre municipality most). */
export const GEMEENTEN = { Voorbeeld: { inhabitants: 150000, risk: 1.3 }, Beekdal: { inhabitants: 70000, risk: 0.8 },
    Heidedorp: { inhabitants: 50000, risk: 0.7 }, Lindeoord: { inhabitants: 30000, risk: 0.6 } };

const LIGHT_GAP = (random) => (random.chance(0.8) ? random.int(0, 90) : random.int(91, 200));
const MODEL = {
    'beschermd wonen': {
        median: 820, sigma: 0.7, fields: { productcategorie: '15' },
        next: day => {
            const light = 0.34 + 0.12 * policy(day);
            return { 'begeleid zelfstandig wonen': light * 0.6, 'ambulante begeleiding': light * 0.4, 'maatschappelijke opvang': 0.08, 'beschermd wonen': 0.05, geen: 0.87 - light };
        },
        gap: (random, to) => (to === 'beschermd wonen' || to === 'maatschappelijke opvang' ? random.int(0, 30) : LIGHT_GAP(random)),
    },
    'begeleid zelfstandig wonen': { median: 420, sigma: 0.6, fields: { productcategorie: '02' }, next: () => ({ 'ambulante begeleiding': 0.3, 'beschermd wonen': 0.06, geen: 0.64 }), gap: LIGHT_GAP },
    'ambulante begeleiding': { median: 300, sigma: 0.6, fields: { productcategorie: '02' }, next: () => ({ 'beschermd wonen': 0.04, geen: 0.96 }), gap: (random) => random.int(30, 400) },
    'maatschappelijke opvang': { median: 120, sigma: 0.7, fields: { productcategorie: '16' }, next: () => ({ 'beschermd wonen': 0.25, 'begeleid zelfstandig wonen': 0.2, geen: 0.55 }), gap: (random) => random.int(0, 60) },
};

/** The files of the doorstroom example. */
export function generateDoorstroom(random) {
    const newId = idMaker(random, 'B');
    const episodes = [];
    for (const [gemeente, g] of Object.entries(GEMEENTEN)) {
        // About 0.45 new sheltered-housing clients per 1,000 inhabitants a year.
        dailyArrivals(random, START, EXTRACT, () => (0.45 * g.risk * g.inhabitants) / 1000 / 365.25,
            day => followPath(random, MODEL, episodes, newId(), 'beschermd wonen', day, { gemeente }));
    }
    const columns = ['client_id', 'voorziening', 'productcategorie', 'begindatum', 'einddatum', 'gemeente'];
    return { 'data/bw_trajecten.csv': toCsv(columns, extractRows(episodes, { firstDay: dayOf(2018, 1, 1), extractDay: EXTRACT, columns })) };
}
