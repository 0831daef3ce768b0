/**
 * One indicator in the report, as the preview card shows it: title, status badge, latest value with
 * unit and its change against the previous period and the baseline, the chart (target trajectory,
 * tolerance band, notes, reference series, hidden values as gaps), breakdowns, and the table; plus
 * the definition in words, the target and the notes.
 */
import { indicatorDecimals, notesFor, type IndicatorIR, type ProgramIR, type ResultRow } from '@monitor/ir';
import { formatNumber, indicatorSummary, statusLabel, type IndicatorSummary } from '@monitor/render';
import type { Locale } from '@monitor/language';
import { describeIndicator, targetText } from '@monitor/server';
import { h, raw, withCode, type Html } from './html.js';
import type { ReportChart } from './report-charts.js';
import { reportTexts } from './report-texts.js';
import { rowsTable } from './rows-table.js';

/** An indicator's chart as SVG text, keyed like its `ReportChart`. */
export interface RenderedChart {
    chart: ReportChart;
    svg: string;
}

/** The anchor of an indicator's section (also the overview's link target). */
export function sectionId(program: ProgramIR, indicator: IndicatorIR): string {
    return `${program.monitor.name}--${indicator.name}`;
}

/** The status badge. */
export function badge(summary: IndicatorSummary, lang: Locale): Html {
    return h('span', { class: `badge status-${summary.status}`, 'data-status': summary.status }, [statusLabel(summary.status, lang)]);
}

function headline(indicator: IndicatorIR, summary: IndicatorSummary, lang: Locale): Html {
    const t = reportTexts(lang);
    if (summary.value === null || summary.period === null) return h('p', { class: 'headline' }, [t.noValue]);
    const decimals = indicatorDecimals(indicator);
    return h('p', { class: 'headline' }, [
        h('span', { class: 'value' }, [formatNumber(summary.value, lang, decimals)]), ' ',
        indicator.unit ? h('span', { class: 'unit' }, [indicator.unit]) : null, ' ',
        h('span', { class: 'period' }, [`${summary.period}${summary.provisional ? ` (${t.provisional})` : ''}`]),
        summary.previous ? h('span', { class: 'change' }, [t.vsPrevious(summary.previous.text, summary.previous.period)]) : null,
        summary.baseline ? h('span', { class: 'change' }, [t.vsBaseline(summary.baseline.text, summary.baseline.label)]) : null,
    ]);
}

function facts(program: ProgramIR, indicator: IndicatorIR, lang: Locale): Html {
    const t = reportTexts(lang);
    const desired = indicator.desired ? ` (${t.desired[indicator.desired]})` : '';
    const target = indicator.target ? `${targetText(indicator.target, lang)}${desired}` : `${t.noTarget}${desired}`;
    const notes = notesFor(program, indicator.name);
    const references = indicator.references.map(r => (r.period ? `${r.series} (${r.period})` : r.series));
    return h('dl', { class: 'facts' }, [
        h('dt', {}, [t.definition]), h('dd', { class: 'definition' }, [withCode(describeIndicator(indicator, lang, program))]),
        indicator.description ? h('dd', { class: 'description' }, [indicator.description]) : null,
        h('dt', {}, [t.target]), h('dd', { class: 'target' }, [target]),
        references.length > 0 ? [h('dt', {}, [t.references]), h('dd', {}, [references.join(', ')])] : null,
        notes.length > 0 ? [h('dt', {}, [t.notes]), h('dd', {}, [h('ul', { class: 'notes' },
            notes.map(n => h('li', {}, [h('time', { datetime: n.date }, [n.date]), ' ', n.text])))])] : null,
    ]);
}

function figure(name: string, status: string, rendered: RenderedChart, lang: Locale): Html {
    const t = reportTexts(lang);
    const label = rendered.chart.breakdown ? `${t.chartLabel(name, status)} — ${t.breakdown(rendered.chart.breakdown)}` : t.chartLabel(name, status);
    return h('figure', { class: 'chart', role: 'img', 'aria-label': label, 'data-breakdown': rendered.chart.breakdown ?? '' }, [
        rendered.chart.breakdown ? h('figcaption', {}, [t.breakdown(rendered.chart.breakdown)]) : null,
        raw(rendered.svg),
    ]);
}

/** The section of one indicator; `charts` are its rendered charts, total first. */
export function indicatorSection(program: ProgramIR, indicator: IndicatorIR, rows: ResultRow[], charts: RenderedChart[], lang: Locale): Html {
    const t = reportTexts(lang);
    const own = rows.filter(r => r.indicator === indicator.name);
    const summary = indicatorSummary(indicator, own, lang);
    const name = indicator.title ?? indicator.name;
    const status = statusLabel(summary.status, lang);
    const [total, ...breakdowns] = charts;
    return h('section', { class: 'indicator', id: sectionId(program, indicator), 'data-indicator': indicator.name, 'data-status': summary.status }, [
        h('header', {}, [h('h3', {}, [name]), badge(summary, lang)]),
        headline(indicator, summary, lang),
        total ? figure(name, status, total, lang) : null,
        facts(program, indicator, lang),
        h('details', { class: 'table', open: '' }, [h('summary', {}, [t.table]), rowsTable(indicator, own, null, lang)]),
        breakdowns.map(b => [
            figure(name, status, b, lang),
            h('details', { class: 'table' }, [h('summary', {}, [t.tableBy(b.chart.breakdown!)]), rowsTable(indicator, own, b.chart.breakdown, lang)]),
        ]),
    ]);
}
