/**
 * `trendSpec`: one indicator's rows → a vega-lite spec. Actual line and points coloured by status,
 * the target trajectory with its tolerance band, reference series muted (an isolated reference value
 * as a labelled diamond, "series (period)"), provisional periods shaded,
 * notes as labelled rules, suppressed points as gaps with a "hidden" tooltip, breakdowns as small multiples.
 */
import type { IndicatorIR, ResultRow, Status } from '@monitor/ir';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartHeading } from './chart-heading.js';
import { legendEntries, legendView } from './chart-legend.js';
import { chartLocale } from './chart-locale.js';
import { LIGHT_THEME, type ChartTheme } from './chart-theme.js';
import type { Lang } from './labels.js';
import { trendData, type TrendDatum, type TrendOptions } from './trend-data.js';

/** Layout and colours on top of the data options. */
export interface TrendSpecOptions extends TrendOptions {
    /** Width and height of the plot (of each small multiple), in pixels. */
    width?: number;
    height?: number;
    theme?: ChartTheme;
    /** Small multiples per row. */
    columns?: number;
    /** A title with subtitle lines (unit and periods, source) above the chart: for exports. */
    heading?: ChartHeading;
    /** Leave out the key under the chart (default: drawn). */
    legend?: boolean;
}

const ZERO_NOTE: Record<Lang, string> = { en: 'axis does not start at 0', nl: 'as begint niet bij 0' };

/**
 * Whether the y-axis starts at 0. It does, unless all values lie on one side of 0 and 0 would take more
 * than half the plot (the lowest value above half the highest): then the axis zooms in on the values
 * and its title says so.
 */
export function yStartsAtZero(data: TrendDatum[]): boolean {
    const ys = data.flatMap(d => (d.kind === 'actual' || d.kind === 'reference' ? [d.value, d.target, d.low, d.high] : []))
        .filter((v): v is number => v !== null && Number.isFinite(v));
    if (ys.length === 0) return true;
    const min = Math.min(...ys);
    const max = Math.max(...ys);
    if (min > 0) return min <= max / 2;
    if (max < 0) return max >= min / 2;
    return true;
}

const STATUSES: Status[] = ['on-track', 'within-tolerance', 'off-track', 'no-target', 'no-data'];

// The spec is plain JSON; vega-lite's own layer types are too narrow for a spec built piece by piece.
type Json = Record<string, unknown>;

const only = (test: string): Json => ({ filter: test });

/** Breaks a heading into lines of at most `width` pixels (estimated), at spaces: a heading is never cut off. */
export function wrapText(text: string, width: number, fontSize: number): string[] {
    const perLine = Math.max(10, Math.floor(width / (fontSize * 0.6)));
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
        if (line && line.length + 1 + word.length > perLine) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines;
}

