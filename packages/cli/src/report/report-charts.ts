/**
 * The charts of a report: per indicator the total trend and one small-multiples chart per breakdown
 * dimension, as vega-lite specs from `trendSpec` (the same charts the preview draws), in the light theme.
 */
import { notesFor, type IndicatorIR, type ProgramIR, type ResultRow } from '@monitor/ir';
import { chartHeading, LIGHT_THEME, trendSpec, type ChartSpec, type TrendSpecOptions } from '@monitor/render';
import type { Locale } from '@monitor/language';

/**
 * One chart: which indicator and breakdown it shows, its spec with the heading an exported chart
 * carries (title, unit and periods, source: the `--png` files), the spec drawn in the page (under the
 * section's own title, so without the heading), and a file name for `--png`.
 */
export interface ReportChart {
    indicator: string;
    breakdown: string | null;
    spec: ChartSpec;
    pageSpec: ChartSpec;
    fileName: string;
}

const WIDTH = 680;
const FACET_WIDTH = 200;

/**
 * The figure around each chart carries the label for assistive technology, so the SVG's own per-mark
 * ARIA labels (a third of its bytes, numbers with eleven decimals) are left out.
 */
function quiet(spec: ChartSpec): ChartSpec {
    const config = (spec as { config?: object }).config;
    return { ...spec, config: { ...config, aria: false } } as ChartSpec;
}

function safeName(text: string): string {
    return text.replace(/[^A-Za-z0-9_.-]+/g, '_');
}

/** The charts of one indicator (total first, then each breakdown dimension in declared order). */
export function indicatorCharts(program: ProgramIR, indicator: IndicatorIR, rows: ResultRow[], lang: Locale): ReportChart[] {
    const own = rows.filter(r => r.indicator === indicator.name);
    const base = {
        notes: notesFor(program, indicator.name),
        lang, theme: LIGHT_THEME,
    };
    const stem = `${safeName(program.monitor.name)}-${safeName(indicator.name)}`;
    const specs = (options: TrendSpecOptions) => ({
        spec: quiet(trendSpec(indicator, own, { ...options, heading: chartHeading(program, indicator, own, lang, options.breakdown) })),
        pageSpec: quiet(trendSpec(indicator, own, options)),
    });
    const charts: ReportChart[] = [{
        indicator: indicator.name, breakdown: null, fileName: `${stem}.png`, ...specs({ ...base, width: WIDTH }),
    }];
    for (const dimension of indicator.by) {
        charts.push({
            indicator: indicator.name, breakdown: dimension, fileName: `${stem}-by-${safeName(dimension)}.png`,
            ...specs({ ...base, breakdown: dimension, width: FACET_WIDTH, columns: 3 }),
        });
    }
    return charts;
}
