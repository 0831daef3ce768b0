/**
 * The heading an exported chart carries (PNG, SVG, vega-lite): the indicator's title, its unit and
 * the periods shown, and a source line (the data files and the monitor), so a chart pasted into a
 * memo still says what it shows and where it comes from.
 */
import type { IndicatorIR, ProgramIR, ResultRow } from '@monitor/ir';
import type { Lang } from './labels.js';

/** Title and subtitle lines of a chart. */
export interface ChartHeading {
    title: string;
    subtitle: string[];
}

/** Every `source` name in an indicator's value (measures, operands, lookups). */
function sourceNames(value: unknown, out = new Set<string>()): Set<string> {
    if (Array.isArray(value)) value.forEach(v => sourceNames(v, out));
    else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
            if (key === 'source' && typeof v === 'string') out.add(v);
            else if (key !== 'span') sourceNames(v, out);
        }
    }
    return out;
}

/** The heading of one indicator's chart for export; with `breakdown`, the title says by which dimension. */
export function chartHeading(program: ProgramIR, indicator: IndicatorIR, rows: ResultRow[], lang: Lang, breakdown?: string | null): ChartHeading {
    // The periods the chart shows values for (a hidden value counts; future periods without data do not).
    const periods = rows.filter(r => r.indicator === indicator.name && r.series === 'actual' && (r.value !== null || r.suppressed))
        .map(r => r.period).sort();
    const span = periods.length === 0 ? '' : periods[0] === periods[periods.length - 1] ? periods[0] : `${periods[0]} – ${periods[periods.length - 1]}`;
    const first = [indicator.unit ?? '', span].filter(Boolean).join(' · ');
    const used = sourceNames(indicator.value);
    for (const r of indicator.references) used.add(r.source);
    const files = program.sources.filter(s => used.has(s.name)).map(s => s.path).join(', ') || '–';
    const monitor = program.monitor.title ?? program.monitor.name;
    const source = lang === 'nl'
        ? `Bron: ${files} · monitor ${monitor}`
        : `Source: ${files} · monitor ${monitor}`;
    const title = indicator.title ?? indicator.name;
    const by = breakdown ? (lang === 'nl' ? ` — per ${breakdown}` : ` — by ${breakdown}`) : '';
    return { title: `${title}${by}`, subtitle: [first, source].filter(Boolean) };
}
