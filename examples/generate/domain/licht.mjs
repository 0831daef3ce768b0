/**
 * Example 6, van zwaar naar licht: every youth-care and Wmo allocation of Voorbeeld with its national
 * product category, plus the municipality's own table that groups the categories into "zwaar" and
 * "licht". From 2020 light support grows and heavy support shrinks a little each year; the
 * "voorliggend veld" policy of 2023 speeds that up.
 */
import { toCsv } from '../lib/csv.mjs';
import { dayOf, yearsSince } from '../lib/dates.mjs';
import { inhabitants, WIJKEN } from '../lib/inhabitants.mjs';
import { dailyArrivals, durationDays, extractRows, idMaker } from '../lib/simulate.mjs';
import { phasedIn } from './paths.mjs';

const START = dayOf(2012, 1, 1);
const FIRST = dayOf(2018, 1, 1);
const EXTRACT = dayOf(2025, 6, 30);
const policy = phasedIn(dayOf(2023, 1, 1), 365);
const trend = day => Math.max(0, yearsSince(day, dayOf(2020, 1, 1)));

/** Product categories (code, description, domain, the municipality's group) with new clients per 1,000 inhabitants a year and median days. */
export const CATEGORIEEN = [
    ['43', 'Jeugdhulp verblijf (incl. behandeling)', 'jeugd', 'zwaar', 0.5, 380],
    ['44', 'Jeugdhulp verblijf (excl. behandeling)', 'jeugd', 'zwaar', 0.35, 420],
    ['45', 'Jeugdhulp ambulant', 'jeugd', 'licht', 10, 220],
    ['46', 'Jeugdhulp crisis', 'jeugd', 'zwaar', 0.5, 25],
    ['01', 'Hulp bij het huishouden', 'wmo', 'licht', 5.5, 900],
    ['02', 'Begeleiding', 'wmo', 'licht', 4.5, 500],
    ['03', 'Persoonlijke verzorging', 'wmo', 'licht', 1.2, 300],
    ['04', 'Kortdurend verblijf', 'wmo', 'zwaar', 0.6, 60],
    ['07', 'Dagbesteding', 'wmo', 'zwaar', 1.6, 700],
    ['15', 'Beschermd wonen', 'wmo', 'zwaar', 0.25, 820],
];

/** The files of the licht example. */
export function generateLicht(random) {
    const population = inhabitants(random);
    const newId = idMaker(random, 'L');
    const episodes = [];
    for (const w of WIJKEN) {
        for (const [code, , , groep, rate, median] of CATEGORIEEN) {
            const shift = groep === 'licht' ? day => 1 + 0.03 * trend(day) + 0.08 * policy(day) : day => 1 - 0.04 * trend(day) - 0.12 * policy(day);
            dailyArrivals(random, START, EXTRACT, day => (rate * shift(day) * w.risk * population.on(w.code, Math.max(day, FIRST))) / 1000 / 365.25, day => {
                const start = random.chance(0.3) ? day - ((day - FIRST) % 7) : day;
                episodes.push({ client_id: newId(), productcategorie: code, start, end: start + durationDays(random, median, 0.8) - 1, wijk: w.code });
            });
        }
    }
    const columns = ['client_id', 'productcategorie', 'begindatum', 'einddatum', 'wijk'];
    return {
        'data/toewijzingen.csv': toCsv(columns, extractRows(episodes, { firstDay: FIRST, extractDay: EXTRACT, columns })),
        'data/productcategorieen.csv': toCsv(['code', 'omschrijving', 'domein', 'groep'],
            CATEGORIEEN.map(([code, omschrijving, domein, groep]) => ({ code, omschrijving, domein, groep }))),
        'data/inwoners.csv': toCsv(['peildatum', 'wijk', 'aantal'], population.rows),
    };
}
