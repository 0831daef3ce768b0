/**
 * Example 4, afschaling: youths in 24-hour residential care in youth-care region Voorbeeld (about
 * 150,000 inhabitants) and what follows when it ends. A step down goes to part-time stay, day
 * treatment or ambulant care; the region's "zo thuis mogelijk" programme (from July 2023) raises
 * step-downs within 30 days and shortens 24-hour stays.
 */
import { toCsv } from '../lib/csv.mjs';
import { dayOf } from '../lib/dates.mjs';
import { dailyArrivals, extractRows, idMaker } from '../lib/simulate.mjs';
import { followPath, phasedIn } from './paths.mjs';

const START = dayOf(2012, 1, 1);
const EXTRACT = dayOf(2025, 6, 30);
const policy = phasedIn(dayOf(2023, 7, 1), 182);

const STEP_GAP = (random) => (random.chance(0.75) ? random.int(0, 30) : random.int(31, 120));
const MODEL = {
    '24-uurs verblijf': {
        column: 'zorgvorm', median: day => 300 * (1 - 0.15 * policy(day)), sigma: 0.75, fields: { productcategorie: '43' },
        next: day => {
            const down = 0.42 + 0.13 * policy(day);
            return { deeltijdverblijf: down * 0.25, dagbehandeling: down * 0.15, ambulant: down * 0.6, '24-uurs verblijf': 0.12, geen: 0.88 - down };
        },
        gap: (random, to) => (to === '24-uurs verblijf' ? random.int(0, 3) : STEP_GAP(random)),
    },
    deeltijdverblijf: { column: 'zorgvorm', median: 200, sigma: 0.6, fields: { productcategorie: '44' }, next: () => ({ ambulant: 0.5, '24-uurs verblijf': 0.08, geen: 0.42 }), gap: STEP_GAP },
    dagbehandeling: { column: 'zorgvorm', median: 180, sigma: 0.6, fields: { productcategorie: '45' }, next: () => ({ ambulant: 0.4, geen: 0.6 }), gap: STEP_GAP },
    ambulant: { column: 'zorgvorm', median: 220, sigma: 0.6, fields: { productcategorie: '45' }, next: () => ({ '24-uurs verblijf': 0.03, geen: 0.97 }), gap: (random) => random.int(30, 365) },
};

/** The files of the afschaling example. */
export function generateAfschaling(random) {
    const newId = idMaker(random, 'J');
    const episodes = [];
    // About 0.9 youths per 1,000 inhabitants a year enter 24-hour residential care.
    dailyArrivals(random, START, EXTRACT, () => (0.9 * 150000) / 1000 / 365.25,
        day => followPath(random, MODEL, episodes, newId(), '24-uurs verblijf', day, {}));
    const columns = ['client_id', 'zorgvorm', 'productcategorie', 'begindatum', 'einddatum', 'status'];
    const rows = extractRows(episodes, { firstDay: dayOf(2018, 1, 1), extractDay: EXTRACT, provisionalFrom: dayOf(2025, 1, 1), columns });
    return { 'data/jeugdzorg.csv': toCsv(columns, rows) };
}
