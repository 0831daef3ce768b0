/** Resolving `import "…"` statements to document URIs. */
import { AstUtils, UriUtils, type LangiumDocuments } from 'langium';
import type { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isModel, type Model } from './generated/ast.js';

/** The URI an import path points at, relative to the importing document. */
export function resolveImport(from: URI, path: string): URI {
    // A lone surrogate (found by fuzzing: `import "\uD800"`) cannot be URI-encoded and made
    // `URI.toString()` throw; no file has such a name, so it becomes U+FFFD and stays unresolved.
    const wellFormed = path.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    return UriUtils.resolvePath(UriUtils.dirname(from), wellFormed);
}

/**
 * The URIs of a document and everything it imports, transitively, among the loaded documents.
 * Invariant: names are visible in a file only when declared there or in a file reachable by imports.
 */
export function importClosure(start: URI, documents: LangiumDocuments): Set<string> {
    const seen = new Set<string>();
    const queue: URI[] = [start];
    while (queue.length > 0) {
        const uri = queue.pop()!;
        const key = uri.toString();
        if (seen.has(key)) continue;
        seen.add(key);
        const doc = documents.getDocument(uri);
        const root = doc?.parseResult.value;
        if (!root || !isModel(root)) continue;
        for (const imp of (root as Model).imports) {
            if (imp.path) queue.push(resolveImport(uri, imp.path));
        }
    }
    return seen;
}

/** The model that contains a node. */
export function modelOf(node: Parameters<typeof AstUtils.getDocument>[0]): Model {
    return AstUtils.getDocument(node).parseResult.value as Model;
}

/** Why an import may not be loaded: its issue code and message arguments. */
export interface ImportRefusal {
    code: 'import-outside-root' | 'import-not-file' | 'import-too-large';
    args: Record<string, string>;
}

/**
 * The host's rule for which files an import may load (the CLI and the language server confine them
 * to the workspace with `confineImport`); undefined means the import may be loaded.
 */
export type ImportGuard = (from: URI, target: URI, path: string) => ImportRefusal | undefined;

const guards = new WeakMap<LangiumSharedServices, ImportGuard>();

/** Sets the import rule of a workspace; `loadDocuments` and the validator consult it. */
export function setImportGuard(shared: LangiumSharedServices, guard: ImportGuard): void {
    guards.set(shared, guard);
}

/** Why `import path` in the document `from` may not be loaded, or undefined when it may. */
export function importRefusal(shared: LangiumSharedServices, from: URI, path: string): ImportRefusal | undefined {
    const guard = guards.get(shared);
    return guard?.(from, resolveImport(from, path), path);
}
