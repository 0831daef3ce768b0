/**
 * `trendSpec`: one indicator's rows → a vega-lite spec. Actual line and points coloured by status,
 * the target trajectory with its tolerance band, reference series muted (an isolated reference value
 * as a labelled diamond, "series (period)"), provisional periods shaded,
 * notes as labelled rules, suppressed points as gaps with a "< N" tooltip, breakdowns as small multiples.
 */
import type { IndicatorIR, ResultRow, Status } from '@monitor/ir';
import type { TopLevelSpec } from 'vega-lite';
import { chartLocale } from './chart-locale.js';
import { LIGHT_THEME, type ChartTheme } from './chart-theme.js';
import { trendData, type TrendOptions } from './trend-data.js';

/** Layout and colours on top of the data options. */
export interface TrendSpecOptions extends TrendOptions {
    /** Width and height of the plot (of each small multiple), in pixels. */
    width?: number;
    height?: number;
    theme?: ChartTheme;
    /** Small multiples per row. */
    columns?: number;
}

const STATUSES: Status[] = ['on-track', 'within-tolerance', 'off-track', 'no-target', 'no-data'];

// The spec is plain JSON; vega-lite's own layer types are too narrow for a spec built piece by piece.
type Json = Record<string, unknown>;

const only = (test: string): Json => ({ filter: test });

/** The vega-lite spec of one indicator's trend chart. */
export function trendSpec(indicator: IndicatorIR, rows: ResultRow[], options: TrendSpecOptions = {}): TopLevelSpec {
    const theme = options.theme ?? LIGHT_THEME;
    const lang = options.lang ?? 'en';
    const width = options.width ?? 520;
    const height = options.height ?? (options.breakdown ? 140 : 220);
    const values = trendData(indicator, rows, options);
    const yTitle = indicator.unit ?? '';
    const x = { field: 'date', type: 'temporal', scale: { type: 'utc' }, title: null, axis: { format: '%Y', tickCount: { interval: 'year', step: 1 }, labelAngle: 0 } };
    const y = (field: string): Json => ({ field, type: 'quantitative', title: yTitle, scale: { zero: false } });
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
        { name: 'note_labels', transform: [only("datum.kind === 'note'")],
            mark: { type: 'text', color: theme.note, align: 'left', baseline: 'top', dx: 3, fontSize: 10, limit: Math.max(60, width / 3) },
            encoding: { x, y: { field: 'labelY', type: 'quantitative', scale: null }, text: { field: 'text' }, tooltip: { field: 'tip' } } },
    ];
    const config = {
        background: null,
        font: theme.font,
        locale: chartLocale(lang),
        view: { stroke: null },
        axis: { labelColor: theme.text, titleColor: theme.text, gridColor: theme.grid, domainColor: theme.grid, tickColor: theme.grid },
        header: { labelColor: theme.text, titleColor: theme.text },
    };
    const description = `${indicator.title ?? indicator.name}${yTitle ? ` (${yTitle})` : ''}`;
    const common = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', description, data: { values }, config };
    if (options.breakdown) {
        return {
            ...common,
            facet: { field: 'group', type: 'nominal', title: null, sort: 'ascending' },
            columns: options.columns ?? 3,
            spec: { width, height, layer },
            resolve: { scale: { y: 'shared' } },
        } as unknown as TopLevelSpec;
    }
    return { ...common, width, height, layer } as unknown as TopLevelSpec;
}
