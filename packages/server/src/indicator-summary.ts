/**
 * What the editor shows about an indicator's numbers: its latest total value and status (from the
 * cached, disclosed rows) and its target, in words.
 */
import { indicatorDecimals, isTotalRow, type IndicatorIR, type ResultRow, type TargetIR } from '@monitor/ir';
import type { Locale } from '@monitor/language';
import type { Analysis } from './document-analysis.js';
import { formatNumber, texts } from './texts.js';

/** The last period's total row of an indicator that has a value. */
export function latestRow(rows: ResultRow[], indicator: string): ResultRow | undefined {
    const totals = rows.filter(r => r.indicator === indicator && r.series === 'actual'
        && isTotalRow(r) && r.value !== null);
    return totals.sort((a, b) => a.period.localeCompare(b.period)).at(-1);
}

/** "latest: 7,9 per 1.000 jongeren · uit koers", or why there is no value. */
export function latestText(analysis: Analysis | undefined, indicator: IndicatorIR, locale: Locale, trusted: boolean, timeoutSeconds = 0): string {
    const t = texts(locale);
    if (!trusted) return `${t.latest}: ${t.untrusted}`;
    if (analysis?.stopped === 'too-large') return `${t.latest}: ${t.tooLarge}`;
    if (analysis?.stopped === 'timeout') return `${t.latest}: ${t.timedOut(timeoutSeconds)}`;
    if (!analysis || analysis.rows === null) return `${t.latest}: ${analysis ? t.noValue : t.computing}`;
    const row = latestRow(analysis.rows, indicator.name);
    if (!row || row.value === null) return `${t.latest}: ${t.noValue}`;
    const unit = indicator.unit ? ` ${indicator.unit}` : '';
    return `${t.latest}: ${formatNumber(row.value, locale, indicatorDecimals(indicator))}${unit} (${row.period}) · ${t.status_[row.status]}`;
}

/** A target in words: "2026-Q4 -15% vs 2022, tolerance 5%". */
export function targetText(target: TargetIR, locale: Locale): string {
    const t = texts(locale);
    const points = target.points.map(p => {
        if (p.kind === 'absolute') return `${p.period} ${p.op} ${formatNumber(p.value ?? 0, locale)}`;
        if (p.kind === 'relative') return `${p.period} ${(p.value ?? 0) > 0 ? '+' : ''}${formatNumber(p.value ?? 0, locale)}%${target.baseline ? ` vs ${target.baseline}` : ''}`;
        return `${p.period} ${p.direction}`;
    });
    const tol = target.tolerance ? `, ${t.tolerance} ${formatNumber(target.tolerance.value, locale)}${target.tolerance.relative ? '%' : ''}` : '';
    return `${points.join('; ')}${tol}`;
}
