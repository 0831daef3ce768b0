/**
 * Turns Langium's linking errors into coded diagnostics of the reference stage, with a
 * "did you mean" suggestion taken from what is in scope.
 */
import {
    DefaultDocumentValidator, DocumentValidator, type AstNode, type LangiumDocument, type ParseResult, type ScopeProvider,
    type ValidationOptions,
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isColumnRef, isDimensionMapping, isDimensionNames, isMeasure, isBinding, isReference, isSource } from './generated/ast.js';
import { isGateError } from './gated-parser.js';
import { message } from './messages.js';
import { suggest } from './suggest.js';
import { quoteName } from './quote-name.js';

const CODE_BY_TYPE: Record<string, string> = {
    Source: 'unknown-source',
    Column: 'unknown-column',
    Indicator: 'unknown-indicator',
    Dimension: 'unknown-dimension',
};

export class MonitorDocumentValidator extends DefaultDocumentValidator {
    private readonly scopeProvider: ScopeProvider;
    private readonly services: LangiumServices;

    constructor(services: LangiumServices) {
        super(services);
        this.services = services;
        this.scopeProvider = services.references.ScopeProvider;
    }

    /**
     * Lexing errors as Langium reports them, except those of the parser gate (`gated-parser.ts`): a
     * limit or a parser failure, reported with its own code at its own place.
     */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const gate = parseResult.lexerErrors.filter(e => isGateError(e));
        super.processLexingErrors(gate.length === 0 ? parseResult : { ...parseResult, lexerErrors: parseResult.lexerErrors.filter(e => !isGateError(e)) }, diagnostics, options);
        for (const error of gate) {
            const start = { line: error.line - 1, character: error.column - 1 };
            const range = { start, end: { line: start.line, character: start.character + error.length } };
            const text = message(error.code, error.args);
            diagnostics.push({ severity: 1, range, message: text, code: error.code, source: this.getSource(), data: { code: error.code } });
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const type = this.services.shared.AstReflection.getReferenceType(info);
            const name = info.reference.$refText;
            const code = CODE_BY_TYPE[type] ?? DocumentValidator.LinkingError;
            let candidates: string[] = [];
            try {
                // Local and global scopes both list the file's own declarations: keep each name once.
                candidates = [...new Set(this.scopeProvider.getScope(info).getAllElements().map(d => d.name))];
            } catch {
                // A scope that cannot be computed gives no suggestion; the error itself still stands.
            }
            // A column is suggested as it must be written: between backticks where the grammar needs them.
            const nearest = suggest(name, candidates);
            const suggestion = nearest === undefined ? '' : code === 'unknown-column' ? quoteName(nearest) : nearest;
            const source = columnSourceName(info.container, info.property);
            const text = message(code, { name, suggestion, source });
            diagnostics.push(this.toDiagnostic('error', text, {
                node: info.container,
                range: reference.$refNode?.range,
                property: info.property,
                index: info.index,
                // Like the meaning-stage checks: the code both as `code` (LSP, quick fixes) and in `data`.
                code,
                data: { code, refText: name, suggestion: suggestion || undefined, candidates: candidates.slice(0, 50), source: source || undefined },
            }));
        }
    }
}

/** The name of the source whose columns a reference looked in, for the message. */
function columnSourceName(container: AstNode, property: string): string {
    if (isColumnRef(container) && property === 'field') return container.lookup?.$refText ?? '?';
    for (let node: AstNode | undefined = container; node; node = node.$container) {
        if (isMeasure(node) || isBinding(node) || isReference(node)) return node.source?.$refText ?? '?';
        if (isDimensionMapping(node) || isDimensionNames(node)) return node.table?.$refText ?? '?';
        if (isSource(node)) return node.name;
    }
    return '?';
}
