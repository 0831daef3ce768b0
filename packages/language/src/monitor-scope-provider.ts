/**
 * Scoping: columns resolve against the source a measure, binding or reference names;
 * global names are visible only through the file's own declarations and its imports.
 */
import {
    AstUtils, DefaultScopeProvider, DocumentState, EMPTY_SCOPE, stream, WorkspaceCache,
    type AstNode, type AstNodeDescription, type LangiumDocuments, type ReferenceInfo, type Scope, type Stream,
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import {
    Column, isBinding, isColumn, isColumnRef, isDimensionMapping, isDimensionNames, isMeasure, isReference, isSource, type Source,
} from './generated/ast.js';
import { importClosure } from './imports.js';

export class MonitorScopeProvider extends DefaultScopeProvider {
    private readonly documents: LangiumDocuments;
    private readonly closureCache: WorkspaceCache<string, Set<string>>;
    private readonly globalScopes: WorkspaceCache<string, Scope>;
    /** Per source node: the scope of its columns (a new parse makes a new node). */
    private readonly columnScopes = new WeakMap<Source, Scope>();
    /** Per innermost container with local symbols, per reference type: the scope of a reference. */
    private readonly localScopes: WorkspaceCache<AstNode, Map<string, Scope>>;
    /** Per reference type: the index's descriptions per document, in index order. */
    private readonly byDocument: WorkspaceCache<string, { lists: Map<string, AstNodeDescription[]>; rank: Map<string, number> }>;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.closureCache = new WorkspaceCache(services.shared);
        // Scopes depend on the index: evict when a build has indexed the changed files.
        this.globalScopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.byDocument = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        // Holds the global scope of its document: evicted with it.
        this.localScopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    override getScope(context: ReferenceInfo): Scope {
        if (context.reference && this.reflection.getReferenceType(context) === Column.$type) {
            const source = this.columnSource(context);
            if (source === 'default') return super.getScope(context);
            return source ? this.columnScope(source) : EMPTY_SCOPE;
        }
        return this.localScope(context);
    }

    /**
     * Langium's scope (the declarations of the enclosing containers, innermost first, then the global
     * scope), built once per container and reference type until the index changes instead of per reference.
     */
    private localScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        let innermost: AstNode | undefined;
        for (let node: AstNode | undefined = context.container; localSymbols && node; node = node.$container) {
            if (localSymbols.has(node)) { innermost = node; break; }
        }
        const global = this.getGlobalScope(referenceType, context);
        if (!localSymbols || !innermost) return global;
        const byType = this.localScopes.get(innermost, () => new Map<string, Scope>());
        let scope = byType.get(referenceType);
        if (!scope) {
            const elements: AstNodeDescription[] = [];
            for (let node: AstNode | undefined = innermost; node; node = node.$container) {
                if (!localSymbols.has(node)) continue;
                for (const d of localSymbols.getStream(node)) if (this.reflection.isSubtype(d.type, referenceType)) elements.push(d);
            }
            scope = new IndexedScope(elements, global);
            byType.set(referenceType, scope);
        }
        return scope;
    }

    /**
     * The columns of a source as a scope, built once per parsed source: every column reference of
     * every file that uses the source looks names up in it. A new parse makes a new source node.
     */
    private columnScope(source: Source): Scope {
        let scope = this.columnScopes.get(source);
        if (!scope) {
            const descriptions: AstNodeDescription[] = [];
            for (const column of source.columns) {
                const name = this.nameProvider.getName(column);
                if (name) descriptions.push(this.descriptions.createDescription(column, name));
            }
            scope = new IndexedScope(descriptions);
            this.columnScopes.set(source, scope);
        }
        return scope;
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
            if (isDimensionMapping(node) || isDimensionNames(node)) return node.table?.ref;
            // A derived column's expression names columns of its own source.
            if (isColumn(node) && isSource(node.$container)) return node.$container;
            if (isSource(node)) return 'default';
        }
        return undefined;
    }

    /**
     * One scope per document and reference type, until the index changes: looking up the
     * index for every reference costs a pass over all files (slow in a workspace of 1,000 files).
     */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const uri = AstUtils.getDocument(context.container).uri;
        return this.globalScopes.get(`${referenceType} ${uri.toString()}`, () => {
            const uris = this.closureCache.get(uri.toString(), () => importClosure(uri, this.documents));
            const { lists, rank } = this.byDocument.get(referenceType, () => {
                const grouped = new Map<string, AstNodeDescription[]>();
                for (const d of this.indexManager.allElements(referenceType)) {
                    const key = d.documentUri.toString();
                    const list = grouped.get(key);
                    if (list) list.push(d); else grouped.set(key, [d]);
                }
                return { lists: grouped, rank: new Map([...grouped.keys()].map((k, i) => [k, i])) };
            });
            // The same elements in the same order as `allElements(referenceType, uris)`, without a pass over every file.
            const inClosure = [...uris].filter(u => lists.has(u)).sort((a, b) => rank.get(a)! - rank.get(b)!);
            return new IndexedScope(inClosure.flatMap(u => lists.get(u)!));
        });
    }
}

/**
 * A scope over a fixed list with look-up by name, then `outer`: the first of equal names wins, as in
 * Langium's chain of stream scopes.
 */
class IndexedScope implements Scope {
    private readonly byName = new Map<string, AstNodeDescription>();

    constructor(private readonly elements: AstNodeDescription[], private readonly outer?: Scope) {
        for (const e of elements) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.byName.get(name) ?? this.outer?.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const local = stream(this.elements.filter(e => e.name === name));
        return this.outer ? local.concat(this.outer.getElements(name)) : local;
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.outer ? stream(this.elements).concat(this.outer.getAllElements()) : stream(this.elements);
    }
}
