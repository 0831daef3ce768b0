/**
 * What the editor shows about an indicator's numbers: its latest total value and status (from the
 * cached, disclosed rows) and its target, in words.
 */
import { indicatorDecimals, isTotalRow, type IndicatorIR, type ProgramIR, type ResultRow, type TargetIR } from '@monitor/ir';
import type { Locale } from '@monitor/language';
import type { Analysis, DocumentAnalyses } from './document-analysis.js';
import type { ServerSettings } from './server-settings.js';
import { formatNumber, formatTime, texts } from './texts.js';

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

/**
 * The latest-value line of an indicator as lenses and hover show it. While the document (or an import)
 * has errors, or its data stage failed, the values of the last analysis that computed rows stay,
 * marked "(last good result, 12:03)", until a new analysis computes rows again. Undefined when the
 * indicator is in neither the current program nor the last good one.
 */
export function shownLatest(analyses: DocumentAnalyses, settings: ServerSettings, uri: string,
    program: ProgramIR | null, name: string): string | undefined {
    const { locale, trusted, timeoutSeconds } = settings;
    const current = program?.indicators.find(i => i.name === name);
    const analysis = analyses.latest(uri);
    const good = analyses.lastGood(uri);
    const broken = program === null || (analysis !== undefined && analysis.rows === null && analysis.stopped === undefined);
    const kept = trusted && broken ? good?.analysis.program.indicators.find(i => i.name === name) : undefined;
    if (good && kept) return `${latestText(good.analysis, kept, locale, trusted, timeoutSeconds)} (${texts(locale).lastGood(formatTime(good.at, locale))})`;
    return current ? latestText(analysis, current, locale, trusted, timeoutSeconds) : undefined;
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
