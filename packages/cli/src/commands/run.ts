/** `monitor run`: compute a monitor's rows as JSON or CSV. */
import fs from 'node:fs/promises';
import { analyse, collectFiles, UsageError } from '../analyse.js';
import { computeMonitor } from '../compute.js';
import { formatText, sortDiagnostics } from '../diagnostic.js';
import { HELP } from '../help.js';
import { oneOf, parseOptions } from '../options.js';
import { workspaceRoot } from '../workspace-root.js';
import { rowsToCsv, rowsToJson } from '../output.js';
import { warningsFor } from '../warnings-for.js';
import { getLocale } from '@monitor/language/messages';

export async function runRun(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, {
        indicator: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
        root: { type: 'string' },
        'csv-raw': { type: 'boolean' },
    });
    if (values.help) {
        process.stdout.write(HELP.run);
        return 0;
    }
    const format = oneOf('format', values.format, ['json', 'csv'] as const, 'json');
    if (positionals.length !== 1) throw new UsageError('Name exactly one .monitor file: monitor run <file>');
    const files = await collectFiles(positionals);
    if (files.length !== 1) throw new UsageError(`'${positionals[0]}' is not one .monitor file.`);
    const analysis = await analyse(files, values.root);
    const errors = analysis.diagnostics.filter(d => d.severity === 'error');
    const monitor = analysis.monitors[0];
    if (errors.length > 0 || !monitor) {
        process.stderr.write(formatText(sortDiagnostics(errors.length > 0 ? errors : analysis.diagnostics)) + '\n');
        if (!monitor && errors.length === 0) process.stderr.write(getLocale() === 'nl'
            ? 'Dit bestand heeft geen monitorkop en geen indicatoren om te berekenen.\n' : 'This file has no monitor header or indicators to compute.\n');
        return 1;
    }
    const known = new Set(monitor.program.indicators.map(i => i.name));
    for (const name of values.indicator ?? []) {
        if (!known.has(name)) throw new UsageError(`There is no indicator '${name}' in ${positionals[0]}. Known: ${[...known].join(', ')}.`);
    }
    const computed = await computeMonitor(monitor, workspaceRoot(values.root, monitor.file), values.indicator);
    const dataErrors = computed.diagnostics.filter(d => d.severity === 'error');
    if (dataErrors.length > 0) {
        process.stderr.write(formatText(sortDiagnostics(computed.diagnostics)) + '\n');
        return 1;
    }
    // Warnings of the language stages and the data stage; `--indicator` leaves out only those about other indicators.
    const warnings = warningsFor(monitor, [...analysis.diagnostics, ...computed.diagnostics], values.indicator);
    if (warnings.length > 0) process.stderr.write(formatText(sortDiagnostics(warnings)) + '\n');
    const text = format === 'csv' ? rowsToCsv(computed.rows, { raw: values['csv-raw'], indicators: monitor.program.indicators }) : rowsToJson(computed.rows, monitor.program.indicators);
    if (values.out) await fs.writeFile(values.out, text);
    else process.stdout.write(text);
    return 0;
}
