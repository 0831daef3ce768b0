/** `monitor check`: all validation stages over files and folders. */
import { analyse, collectFiles, UsageError } from '../analyse.js';
import { checkMonitorData } from '../compute.js';
import { formatText, sortDiagnostics } from '../diagnostic.js';
import { HELP } from '../help.js';
import { oneOf, parseOptions, workspaceRoot } from '../options.js';

export async function runCheck(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, {
        format: { type: 'string' },
        'no-data': { type: 'boolean' },
        root: { type: 'string' },
    });
    if (values.help) {
        process.stdout.write(HELP.check);
        return 0;
    }
    const format = oneOf('format', values.format, ['text', 'json'] as const, 'text');
    if (positionals.length === 0) throw new UsageError('Name at least one .monitor file or folder: monitor check <files or folders…>');
    const files = await collectFiles(positionals);
    const analysis = await analyse(files);
    const diagnostics = [...analysis.diagnostics];
    if (!values['no-data']) {
        for (const monitor of analysis.monitors) {
            diagnostics.push(...(await checkMonitorData(monitor, workspaceRoot(values.root, monitor.file))));
        }
    }
    const sorted = sortDiagnostics(diagnostics);
    const errors = sorted.filter(d => d.severity === 'error').length;
    if (format === 'json') {
        process.stdout.write(JSON.stringify(sorted, null, 2) + '\n');
    } else {
        if (sorted.length > 0) process.stdout.write(formatText(sorted) + '\n');
        const warnings = sorted.filter(d => d.severity === 'warning').length;
        process.stderr.write(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s).\n`);
    }
    return errors > 0 ? 1 : 0;
}
