/**
 * The fictional municipality Voorbeeld: six wijken and their youths aged 0–17 on 1 January.
 * Sizes and trends are calibrated in ../README.md; the counts themselves are invented.
 */
import { dayOf } from '../lib/dates.mjs';

/** First and last 1 January in bevolking_0_17.csv. */
export const FIRST_YEAR = 2018;
export const LAST_YEAR = 2025;

/**
 * The wijken. `youths2018` and `growth` (per year) give the 0–17 population; `risk` is the wijk's
 * relative use of youth care (1 = municipal average), spread like the wijken of a real city.
 */
export const WIJKEN = [
    { code: 'WK001', naam: 'Centrum', youths2018: 1480, growth: -0.006, risk: 1.3 },
    { code: 'WK002', naam: 'Noord', youths2018: 2950, growth: -0.003, risk: 1.15 },
    { code: 'WK003', naam: 'Oost', youths2018: 3150, growth: -0.001, risk: 0.95 },
    { code: 'WK004', naam: 'Zuid', youths2018: 2300, growth: -0.002, risk: 0.85 },
    { code: 'WK005', naam: 'West', youths2018: 1850, growth: 0.004, risk: 1.0 },
    // A new-build district: young families move in, so its youth population grows fast.
    { code: 'WK006', naam: 'Nieuwland', youths2018: 450, growth: 0.17, risk: 0.75 },
];

/**
 * Youths 0–17 per wijk per 1 January, FIRST_YEAR..LAST_YEAR, with a little year-to-year noise.
 * Returns rows { peildatum, wijk, aantal } and a lookup `youthsOn(wijkCode, dayNumber)` that
 * interpolates linearly between two 1 January counts (and holds the nearest outside the range).
 */
export function generatePopulation(random) {
    const counts = new Map(); // wijk code → [count per year]
    const rows = [];
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        for (const wijk of WIJKEN) {
            const trend = wijk.youths2018 * Math.pow(1 + wijk.growth, year - FIRST_YEAR);
            const aantal = Math.round(trend * (1 + 0.006 * random.normal()));
            if (!counts.has(wijk.code)) counts.set(wijk.code, []);
            counts.get(wijk.code).push(aantal);
            rows.push({ peildatum: `${year}-01-01`, wijk: wijk.code, aantal });
        }
    }
    const youthsOn = (code, day) => {
        const series = counts.get(code);
        const first = dayOf(FIRST_YEAR, 1, 1);
        if (day <= first) return series[0];
        const last = dayOf(LAST_YEAR, 1, 1);
        if (day >= last) return series[series.length - 1];
        for (let i = 0; i < series.length - 1; i++) {
            const from = dayOf(FIRST_YEAR + i, 1, 1);
            const to = dayOf(FIRST_YEAR + i + 1, 1, 1);
            if (day < to) return series[i] + ((series[i + 1] - series[i]) * (day - from)) / (to - from);
        }
        return series[series.length - 1];
    };
    return { rows, youthsOn };
}
