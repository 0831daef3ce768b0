/**
 * The key under a trend chart: one entry for each thing the chart draws and only for those (the value
 * line, each status colour of its points, the target trajectory, the tolerance band, provisional
 * periods, hidden values, each reference series, notes). Drawn inside the spec, so the preview, the
 * report and every exported PNG/SVG carry it.
 */
import type { IndicatorIR, Status } from '@monitor/ir';
import type { ChartTheme } from './chart-theme.js';
import { isPercentUnit } from './indicator-summary.js';
import { formatNumber, statusLabel, type Lang } from './labels.js';
import type { TrendDatum } from './trend-data.js';

/** What an entry's symbol looks like. */
export type LegendSymbol = 'line' | 'dot' | 'dashed' | 'band' | 'shade' | 'triangle' | 'dotted' | 'diamond' | 'rule';

/** One entry of the key. */
export interface LegendEntry {
    /** Which layer it explains: `value`, `status:off-track`, `target`, `band`, `provisional`, `hidden`, `reference:<series>`, `note`. */
    key: string;
    label: string;
    symbol: LegendSymbol;
    colour: string;
}

const STATUSES: Status[] = ['on-track', 'within-tolerance', 'off-track', 'no-target', 'no-data'];

const WORDS = {
    en: { value: 'value', target: 'target trajectory', band: 'tolerance', provisional: 'provisional', hidden: 'hidden', note: 'note', notes: 'notes', points: 'percentage points' },
    nl: { value: 'waarde', target: 'doelpad', band: 'marge', provisional: 'voorlopig', hidden: 'verborgen', note: 'notitie', notes: 'notities', points: 'procentpunt' },
} as const;

/** The entries for a chart's dataset, in drawing order of importance. */
export function legendEntries(indicator: IndicatorIR, data: TrendDatum[], theme: ChartTheme, lang: Lang): LegendEntry[] {
    const w = WORDS[lang];
    const actual = data.filter(d => d.kind === 'actual');
    const out: LegendEntry[] = [];
    if (actual.some(d => d.value !== null)) {
        out.push({ key: 'value', label: indicator.unit ? `${w.value} (${indicator.unit})` : w.value, symbol: 'line', colour: theme.actual });
        const drawn = new Set(actual.filter(d => d.value !== null).map(d => d.status));
        for (const s of STATUSES) if (drawn.has(s)) out.push({ key: `status:${s}`, label: statusLabel(s, lang), symbol: 'dot', colour: theme.status[s] });
    }
    if (actual.some(d => d.target !== null)) out.push({ key: 'target', label: w.target, symbol: 'dashed', colour: theme.target });
    const tolerance = indicator.target?.tolerance;
    if (tolerance && tolerance.value > 0 && actual.some(d => d.low !== null && d.high !== null && d.low !== d.high)) {
        // An absolute tolerance is in the indicator's unit: for a % indicator, percentage points.
        const width = tolerance.relative ? `±${formatNumber(tolerance.value, lang)}%`
            : `±${formatNumber(tolerance.value, lang)}${isPercentUnit(indicator.unit) ? ` ${w.points}` : indicator.unit ? ` ${indicator.unit}` : ''}`;
        out.push({ key: 'band', label: `${w.band} ${width}`, symbol: 'band', colour: theme.band });
    }
    if (data.some(d => d.kind === 'provisional')) out.push({ key: 'provisional', label: w.provisional, symbol: 'shade', colour: theme.provisional });
    if (data.some(d => d.kind === 'suppressed')) {
        out.push({ key: 'hidden', label: w.hidden, symbol: 'triangle', colour: theme.hidden });
    }
    const references = new Map<string, boolean>();
    for (const d of data) {
        if (d.kind !== 'reference' || d.value === null) continue;
        references.set(d.series, (references.get(d.series) ?? true) && d.isolated);
    }
    for (const [series, isolated] of references) {
        out.push({ key: `reference:${series}`, label: series, symbol: isolated ? 'diamond' : 'dotted', colour: theme.reference });
    }
    const notes = new Set(data.filter(d => d.kind === 'note').map(d => d.date + d.text));
    if (notes.size > 0) out.push({ key: 'note', label: notes.size > 1 ? w.notes : w.note, symbol: 'rule', colour: theme.note });
    return out;
}

type Json = Record<string, unknown>;

