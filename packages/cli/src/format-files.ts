/**
 * Formatting files with the language's `lsp.Formatter` service — the same code the language
 * server runs for "Format Document", so the CLI and the editor agree byte for byte.
 */
import fs from 'node:fs/promises';
import { TextDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMonitorServices } from '@monitor/language';
import type { CliDiagnostic } from './diagnostic.js';

/** The outcome for one file: its canonical text, or the syntax error that stops formatting. */
export interface FormattedFile {
    file: string;
    original: string;
    formatted: string;
    /** Set when the file does not parse; then `formatted` equals `original`. */
    error?: CliDiagnostic;
}

/** Formats files in memory; writes nothing. */
export async function formatFiles(files: string[]): Promise<FormattedFile[]> {
    const { shared, Monitor } = createMonitorServices(NodeFileSystem);
    const formatter = Monitor.lsp.Formatter!;
    const out: FormattedFile[] = [];
    for (const file of files) {
        const original = await fs.readFile(file, 'utf8');
        const document = shared.workspace.LangiumDocumentFactory.fromString(original, URI.file(file));
        const error = firstSyntaxError(file, document.parseResult, document.textDocument);
        if (error) {
            out.push({ file, original, formatted: original, error });
            continue;
        }
        const edits = await formatter.formatDocument(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: 4, insertSpaces: true },
        });
        out.push({ file, original, formatted: TextDocument.applyEdits(document.textDocument, edits) });
    }
    return out;
}

interface ParseErrors {
    lexerErrors: Array<{ offset: number; length: number; message: string }>;
    parserErrors: Array<{ token: { startOffset: number; endOffset?: number }; message: string }>;
}

function firstSyntaxError(file: string, result: ParseErrors, text: TextDocument): CliDiagnostic | undefined {
    const lexer = result.lexerErrors[0];
    const parser = result.parserErrors[0];
    if (!lexer && !parser) return undefined;
    const start = lexer ? lexer.offset : Number.isNaN(parser.token.startOffset) ? text.getText().length : parser.token.startOffset;
    const begin = text.positionAt(start);
    return {
        file, severity: 'error', code: 'syntax-error',
        line: begin.line + 1, column: begin.character + 1, endLine: begin.line + 1, endColumn: begin.character + 2,
        message: `${lexer ? lexer.message : parser.message} The file is not formatted until it parses; 'monitor check' explains the error.`,
    };
}
