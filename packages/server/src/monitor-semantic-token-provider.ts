/** Semantic highlighting: declared names and references by what they name (source, column, dimension, indicator). */
import { SemanticTokenTypes } from 'vscode-languageserver';
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { ast } from '@monitor/language';

/** One token type per kind of name, so themes colour them apart. */
export class MonitorSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, accept: SemanticTokenAcceptor): void {
        const at = (property: string, type: string, index?: number) => accept({ node, property: property as never, type, index });
        if (ast.isMonitorDecl(node)) at('name', SemanticTokenTypes.namespace);
        else if (ast.isSource(node)) at('name', SemanticTokenTypes.struct);
        else if (ast.isColumn(node)) at('name', SemanticTokenTypes.property);
        else if (ast.isDimension(node)) at('name', SemanticTokenTypes.enum);
        else if (ast.isIndicator(node)) {
            at('name', SemanticTokenTypes.function);
            node.by.forEach((_, i) => at('by', SemanticTokenTypes.enum, i));
        } else if (ast.isMeasure(node) || ast.isBinding(node)) at('source', SemanticTokenTypes.struct);
        else if (ast.isReference(node)) {
            at('indicator', SemanticTokenTypes.function);
            at('source', SemanticTokenTypes.struct);
        } else if (ast.isColumnRef(node)) {
            at('column', SemanticTokenTypes.property);
            if (node.lookup) { at('lookup', SemanticTokenTypes.struct); at('field', SemanticTokenTypes.property); }
        } else if (ast.isColumnInput(node)) at('column', SemanticTokenTypes.property);
        else if (ast.isTarget(node) || ast.isIndicatorArith(node)) at('indicator', SemanticTokenTypes.function);
        else if (ast.isNote(node) && node.indicator) at('indicator', SemanticTokenTypes.function);
    }
}
