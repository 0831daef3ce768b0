/**
 * One indicator's card: title (click → the definition in the editor), latest value with unit, change
 * against the previous period and the baseline, status badge, breakdown choice, chart or table, exports.
 * The card is updated in place, so focus, scroll position and choices survive a recomputation.
 */
import { indicatorDecimals, type IndicatorIR, type NoteIR, type ResultRow } from '@monitor/ir';
import type { ExportFormat, PreviewLang } from '@monitor/protocol';
import { chartView, formatNumber, indicatorSummary, statusLabel, trendSpec, type ChartHeading, type ChartSpec, type ChartTheme } from '@monitor/render';
import { el } from './dom.js';
import { rowsTable } from './rows-table.js';
import { fill, texts } from './texts.js';

/** What the card needs from the app: the chosen view and the callbacks to the host. */
export interface CardContext {
    lang: PreviewLang;
    theme: ChartTheme;
    notes: NoteIR[];
    breakdown: string | null;
    showTable: boolean;
    /** Offer "Vega editor" (off unless the setting `monitor.preview.vegaEditor` enables it). */
    vegaEditor?: boolean;
    onBreakdown(indicator: string, breakdown: string | null): void;
    onTable(indicator: string, show: boolean): void;
    onReveal(indicator: string): void;
    /** The heading an exported chart carries (title, unit and periods, source). */
    heading(indicator: IndicatorIR, breakdown: string | null): ChartHeading;
    /** `specFor` builds the chart in a given theme (exports use the printable light theme). */
    onExport(indicator: string, format: ExportFormat, specFor: (theme: ChartTheme) => ChartSpec, rows: ResultRow[]): void;
}

const FORMATS: ExportFormat[] = ['png', 'svg', 'vl.json', 'csv', 'vega-editor'];

/** Draws a card into `root` (replacing its content) and returns a function that releases the chart. */
export async function renderCard(root: HTMLElement, indicator: IndicatorIR, rows: ResultRow[], ctx: CardContext): Promise<() => void> {
    const t = texts(ctx.lang);
    const own = rows.filter(r => r.indicator === indicator.name);
    const summary = indicatorSummary(indicator, own, ctx.lang);
    const decimals = indicatorDecimals(indicator);
    const name = indicator.title ?? indicator.name;
    const title = el('button', { class: 'title-link', type: 'button', 'data-key': 'title', title: fill(t.reveal, indicator.name) }, [name]);
    title.addEventListener('click', () => ctx.onReveal(indicator.name));
    const badge = el('span', { class: `badge status-${summary.status}`, 'data-status': summary.status }, [statusLabel(summary.status, ctx.lang)]);
    const headline = el('p', { class: 'headline' }, summary.value === null ? [t.noValue] : [
        el('span', { class: 'value' }, [formatNumber(summary.value, ctx.lang, decimals)]), ' ',
        el('span', { class: 'unit' }, [indicator.unit ?? '']), ' ',
        el('span', { class: 'period' }, [`${summary.period}${summary.provisional ? ` (${t.provisional})` : ''}`]),
        summary.previous ? el('span', { class: 'change' }, [`${summary.previous.text} ${fill(t.vsPrevious, summary.previous.period)}`]) : null,
        summary.baseline ? el('span', { class: 'change' }, [`${summary.baseline.text} ${fill(t.vsBaseline, summary.baseline.label)}`]) : null,
    ]);
    const controls = el('div', { class: 'controls' });
    if (indicator.by.length > 0) {
        const select = el('select', { 'aria-label': t.breakdown, 'data-key': 'breakdown' }, [
            el('option', { value: '', selected: ctx.breakdown === null }, [t.total]),
            ...indicator.by.map(d => el('option', { value: d, selected: ctx.breakdown === d }, [fill(t.byDimension, d)])),
        ]);
        select.addEventListener('change', () => ctx.onBreakdown(indicator.name, select.value || null));
        controls.append(el('label', {}, [`${t.breakdown} `, select]));
    }
    const toggle = el('button', { type: 'button', 'aria-pressed': String(ctx.showTable), class: 'toggle', 'data-key': 'toggle' }, [ctx.showTable ? t.chart : t.table]);
    toggle.addEventListener('click', () => ctx.onTable(indicator.name, !ctx.showTable));
    controls.append(toggle);
    const exportNames: Record<ExportFormat, string> = { png: t.exportPng, svg: t.exportSvg, 'vl.json': t.exportVl, csv: t.exportCsv, 'vega-editor': t.exportVegaEditor };
    const width = Math.max(240, Math.min(900, root.clientWidth - 80));
    // Small multiples wrap to the panel: as many columns of at least 180 px as fit (20 px between them).
    const columns = Math.max(1, Math.min(3, Math.floor((width + 20) / 200)));
    const chartOptions = {
        notes: ctx.notes, breakdown: ctx.breakdown, lang: ctx.lang, columns,
        width: ctx.breakdown ? Math.floor((width + 20) / columns) - 20 : width,
    };
    const spec = trendSpec(indicator, own, { ...chartOptions, theme: ctx.theme });
    // An export carries its title, unit, periods and source line.
    const specFor = (theme: ChartTheme): ChartSpec => trendSpec(indicator, own, { ...chartOptions, theme, heading: ctx.heading(indicator, ctx.breakdown) });
    const group = el('span', { class: 'exports', role: 'group', 'aria-label': t.exports });
    for (const format of FORMATS.filter(f => f !== 'vega-editor' || ctx.vegaEditor === true)) {
        const b = el('button', { type: 'button', 'data-export': format, 'data-key': `export-${format}`, 'aria-label': fill(t.exportLabel, exportNames[format], name) }, [exportNames[format]]);
        b.addEventListener('click', () => ctx.onExport(indicator.name, format, specFor, own));
        group.append(b);
    }
    controls.append(group);
    const chart = el('div', { class: 'chart', role: 'img', 'aria-label': `${name}: ${statusLabel(summary.status, ctx.lang)}`, hidden: ctx.showTable });
    root.replaceChildren(
        el('header', {}, [el('h2', {}, [title]), badge]),
        headline,
        controls,
        chart,
    );
    if (ctx.showTable) {
        root.append(el('div', { class: 'table-wrap', tabindex: '0' }, [rowsTable(indicator, own, ctx.breakdown, ctx.lang)]));
        return () => undefined;
    }
    const view = chartView(spec, 'svg');
    await view.initialize(chart).runAsync();
    return () => view.finalize();
}