/** The vega-lite spec of one indicator's trend chart. */
export function trendSpec(indicator: IndicatorIR, rows: ResultRow[], options: TrendSpecOptions = {}): TopLevelSpec {
    const theme = options.theme ?? LIGHT_THEME;
    const lang = options.lang ?? 'en';
    const width = options.width ?? 520;
    const height = options.height ?? (options.breakdown ? 140 : 220);
    const values = trendData(indicator, rows, options);
    const zero = yStartsAtZero(values);
    const yTitle = [indicator.unit ?? '', zero ? '' : ZERO_NOTE[lang]].filter(Boolean).join(' · ');
    const x = { field: 'date', type: 'temporal', scale: { type: 'utc' }, title: null, axis: { format: '%Y', tickCount: { interval: 'year', step: 1 }, labelAngle: 0 } };
    const y = (field: string): Json => ({ field, type: 'quantitative', title: yTitle, scale: { zero } });
    const layer: Json[] = [
        { name: 'provisional_bands', transform: [only("datum.kind === 'provisional'")],
            mark: { type: 'rect', color: theme.provisional, opacity: 0.35 },
            encoding: { x, x2: { field: 'end' }, tooltip: { field: 'tip' } } },
        { name: 'tolerance_band', transform: [only("datum.kind === 'actual' && datum.low !== null")],
            mark: { type: 'area', color: theme.band, opacity: 0.22, invalid: 'break-paths-show-domains' },
            encoding: { x, y: y('low'), y2: { field: 'high' }, detail: { field: 'group' } } },
        { name: 'target_line', transform: [only("datum.kind === 'actual' && datum.target !== null")],
            mark: { type: 'line', color: theme.target, strokeDash: [6, 4], strokeWidth: 1.5 },
            encoding: { x, y: y('target'), detail: { field: 'group' } } },
        { name: 'reference_lines', transform: [only("datum.kind === 'reference'")],
            mark: { type: 'line', color: theme.reference, strokeDash: [2, 2], strokeWidth: 1.5, invalid: 'break-paths-show-domains' },
            encoding: { x, y: y('value'), detail: { field: 'series' }, tooltip: { field: 'tip' } } },
        // A reference value without neighbours (one period, e.g. all municipalities in 2024) draws no
        // line: a diamond marks it, labelled with the series and its period.
        { name: 'reference_points', transform: [only("datum.kind === 'reference' && datum.isolated")],
            mark: { type: 'point', shape: 'diamond', filled: true, size: 70, color: theme.reference },
            encoding: { x, y: y('value'), tooltip: { field: 'tip' } } },
        { name: 'reference_labels', transform: [only("datum.kind === 'reference' && datum.isolated")],
            mark: { type: 'text', color: theme.reference, align: 'right', baseline: 'bottom', dx: -6, dy: -4, fontSize: 10, limit: Math.max(80, width / 2) },
            encoding: { x, y: y('value'), text: { field: 'text' }, tooltip: { field: 'tip' } } },
        { name: 'actual_line', transform: [only("datum.kind === 'actual'")],
            // Invariant: a hidden (null) value breaks the line, so a suppressed point shows as a gap.
            mark: { type: 'line', color: theme.actual, strokeWidth: 2, invalid: 'break-paths-show-domains' },
            encoding: { x, y: y('value') } },
        { name: 'actual_points', transform: [only("datum.kind === 'actual' && datum.value !== null")],
            mark: { type: 'point', filled: true, size: 36 },
            encoding: {
                x, y: y('value'), tooltip: { field: 'tip' },
                color: { field: 'status', type: 'nominal', legend: null, scale: { domain: STATUSES, range: STATUSES.map(s => theme.status[s]) } },
            } },
        { name: 'suppressed_markers', transform: [only("datum.kind === 'suppressed'")],
            mark: { type: 'point', shape: 'triangle-down', filled: false, size: 50, color: theme.hidden },
            encoding: { x, y: { value: height - 6 }, tooltip: { field: 'tip' } } },
        { name: 'note_rules', transform: [only("datum.kind === 'note'")],
            mark: { type: 'rule', color: theme.note, strokeDash: [3, 3] },
            encoding: { x, tooltip: { field: 'tip' } } },
        // A label runs away from the nearer edge and is at most half the plot wide, so it stays inside;
        // the full text is in the tooltip (and in the report's list of notes).
        ...(['start', 'end'] as const).map(side => ({
            name: side === 'start' ? 'note_labels' : 'note_labels_end', transform: [only(`datum.kind === 'note' && datum.side === '${side}'`)],
            mark: { type: 'text', color: theme.note, align: side === 'start' ? 'left' : 'right', baseline: 'top', dx: side === 'start' ? 3 : -3, fontSize: 10, limit: Math.max(40, width / 2 - 8) },
            encoding: { x, y: { field: 'labelY', type: 'quantitative', scale: null }, text: { field: 'text' }, tooltip: { field: 'tip' } },
        })),
    ];
    const config = {
        background: null,
        font: theme.font,
        locale: chartLocale(lang),
        view: { stroke: null },
        axis: { labelColor: theme.text, titleColor: theme.text, gridColor: theme.grid, domainColor: theme.grid, tickColor: theme.grid },
        header: { labelColor: theme.text, titleColor: theme.text },
    };
    const description = `${indicator.title ?? indicator.name}${indicator.unit ? ` (${indicator.unit})` : ''}`;
    const columns = options.columns ?? 3;
    const facets = options.breakdown ? Math.min(columns, new Set(values.map(v => v.group)).size) : 1;
    // The key and the heading span the plot (all columns of small multiples, with vega-lite's 20 px between them).
    const keyWidth = facets * width + Math.max(0, facets - 1) * 20;
    const heading = options.heading
        ? { title: { text: wrapText(options.heading.title, keyWidth, 14), subtitle: options.heading.subtitle.flatMap(line => wrapText(line, keyWidth, 11)), anchor: 'start', color: theme.text, subtitleColor: theme.text, fontSize: 14, subtitleFontSize: 11, offset: 10 } }
        : {};
    const common = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', description, ...heading, data: { values }, config };
    const plot: Json = options.breakdown
        ? { facet: { field: 'group', type: 'nominal', title: null, sort: 'ascending' }, columns, spec: { width, height, layer }, resolve: { scale: { y: 'shared' } } }
        : { width, height, layer };
    const key = options.legend === false ? null : legendView(legendEntries(indicator, values, theme, lang), keyWidth, theme);
    if (!key) return { ...common, ...plot } as unknown as TopLevelSpec;
    return { ...common, vconcat: [plot, key], spacing: 8 } as unknown as TopLevelSpec;
}