const SYMBOL_WIDTH = 18;
const ROW_HEIGHT = 16;
const FONT_SIZE = 11;

/** A generous estimate of a label's width in pixels (no text metrics outside a browser). */
function textWidth(text: string): number {
    return Math.ceil(text.length * FONT_SIZE * 0.58);
}

/** Places the entries in rows that wrap at `width`; returns each entry's left and row. */
export function layoutLegend(entries: LegendEntry[], width: number): { x: number; row: number }[] {
    const places: { x: number; row: number }[] = [];
    let x = 0;
    let row = 0;
    for (const e of entries) {
        const w = SYMBOL_WIDTH + 5 + textWidth(e.label);
        if (x > 0 && x + w > width) { x = 0; row++; }
        places.push({ x, row });
        x += w + 14;
    }
    return places;
}

function symbolLayer(e: LegendEntry, x: number, y: number): Json {
    const px = (field: string) => ({ field, type: 'quantitative', scale: null });
    const at = { x: px('x'), y: px('y') };
    const data = { values: [{ x, x2: x + SYMBOL_WIDTH, xm: x + SYMBOL_WIDTH / 2, y, y1: y - 5, y2: y + 5 }] };
    const name = `key_${e.key.replace(/[^A-Za-z0-9]+/g, '_')}`;
    const rule = (extra: Json): Json => ({ name, data, mark: { type: 'rule', color: e.colour, ...extra }, encoding: { ...at, x2: { field: 'x2' } } });
    switch (e.symbol) {
        case 'line': return rule({ strokeWidth: 2 });
        case 'dashed': return rule({ strokeWidth: 1.5, strokeDash: [6, 4] });
        case 'dotted': return rule({ strokeWidth: 1.5, strokeDash: [2, 2] });
        case 'rule': return { name, data, mark: { type: 'rule', color: e.colour, strokeDash: [3, 3] }, encoding: { x: px('xm'), y: px('y1'), y2: { field: 'y2' } } };
        // The band as in the chart: a thin grey band around the dashed trajectory; a provisional
        // period as a tall shaded block, like the chart's full-height shading.
        case 'band': return { name, data: { values: [{ x, x2: x + SYMBOL_WIDTH, y1: y - 4, y2: y + 4 }] }, mark: { type: 'rect', color: e.colour, opacity: 0.35 }, encoding: { x: px('x'), x2: { field: 'x2' }, y: px('y1'), y2: { field: 'y2' } } };
        case 'shade': return { name, data: { values: [{ x: x + 3, x2: x + SYMBOL_WIDTH - 3, y1: y - 7, y2: y + 7 }] }, mark: { type: 'rect', color: e.colour, opacity: 0.5 }, encoding: { x: px('x'), x2: { field: 'x2' }, y: px('y1'), y2: { field: 'y2' } } };
        case 'dot': return { name, data, mark: { type: 'point', filled: true, size: 36, color: e.colour }, encoding: { x: px('xm'), y: px('y') } };
        case 'triangle': return { name, data, mark: { type: 'point', shape: 'triangle-down', filled: false, size: 50, color: e.colour }, encoding: { x: px('xm'), y: px('y') } };
        case 'diamond': return { name, data, mark: { type: 'point', shape: 'diamond', filled: true, size: 60, color: e.colour }, encoding: { x: px('xm'), y: px('y') } };
    }
}

/** The key as a vega-lite view of `width`, to stand under the plot; null when there is nothing to explain. */
export function legendView(entries: LegendEntry[], width: number, theme: ChartTheme): Json | null {
    if (entries.length === 0) return null;
    const places = layoutLegend(entries, width);
    const rows = Math.max(...places.map(p => p.row)) + 1;
    const y = (row: number) => 8 + row * ROW_HEIGHT;
    const labels = entries.map((e, i) => ({ x: places[i].x + SYMBOL_WIDTH + 5, y: y(places[i].row), label: e.label }));
    return {
        name: 'key', width, height: rows * ROW_HEIGHT,
        layer: [
            ...entries.map((e, i) => symbolLayer(e, places[i].x, y(places[i].row))),
            { name: 'key_labels', data: { values: labels },
                mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: FONT_SIZE, color: theme.text },
                encoding: { x: { field: 'x', type: 'quantitative', scale: null }, y: { field: 'y', type: 'quantitative', scale: null }, text: { field: 'label' } } },
        ],
    };
}
