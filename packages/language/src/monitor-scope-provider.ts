/**
 * Scoping: columns resolve against the source a measure, binding or reference names;
 * global names are visible only through the file's own declarations and its imports.
 */
import {
    AstUtils, DefaultScopeProvider, EMPTY_SCOPE, WorkspaceCache,
    type AstNode, type LangiumDocuments, type ReferenceInfo, type Scope,
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import {
    Column, isBinding, isColumnRef, isDimensionMapping, isMeasure, isReference, isSource, type Source,
} from './generated/ast.js';
import { importClosure } from './imports.js';

export class MonitorScopeProvider extends DefaultScopeProvider {
    private readonly documents: LangiumDocuments;
    private readonly closureCache: WorkspaceCache<string, Set<string>>;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.closureCache = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        if (context.reference && this.reflection.getReferenceType(context) === Column.$type) {
            const source = this.columnSource(context);
            if (source === 'default') return super.getScope(context);
            return source ? this.createScopeForNodes(source.columns) : EMPTY_SCOPE;
        }
        return super.getScope(context);
    }

    /** The source whose columns a column reference can see; 'default' inside a source's own body. */
    private columnSource(context: ReferenceInfo): Source | undefined | 'default' {
        const container = context.container;
        if (isColumnRef(container) && context.property === 'field') {
            return container.lookup?.ref;
        }
        for (let node: AstNode | undefined = container; node; node = node.$container) {
            if (isMeasure(node) || isBinding(node) || isReference(node)) return node.source?.ref;
            // A dimension's mapping names columns of its mapping table.
            if (isDimensionMapping(node)) return node.table?.ref;
            if (isSource(node)) return 'default';
        }
        return undefined;
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const uri = AstUtils.getDocument(context.container).uri;
        const uris = this.closureCache.get(uri.toString(), () => importClosure(uri, this.documents));
        return this.createScope(this.indexManager.allElements(referenceType, uris));
    }
}
