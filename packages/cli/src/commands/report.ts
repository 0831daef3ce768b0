/** `monitor report`: one self-contained HTML report (and optionally a PNG per chart) of one or more monitors. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { getLocale } from '@monitor/language';
import { analyse, collectFiles, UsageError } from '../analyse.js';
import { computeMonitor } from '../compute.js';
import { formatText, sortDiagnostics } from '../diagnostic.js';
import { HELP } from '../help.js';
import { parseOptions } from '../options.js';
import { workspaceRoot } from '../workspace-root.js';
import { buildReport, type ComputedMonitor } from '../report/build-report.js';
import type { ReportChart } from '../report/report-charts.js';

/**
 * Writes each chart as PNG into `dir`; an error (e.g. a missing font) is a message, not a crash.
 * The rasteriser (resvg, a native optional dependency of the installed package) loads only here.
 */
async function writePngs(charts: ReportChart[], dir: string): Promise<void> {
    const { renderPng } = await import('@monitor/render/png').catch((error: Error) => {
        throw new Error(`--png needs the optional dependency @resvg/resvg-js, which does not load here (${error.message.split('\n')[0]}). Install it with: npm install @resvg/resvg-js`);
    });
    await fs.mkdir(dir, { recursive: true });
    for (const chart of charts) await fs.writeFile(path.join(dir, chart.fileName), await renderPng(chart.spec));
}

export async function runReport(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, {
        out: { type: 'string' },
        png: { type: 'string' },
        root: { type: 'string' },
        timestamp: { type: 'boolean' },
    });
    if (values.help) {
        process.stdout.write(HELP.report);
        return 0;
    }
    if (positionals.length === 0) throw new UsageError('Name a .monitor file or a folder: monitor report <file or folder> --out report.html');
    const files = await collectFiles(positionals);
    if (files.length === 0) throw new UsageError(`There are no .monitor files in ${positionals.join(', ')}.`);
    const analysis = await analyse(files, values.root);
    const errors = analysis.diagnostics.filter(d => d.severity === 'error');
    if (errors.length > 0 || analysis.monitors.length === 0) {
        process.stderr.write(formatText(sortDiagnostics(errors.length > 0 ? errors : analysis.diagnostics)) + '\n');
        if (errors.length === 0) process.stderr.write(getLocale() === 'nl'
            ? 'Er is geen monitor om over te rapporteren: geen bestand heeft een monitorkop of indicatoren.\n' : 'There is no monitor to report on: no file has a monitor header or indicators.\n');
        return 1;
    }
    const computed: ComputedMonitor[] = [];
    let failed = false;
    for (const monitor of analysis.monitors) {
        const result = await computeMonitor(monitor, workspaceRoot(values.root, monitor.file));
        if (result.diagnostics.length > 0) process.stderr.write(formatText(sortDiagnostics(result.diagnostics)) + '\n');
        if (result.diagnostics.some(d => d.severity === 'error')) failed = true;
        else computed.push({ monitor, rows: result.rows });
    }
    // A report that leaves out a monitor with data errors would look complete; write none.
    if (failed) return 1;
    const { html, charts, indicators } = await buildReport(computed, getLocale(), values.timestamp ? new Date().toISOString() : undefined);
    if (values.png) {
        try {
            await writePngs(charts, values.png);
        } catch (error) {
            process.stderr.write(`monitor: the PNG files could not be written: ${(error as Error).message}\n`);
            return 2;
        }
    }
    if (!values.out) {
        process.stdout.write(html);
        return 0;
    }
    await fs.writeFile(values.out, html);
    process.stdout.write(`Wrote ${values.out}: ${computed.length} monitor(s), ${indicators} indicator(s), ${charts.length} chart(s)` +
        `${values.png ? `; PNG files in ${values.png}` : ''}.\n`);
    return 0;
}
