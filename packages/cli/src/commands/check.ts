/** `monitor check`: all validation stages over files and folders, in formats for people and CI. */
import { analyse, collectFiles, UsageError } from '../analyse.js';
import { displayPath, formatText, sortDiagnostics, type CliDiagnostic } from '../diagnostic.js';
import { githubAnnotations } from '../formats/github-annotations.js';
import { sarifLog } from '../formats/sarif.js';
import { HELP } from '../help.js';
import { oneOf, parseOptions } from '../options.js';
import { workspaceRoot } from '../workspace-root.js';
import { createProgress } from '../progress.js';
import { getLocale } from '@monitor/language/messages';

/** Exit codes: 0 clean, 1 findings that fail the check, 2 usage or internal error (thrown). */
export async function runCheck(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, {
        format: { type: 'string' },
        'no-data': { type: 'boolean' },
        root: { type: 'string' },
        strict: { type: 'boolean' },
        'max-warnings': { type: 'string' },
    });
    if (values.help) {
        process.stdout.write(HELP.check);
        return 0;
    }
    const format = oneOf('format', values.format, ['text', 'json', 'github', 'sarif'] as const, 'text');
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    if (positionals.length === 0) throw new UsageError('Name at least one .monitor file or folder: monitor check <files or folders…>');
    const progress = createProgress();
    const files = await collectFiles(positionals);
    progress.update(`monitor check: reading and validating ${files.length} file(s)…`);
    const analysis = await analyse(files, values.root);
    const diagnostics = [...analysis.diagnostics];
    if (!values['no-data']) {
        // Loaded only here: `check --no-data` needs neither DuckDB nor the compiler (~0.3 s of start-up).
        const { checkAllData } = await import('../check-data.js');
        const count = analysis.monitors.length;
        diagnostics.push(...(await checkAllData(analysis.monitors, m => workspaceRoot(values.root, m.file),
            (i, m) => progress.update(`monitor check: data ${i + 1}/${count} ${displayPath(m.file)}`))));
    }
    progress.done();
    const sorted = sortDiagnostics(unique(diagnostics));
    const errors = sorted.filter(d => d.severity === 'error').length;
    const warnings = sorted.filter(d => d.severity === 'warning').length;
    if (format === 'json') process.stdout.write(JSON.stringify(sorted, null, 2) + '\n');
    else if (format === 'sarif') process.stdout.write(JSON.stringify(sarifLog(sorted), null, 2) + '\n');
    else if (sorted.length > 0) process.stdout.write((format === 'github' ? githubAnnotations(sorted) : formatText(sorted)) + '\n');
    const failed = errors > 0 || (values.strict === true && warnings > 0) || (maxWarnings !== undefined && warnings > maxWarnings);
    if (format !== 'json' && format !== 'sarif') {
        const nl = getLocale() === 'nl';
        const limit = values.strict ? (nl ? ' (--strict: waarschuwingen laten falen)' : ' (--strict: warnings fail)')
            : maxWarnings !== undefined ? (nl ? ` (hoogstens ${maxWarnings} toegestaan)` : ` (at most ${maxWarnings} allowed)`) : '';
        process.stderr.write(nl ? `${files.length} bestand(en) gecontroleerd: ${errors} fout(en), ${warnings} waarschuwing(en)${limit}.\n`
            : `${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)${limit}.\n`);
    }
    return failed ? 1 : 0;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a whole number of 0 or more, not '${value}'.`);
    return Number(value);
}

/** A source shared by several monitors is checked once per monitor; report each finding once. */
function unique(diagnostics: CliDiagnostic[]): CliDiagnostic[] {
    const seen = new Set<string>();
    return diagnostics.filter(d => {
        const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}
