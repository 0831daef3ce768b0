/** Result rows by hand for the pure stages (targets, disclosure). */
import type { ResultRow } from '@monitor/ir';

/** An actual row with value = numerator unless given. */
export function row(indicator: string, period: string, numerator: number | null, extra: Partial<ResultRow> = {}): ResultRow {
    return {
        indicator, series: 'actual', period, dimensions: {}, value: numerator, numerator, denominator: null,
        target: null, status: numerator === null ? 'no-data' : 'no-target', suppressed: false, provisional: null, ...extra,
    };
}
