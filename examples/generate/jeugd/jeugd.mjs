/**
 * The jeugd example: youth-care allocations of the fictional municipality Voorbeeld and its
 * youth population per wijk. Returns the files to write, relative to examples/jeugd/.
 */
import { toCsv } from '../lib/csv.mjs';
import { dayOf, isoOf } from '../lib/dates.mjs';
import { JEUGDWET_START, simulateCarePaths } from './care-paths.mjs';
import { generatePopulation } from './population.mjs';

/** The data covers allocations active from 1 January 2018 up to the extract date 30 June 2025. */
const COVERAGE_START = dayOf(2018, 1, 1);
const EXTRACT_DATE = dayOf(2025, 6, 30);
/**
 * Allocations that started in the last two quarters may still be withdrawn or corrected.
 * Invariant: only the start date decides, so an old period never turns provisional because an
 * episode that was active then ended recently.
 */
const PROVISIONAL_FROM = dayOf(2025, 1, 1);

const TRAJECT_COLUMNS = ['client_id', 'productcategorie', 'voorziening', 'begindatum', 'einddatum', 'wijk', 'status'];

/** One CSV row of an episode, or null when it falls outside the extract. */
function trajectRow(episode) {
    if (episode.start > EXTRACT_DATE || episode.end < COVERAGE_START) return null;
    const start = Math.max(episode.start, JEUGDWET_START);
    // An episode still running on the extract date has no known end yet: it is open.
    const end = episode.end > EXTRACT_DATE ? null : episode.end;
    const provisional = start >= PROVISIONAL_FROM;
    return {
        client_id: episode.client,
        productcategorie: episode.categorie,
        voorziening: episode.provision,
        begindatum: isoOf(start),
        einddatum: end === null ? '' : isoOf(end),
        wijk: episode.wijk,
        status: provisional ? 'voorlopig' : 'definitief',
    };
}

/** Rows in a stable order: by start date, then client, then provision and end date. */
function compareRows(a, b) {
    for (const key of ['begindatum', 'client_id', 'voorziening', 'einddatum']) {
        if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
    }
    return 0;
}

/** The files of the jeugd example: { 'data/…csv': text }. */
export function generateJeugd(random) {
    const population = generatePopulation(random);
    const episodes = simulateCarePaths(random, population.youthsOn, EXTRACT_DATE);
    const trajecten = episodes.map(trajectRow).filter(row => row !== null).sort(compareRows);
    return {
        'data/jeugdhulp_trajecten.csv': toCsv(TRAJECT_COLUMNS, trajecten),
        'data/bevolking_0_17.csv': toCsv(['peildatum', 'wijk', 'aantal'], population.rows),
    };
}
