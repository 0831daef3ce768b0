/**
 * `reportHtml`: computed monitors → one self-contained HTML page (inline CSS and SVG, no scripts,
 * nothing fetched), with an overview of every indicator's status at the top and a section per indicator.
 * Identical input gives identical bytes: no time or machine-specific text unless `generatedAt` is given.
 */
import { indicatorDecimals, type ProgramIR, type ResultRow } from '@monitor/ir';
import { formatNumber, indicatorSummary } from '@monitor/render';
import type { Locale } from '@monitor/language';
import { h, raw, type Html } from './html.js';
import { badge, indicatorSection, sectionId, type RenderedChart } from './indicator-section.js';
import { REPORT_CSS } from './report-style.js';
import { privacySentence } from './privacy-sentence.js';
import { reportTexts } from './report-texts.js';

/** One monitor with its safe rows and rendered charts. */
export interface ReportMonitor {
    program: ProgramIR;
    /** The monitor file, as shown in the report (relative, with forward slashes). */
    file: string;
    rows: ResultRow[];
    charts: RenderedChart[];
}

/** What the page needs besides the monitors. */
export interface ReportOptions {
    lang: Locale;
    version: string;
    /** ISO time to print in the footer; absent for byte-identical output. */
    generatedAt?: string;
}

function overview(monitors: ReportMonitor[], lang: Locale): Html {
    const t = reportTexts(lang);
    const rows = monitors.flatMap(m => m.program.indicators.map(indicator => {
        const summary = indicatorSummary(indicator, m.rows, lang);
        const value = summary.value === null ? t.noValue : `${formatNumber(summary.value, lang, indicatorDecimals(indicator))}${indicator.unit ? ` ${indicator.unit}` : ''}`;
        return h('tr', { 'data-indicator': indicator.name }, [
            monitors.length > 1 ? h('td', {}, [m.program.monitor.title ?? m.program.monitor.name]) : null,
            h('td', {}, [h('a', { href: `#${sectionId(m.program, indicator)}` }, [indicator.title ?? indicator.name])]),
            h('td', { class: 'num' }, [value]),
            h('td', { class: 'period' }, [summary.period ?? '']),
            h('td', {}, [badge(summary, lang)]),
        ]);
    }));
    const head = [...(monitors.length > 1 ? ['Monitor'] : []), t.indicator, t.latest, t.period, t.status];
    return h('nav', { class: 'overview', 'aria-label': t.overview }, [
        h('h2', {}, [t.overview]),
        h('table', {}, [
            h('thead', {}, [h('tr', {}, head.map(c => h('th', { scope: 'col', class: c === t.latest ? 'num' : undefined }, [c])))]),
            h('tbody', {}, rows),
        ]),
    ]);
}

function monitorSection(m: ReportMonitor, lang: Locale): Html {
    const t = reportTexts(lang);
    const { monitor } = m.program;
    const privacy = privacySentence(m.program, lang);
    return h('section', { class: 'monitor', id: monitor.name, 'data-monitor': monitor.name }, [
        h('h2', {}, [monitor.title ?? monitor.name]),
        monitor.description ? h('p', {}, [monitor.description]) : null,
        h('p', { class: 'meta' }, [
            `${t.file}: `, h('code', {}, [m.file]),
            monitor.owner ? ` · ${t.owner}: ${monitor.owner}` : '',
            ` · ${monitor.range.from} – ${monitor.range.to}`,
        ]),
        h('p', { class: 'privacy' }, [privacy]),
        m.program.indicators.length === 0 ? h('p', {}, [t.noIndicators]) : null,
        m.program.indicators.map(indicator => indicatorSection(m.program, indicator, m.rows,
            m.charts.filter(c => c.chart.indicator === indicator.name), lang)),
    ]);
}

/** The whole report page. */
export function reportHtml(monitors: ReportMonitor[], options: ReportOptions): string {
    const t = reportTexts(options.lang);
    const title = monitors.length === 1 ? `${monitors[0].program.monitor.title ?? monitors[0].program.monitor.name} — ${t.title}` : t.title;
    const footer = options.generatedAt ? t.generatedAt(options.version, options.generatedAt) : t.generated(options.version);
    const page = h('html', { lang: options.lang }, [
        h('head', {}, [
            raw('<meta charset="utf-8">'),
            raw('<meta name="viewport" content="width=device-width, initial-scale=1">'),
            h('title', {}, [title]),
            h('style', {}, [raw(REPORT_CSS)]),
        ]),
        h('body', {}, [
            h('header', {}, [h('h1', {}, [title])]),
            overview(monitors, options.lang),
            monitors.map(m => monitorSection(m, options.lang)),
            h('footer', {}, [footer]),
        ]),
    ]);
    return `<!DOCTYPE html>\n${page.text}\n`;
}
