/**
 * `monitor audit`: the reader's view of a publication. Computes each monitor exactly as `monitor run`
 * publishes it (the safe rows and the printed warnings), then hands the IR, the rows and the warnings
 * to `@monitor/audit`, an implementation of its own that never calls the engine's disclosure code.
 */
import { auditPublication, auditText, type PublishedMonitor } from '@monitor/audit';
import { getLocale } from '@monitor/language';
import { analyse, collectFiles, UsageError } from '../analyse.js';
import { computeMonitor } from '../compute.js';
import { formatText, sortDiagnostics } from '../diagnostic.js';
import { HELP } from '../help.js';
import { oneOf, parseOptions } from '../options.js';
import { workspaceRoot } from '../workspace-root.js';

/** Runs the audit; exit 1 when a reader can work out a protected value. */
export async function runAudit(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, { format: { type: 'string' }, root: { type: 'string' } });
    if (values.help) {
        process.stdout.write(HELP.audit);
        return 0;
    }
    const format = oneOf('format', values.format, ['text', 'json'] as const, 'text');
    if (positionals.length === 0) throw new UsageError('Name the .monitor files or the folder published together: monitor audit <files or folder>');
    const analysis = await analyse(await collectFiles(positionals), values.root);
    const errors = analysis.diagnostics.filter(d => d.severity === 'error');
    if (errors.length > 0 || analysis.monitors.length === 0) {
        process.stderr.write(formatText(sortDiagnostics(errors.length > 0 ? errors : analysis.diagnostics)) + '\n');
        if (errors.length === 0) process.stderr.write(getLocale() === 'nl' ? 'Er is geen monitor om te controleren.\n' : 'There is no monitor to audit.\n');
        return 2;
    }
    const published: PublishedMonitor[] = [];
    for (const monitor of analysis.monitors) {
        const computed = await computeMonitor(monitor, workspaceRoot(values.root, monitor.file));
        const dataErrors = computed.diagnostics.filter(d => d.severity === 'error');
        if (dataErrors.length > 0) {
            process.stderr.write(formatText(sortDiagnostics(dataErrors)) + '\n');
            return 2;
        }
        // What `monitor run` prints beside the rows is published too (stderr, the editor's warnings).
        const messages = computed.diagnostics.map(d => ({ code: d.code, text: d.message }));
        published.push({ program: monitor.program, rows: computed.rows, messages });
    }
    const result = await auditPublication(published);
    process.stdout.write(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : auditText(result, getLocale() === 'nl' ? 'nl' : 'en'));
    return result.findings.length > 0 ? 1 : 0;
}
