/** Calendar period arithmetic: labels `2024`, `2024-H1`, `2024-Q3`, `2024-07` (LANGUAGE.md). */
import type { Grain } from './ir.js';

/** A parsed period: its grain, year and 1-based index inside the year (1 for a year). */
export interface Period {
    grain: Grain;
    year: number;
    index: number;
}

const PERIODS_PER_YEAR: Record<Grain, number> = { year: 1, 'half-year': 2, quarter: 4, month: 12 };
const MONTHS_PER_PERIOD: Record<Grain, number> = { year: 12, 'half-year': 6, quarter: 3, month: 1 };
const GRAIN_ORDER: Grain[] = ['month', 'quarter', 'half-year', 'year'];

/** Parses a period label; returns null when the text is not a valid label. */
export function parsePeriod(label: string): Period | null {
    const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2])))?$/.exec(label);
    if (!m) return null;
    const year = Number(m[1]);
    if (m[2]) return { grain: 'quarter', year, index: Number(m[2]) };
    if (m[3]) return { grain: 'half-year', year, index: Number(m[3]) };
    if (m[4]) return { grain: 'month', year, index: Number(m[4]) };
    return { grain: 'year', year, index: 1 };
}

/** The label of a period. */
export function formatPeriod(p: Period): string {
    switch (p.grain) {
        case 'year': return String(p.year);
        case 'half-year': return `${p.year}-H${p.index}`;
        case 'quarter': return `${p.year}-Q${p.index}`;
        case 'month': return `${p.year}-${String(p.index).padStart(2, '0')}`;
    }
}

function isoDate(year: number, month: number, day: number): string {
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First month (1–12) of a period. */
function firstMonth(p: Period): number {
    return (p.index - 1) * MONTHS_PER_PERIOD[p.grain] + 1;
}

/** First day of the period as an ISO date. */
export function periodStart(p: Period): string {
    return isoDate(p.year, firstMonth(p), 1);
}

/** Last day of the period as an ISO date (inclusive). */
export function periodEnd(p: Period): string {
    const last = firstMonth(p) + MONTHS_PER_PERIOD[p.grain] - 1;
    return isoDate(p.year, last, daysInMonth(p.year, last));
}

/** A number that orders periods of one grain and steps by one between neighbours. */
export function periodOrdinal(p: Period): number {
    return p.year * PERIODS_PER_YEAR[p.grain] + (p.index - 1);
}

/** The period of `grain` with the given ordinal. */
export function periodFromOrdinal(ordinal: number, grain: Grain): Period {
    const n = PERIODS_PER_YEAR[grain];
    return { grain, year: Math.floor(ordinal / n), index: (ordinal % n) + 1 };
}

/** The period of `grain` that contains an ISO date. */
export function periodOfDate(date: string, grain: Grain): Period {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    return { grain, year, index: Math.floor((month - 1) / MONTHS_PER_PERIOD[grain]) + 1 };
}

/** True when periods of grain `fine` nest inside periods of grain `coarse` (a grain nests in itself). */
export function grainFitsIn(fine: Grain, coarse: Grain): boolean {
    return GRAIN_ORDER.indexOf(fine) <= GRAIN_ORDER.indexOf(coarse);
}

/**
 * All periods of `grain` from the one containing the start of `from` to the one containing the
 * end of `to`, in order. `from` and `to` may be coarser than `grain` (`2019 .. 2026` by quarter).
 */
export function periodsBetween(from: Period, to: Period, grain: Grain): Period[] {
    const first = periodOrdinal(periodOfDate(periodStart(from), grain));
    const last = periodOrdinal(periodOfDate(periodEnd(to), grain));
    const out: Period[] = [];
    for (let o = first; o <= last; o++) out.push(periodFromOrdinal(o, grain));
    return out;
}

/** Parses a label and returns its periods at `grain` (one period when the grains agree). */
export function periodsIn(label: string, grain: Grain): Period[] {
    const p = parsePeriod(label);
    return p ? periodsBetween(p, p, grain) : [];
}

/** True when `date` (ISO) is a real calendar date. */
export function isValidDate(date: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The most periods a monitor's range may hold at its grain (100 years by month): a bound on work. */
export const MAX_PERIODS = 1200;
