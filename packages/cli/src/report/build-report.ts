/**
 * `buildReport`: computed monitors (safe rows from `computeMonitor`) → the report page and its charts.
 * Shared by `monitor report` and `npm start`.
 */
import path from 'node:path';
import type { ResultRow } from '@monitor/ir';
import type { Locale } from '@monitor/language';
import { renderSvg } from '@monitor/render';
import type { AnalysedMonitor } from '../analyse.js';
import { VERSION } from '../help.js';
import { indicatorCharts, type ReportChart } from './report-charts.js';
import { reportHtml, type ReportMonitor } from './report-html.js';

/** A monitor with the rows `computeMonitor` gave for it. */
export interface ComputedMonitor {
    monitor: AnalysedMonitor;
    rows: ResultRow[];
}

/** The page and every chart in it (for `--png`). */
export interface BuiltReport {
    html: string;
    charts: ReportChart[];
    indicators: number;
}

/** Builds the report; `generatedAt` (ISO time) is the only thing that may differ between runs. */
export async function buildReport(computed: ComputedMonitor[], lang: Locale, generatedAt?: string): Promise<BuiltReport> {
    const monitors: ReportMonitor[] = [];
    const all: ReportChart[] = [];
    for (const { monitor, rows } of computed) {
        const charts = monitor.program.indicators.flatMap(i => indicatorCharts(monitor.program, i, rows, lang));
        const rendered = [];
        for (const chart of charts) rendered.push({ chart, svg: await renderSvg(chart.pageSpec) });
        all.push(...charts);
        // Relative to the working folder, with forward slashes, so the page is the same on every machine.
        const file = path.relative(process.cwd(), monitor.file).split(path.sep).join('/');
        monitors.push({ program: monitor.program, file, rows, charts: rendered });
    }
    const html = reportHtml(monitors, { lang, version: VERSION, generatedAt });
    return { html, charts: all, indicators: monitors.reduce((n, m) => n + m.program.indicators.length, 0) };
}
