/** The diagnostics the CLI prints: one shape for every stage, with 1-based positions. */
import path from 'node:path';

/** One finding in a `.monitor` file. */
export interface CliDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info';
    code: string;
    message: string;
}

/** Converts a 0-based LSP-style range to a 1-based CLI diagnostic. */
export function fromRange(
    file: string, range: { start: { line: number; character: number }; end: { line: number; character: number } },
    severity: CliDiagnostic['severity'], code: string, message: string,
): CliDiagnostic {
    return {
        file, severity, code, message,
        line: range.start.line + 1, column: range.start.character + 1,
        endLine: range.end.line + 1, endColumn: range.end.character + 1,
    };
}

/** The path of a file as shown to the user: relative to the working directory when inside it. */
export function displayPath(file: string): string {
    const rel = path.relative(process.cwd(), file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Control characters from data or names (newlines, ANSI escapes, line and paragraph separators) made
 * visible as `\n`, `\u001b`, …, so a value can neither start a line of its own (a forged GitHub
 * workflow command `::error file=…`, a fake diagnostic) nor drive the terminal. Tabs stay.
 */
export function escapeControl(text: string): string {
    return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, c =>
        c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `path:line:column: severity CODE message`, one per line; control characters escaped. */
export function formatText(diagnostics: CliDiagnostic[]): string {
    return diagnostics
        .map(d => escapeControl(`${displayPath(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`))
        .join('\n');
}

/** Orders diagnostics by file and position. */
export function sortDiagnostics(diagnostics: CliDiagnostic[]): CliDiagnostic[] {
    return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
