/** `monitor check --format github`: GitHub Actions workflow commands that annotate the changed lines. */
import { displayPath, escapeControl, type CliDiagnostic } from '../diagnostic.js';

const COMMAND: Record<CliDiagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escapes a command's message: control characters (CR, LF, ANSI escapes) made visible as `\n`, … by
 * `escapeControl`, so no value can end the command and start another; then `%` as the runner expects.
 */
export function escapeData(text: string): string {
    return escapeControl(text).replace(/%/g, '%25');
}

/** Escapes a command property value: as `escapeData`, plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message` line per diagnostic. */
export function githubAnnotations(diagnostics: CliDiagnostic[]): string {
    return diagnostics.map(d => {
        const props = [
            `file=${escapeProperty(displayPath(d.file).split('\\').join('/'))}`,
            `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`,
            `title=${escapeProperty(d.code)}`,
        ];
        return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
    }).join('\n');
}
