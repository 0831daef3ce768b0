/**
 * Linking, symbol collection and the reference index without a lazy stream and an awaited
 * cancellation check per AST node (see ast-walk.ts): the same references and symbols, in the same
 * order. Each runs for a whole document at once; Langium's build still checks for cancellation and
 * yields between documents.
 */
import {
    AstUtils, Cancellation, CstUtils, DefaultAstNodeDescriptionProvider, DefaultLinker, DefaultReferenceDescriptionProvider,
    DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type ReferenceDescription,
} from 'langium';
import { forEachContained, forEachNode, forEachReference } from './ast-walk.js';

export class MonitorLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        // Langium's profiler times each reference inside its own loop.
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        forEachNode(document.parseResult.value, node => forEachReference(node, ref => this.doLink(ref, document)));
    }
}

export class MonitorScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(document: LangiumDocument): Promise<MultiMap<AstNode, AstNodeDescription>> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        forEachContained(document.parseResult.value, node => this.addLocalSymbol(node, document, symbols));
        return symbols;
    }
}

export class MonitorReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        const out: ReferenceDescription[] = [];
        forEachNode(document.parseResult.value, node => forEachReference(node, info => {
            if (!info.reference.error) out.push(...this.createInfoDescriptions(info));
        }));
        return out;
    }
}

/**
 * Descriptions whose selection segment is computed when first asked for, as Langium already does for
 * the name segment: the index holds one per declaration of the workspace, and few are ever shown.
 */
export class MonitorAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        name ??= this.nameProvider.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!name) throw new Error(`Node at path ${path} has no name.`);
        const nameProvider = this.nameProvider;
        let nameSegment: ReturnType<typeof CstUtils.toDocumentSegment>;
        let selectionSegment: ReturnType<typeof CstUtils.toDocumentSegment>;
        return {
            node,
            name,
            get nameSegment() {
                return nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode);
            },
            type: node.$type,
            documentUri: doc.uri,
            path,
        };
    }
}
