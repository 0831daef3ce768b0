/**
 * All inhabitants of the fictional municipality Voorbeeld per wijk on 1 January 2018–2025 (about
 * 60,000 in all, the same six wijken as the jeugd example). Used as the denominator "per 1,000
 * inhabitants" and to spread arrivals over the wijken.
 */
import { dayOf } from './dates.mjs';

/** Wijk code, inhabitants on 1 January 2018, yearly growth and relative use of support (1 = average). */
export const WIJKEN = [
    { code: 'WK001', inhabitants2018: 7800, growth: -0.004, risk: 1.35 },
    { code: 'WK002', inhabitants2018: 13800, growth: -0.002, risk: 1.1 },
    { code: 'WK003', inhabitants2018: 14600, growth: 0.0, risk: 0.95 },
    { code: 'WK004', inhabitants2018: 11400, growth: -0.001, risk: 0.85 },
    { code: 'WK005', inhabitants2018: 9300, growth: 0.004, risk: 1.0 },
    { code: 'WK006', inhabitants2018: 2600, growth: 0.15, risk: 0.7 },
];

/** Rows { peildatum, wijk, aantal } and `on(code, day)`: the count of the last 1 January on or before `day`. */
export function inhabitants(random) {
    const rows = [];
    const byYear = new Map();
    for (let year = 2018; year <= 2025; year++) {
        for (const w of WIJKEN) {
            const aantal = Math.round(w.inhabitants2018 * Math.pow(1 + w.growth, year - 2018) * (1 + 0.004 * random.normal()));
            rows.push({ peildatum: `${year}-01-01`, wijk: w.code, aantal });
            byYear.set(`${w.code}:${year}`, aantal);
        }
    }
    const on = (code, day) => {
        let year = 2025;
        while (year > 2018 && day < dayOf(year, 1, 1)) year--;
        return byYear.get(`${code}:${year}`);
    };
    return { rows, on };
}
