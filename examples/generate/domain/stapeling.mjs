/**
 * Example 2, stapeling: provisions of three domains — jeugdhulp, Wmo and bijstand — per inhabitant of
 * Voorbeeld. Some clients get a second domain alongside the first (stacking); from 1 January 2023 an
 * integrated approach ("één gezin, één plan") makes that 25 % less likely. Figures: ../README.md.
 */
import { toCsv } from '../lib/csv.mjs';
import { dayOf } from '../lib/dates.mjs';
import { inhabitants, WIJKEN } from '../lib/inhabitants.mjs';
import { dailyArrivals, durationDays, extractRows, idMaker } from '../lib/simulate.mjs';

const START = dayOf(2012, 1, 1);
const FIRST = dayOf(2018, 1, 1);
const EXTRACT = dayOf(2025, 6, 30);
const POLICY = dayOf(2023, 1, 1);

/** New clients per 1,000 inhabitants per year and median duration in days, per domain. */
const DOMAINS = {
    jeugd: { rate: 14, median: 240, sigma: 0.8, categorie: '45' },
    wmo: { rate: 13, median: 900, sigma: 0.9, categorie: '02' },
    bijstand: { rate: 7, median: 1100, sigma: 0.9, categorie: 'PW' },
};

/** The chance that a client of one domain also gets another one, and when (days after the first start). */
const SECOND = {
    jeugd: { wmo: 0.06, bijstand: 0.05 },
    wmo: { bijstand: 0.05, jeugd: 0.02 },
    bijstand: { wmo: 0.12, jeugd: 0.08 },
};

/** The files of the stapeling example. */
export function generateStapeling(random) {
    const population = inhabitants(random);
    const newId = idMaker(random, 'S');
    const episodes = [];
    const add = (client, domein, start, wijk) => {
        const d = DOMAINS[domein];
        episodes.push({ client_id: client, domein, productcategorie: d.categorie, start, end: start + durationDays(random, d.median, d.sigma) - 1, wijk });
    };
    for (const w of WIJKEN) {
        for (const [domein, d] of Object.entries(DOMAINS)) {
            dailyArrivals(random, START, EXTRACT, day => (d.rate * w.risk * population.on(w.code, Math.max(day, FIRST))) / 1000 / 365.25, day => {
                const client = newId();
                add(client, domein, day, w.code);
                const damp = day >= POLICY ? 0.75 : 1;
                for (const [other, p] of Object.entries(SECOND[domein])) {
                    if (random.chance(p * w.risk * damp)) add(client, other, day + random.int(0, 270), w.code);
                }
            });
        }
    }
    const columns = ['client_id', 'domein', 'productcategorie', 'begindatum', 'einddatum', 'wijk', 'status'];
    const rows = extractRows(episodes, { firstDay: FIRST, extractDay: EXTRACT, provisionalFrom: dayOf(2025, 1, 1), columns });
    return {
        'data/voorzieningen.csv': toCsv(columns, rows),
        'data/inwoners.csv': toCsv(['peildatum', 'wijk', 'aantal'], population.rows),
    };
}
