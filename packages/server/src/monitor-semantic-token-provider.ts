/** Semantic highlighting: declared names and references by what they name (source, column, dimension, indicator). */
import { SemanticTokenTypes, type Range, type SemanticTokens, type SemanticTokensRangeParams } from 'vscode-languageserver';
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, SemanticTokensBuilder, type SemanticTokenAcceptor } from 'langium/lsp';
import { ast } from '@monitor/language';

/**
 * One token type per kind of name, so themes colour them apart.
 *
 * Langium's provider keeps the document, range and token builder of "the current request" in fields
 * and yields between AST nodes, so a `full` and a `range` request that run at once (VS Code sends both
 * when a file opens) pushed into each other's builder: tokens twice, or of another file, which VS Code
 * reports as "overlapping semantic tokens". Here every request walks the tree in one synchronous
 * pass with its own builder, and delta requests get the full tokens.
 */
export class MonitorSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override async semanticHighlight(document: LangiumDocument): Promise<SemanticTokens> {
        return this.highlightAll(document, undefined);
    }

    override async semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams): Promise<SemanticTokens> {
        return this.highlightAll(document, params.range);
    }

    override async semanticHighlightDelta(document: LangiumDocument): Promise<SemanticTokens> {
        return this.highlightAll(document, undefined);
    }

    /** All tokens of a document (or of a range) in one pass that nothing can interleave with. */
    private highlightAll(document: LangiumDocument, range: Range | undefined): SemanticTokens {
        const builder = new SemanticTokensBuilder();
        this.currentDocument = document;
        this.currentRange = range;
        this.currentTokensBuilder = builder;
        try {
            const acceptor = this.createAcceptor();
            for (const node of AstUtils.streamAst(document.parseResult.value, { range })) this.highlightElement(node, acceptor);
            return builder.build();
        } finally {
            this.currentDocument = this.currentRange = this.currentTokensBuilder = undefined;
        }
    }

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
