/**
 * Calendar dates as whole day numbers (days since 1970-01-01), so date arithmetic is integer
 * arithmetic and never depends on the machine's time zone or clock.
 * The conversions follow the proleptic Gregorian "days from civil" algorithm.
 */

/** Day number of a calendar date (month 1–12). */
export function dayOf(year, month, day) {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const mp = (month + 9) % 12;
    const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}

/** The calendar date { year, month, day } of a day number. */
export function civilOf(dayNumber) {
    const z = dayNumber + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of an ISO date text `YYYY-MM-DD`. */
export function parseIso(text) {
    const [y, m, d] = text.split('-').map(Number);
    return dayOf(y, m, d);
}

/** ISO date text `YYYY-MM-DD` of a day number. */
export function isoOf(dayNumber) {
    const { year, month, day } = civilOf(dayNumber);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Number of days in a month. */
function daysInMonth(year, month) {
    return dayOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayOf(year, month, 1);
}

/** The same day `months` later; a day that does not exist there becomes the month's last day. */
export function addMonths(dayNumber, months) {
    const { year, month, day } = civilOf(dayNumber);
    const index = year * 12 + (month - 1) + months;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    return dayOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Fractional years since a reference day number (365.25 days a year). */
export function yearsSince(dayNumber, reference) {
    return (dayNumber - reference) / 365.25;
}
