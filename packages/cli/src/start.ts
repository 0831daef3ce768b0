/**
 * `npm start`: validates and computes every example monitor, prints its trends and status, and
 * writes the HTML report of them all to ./monitor-report.html (the same page as `monitor report`).
 * Usage: node packages/cli/dist/start.js [folder]
 */
import '@monitor/language/polyfill';
import fs from 'node:fs/promises';
import path from 'node:path';
import { getLocale } from '@monitor/language';
import { analyse, collectFiles } from './analyse.js';
import { computeMonitor } from './compute.js';
import { escapeControl, formatText, sortDiagnostics } from './diagnostic.js';
import { buildReport, type ComputedMonitor } from './report/build-report.js';
import { summaryTable } from './summary.js';

/** Where `npm start` writes the report. */
const REPORT_FILE = 'monitor-report.html';

async function start(folder: string): Promise<number> {
    const files = await collectFiles([folder]);
    const analysis = await analyse(files);
    let failed = analysis.diagnostics.some(d => d.severity === 'error');
    const reported: ComputedMonitor[] = [];
    if (analysis.diagnostics.length > 0) process.stdout.write(formatText(sortDiagnostics(analysis.diagnostics)) + '\n');
    for (const monitor of analysis.monitors) {
        const title = monitor.program.monitor.title ?? monitor.program.monitor.name;
        // A title or path is the monitor author's text: its control characters never start a line of their own.
        process.stdout.write(`\n${escapeControl(`${title}  (${path.relative(process.cwd(), monitor.file)})`)}\n`);
        const computed = await computeMonitor(monitor, process.cwd());
        if (computed.diagnostics.length > 0) process.stdout.write(formatText(sortDiagnostics(computed.diagnostics)) + '\n');
        if (computed.diagnostics.some(d => d.severity === 'error')) {
            failed = true;
            continue;
        }
        process.stdout.write(summaryTable(monitor.program, computed.rows) + '\n');
        reported.push({ monitor, rows: computed.rows });
    }
    if (reported.length > 0) {
        const report = await buildReport(reported, getLocale());
        await fs.writeFile(REPORT_FILE, report.html);
        process.stdout.write(`\nReport of ${report.indicators} indicator(s) with charts: ${escapeControl(path.resolve(REPORT_FILE))} (open it in a browser).\n`);
    }
    process.stdout.write(`\n${analysis.monitors.length} monitor(s) computed from ${files.length} file(s).` +
        ` Try: npx monitor run ${escapeControl(path.relative(process.cwd(), analysis.monitors[0]?.file ?? 'examples'))} --format csv\n`);
    return failed ? 1 : 0;
}

process.exitCode = await start(process.argv[2] ?? 'examples').catch(error => {
    process.stderr.write(`monitor: ${escapeControl((error as Error).message)}\n`);
    return 2;
});
