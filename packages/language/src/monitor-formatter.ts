/**
 * The canonical formatter of `.monitor` files: the Langium `lsp.Formatter` service, used by the
 * language server (format document) and by `monitor fmt` alike, so both give the same text.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { Model } from './generated/ast.js';
import { layoutMonitor } from './format-layout.js';

/**
 * Formats a whole document in one canonical layout (docs/ci.md, "The canonical layout"). The base
 * class keeps its guards (a document with parse errors is left alone); the layout itself is
 * printed token by token, because node-by-node edits cannot break long lines by width and move
 * comments at the start of a block to the outer indentation.
 */
export class MonitorFormatter extends AbstractFormatter {
    /** Layout is planned for the whole document in `doDocumentFormat`, not per node. */
    protected format(_node: AstNode): void {
        // Intentionally empty: see the class comment.
    }

    /** One edit that turns the document into its canonical layout (none when it already is). */
    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        const text = document.textDocument.getText();
        const formatted = layoutMonitor(document.parseResult.value as Model, text);
        if (formatted === text) return [];
        // Replace only the part that differs, so an editor keeps its cursor and folds elsewhere.
        let start = 0;
        while (start < text.length && start < formatted.length && text[start] === formatted[start]) start++;
        let end = 0;
        while (end < text.length - start && end < formatted.length - start
            && text[text.length - 1 - end] === formatted[formatted.length - 1 - end]) end++;
        const edit: TextEdit = {
            range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(text.length - end) },
            newText: formatted.slice(start, formatted.length - end),
        };
        // A range request gets the document's edit only when it touches the range: the layout
        // of a block depends on its neighbours, so a partial layout could differ from the whole.
        if (range && (edit.range.end.line < range.start.line || edit.range.start.line > range.end.line)) return [];
        return [edit];
    }
}

/** Formats the text of a parsed document; returns the text unchanged when it has parse errors. */
export function formatDocumentText(document: LangiumDocument): string {
    const { parseResult } = document;
    const text = document.textDocument.getText();
    if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return text;
    return layoutMonitor(parseResult.value as Model, text);
}
