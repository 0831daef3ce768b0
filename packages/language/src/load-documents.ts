/**
 * Loads `.monitor` files and, transitively, the files they import into a Langium workspace,
 * builds them with validation, and reports the diagnostics of every loaded file.
 */
import { URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Model } from './generated/ast.js';
import { importRefusal, resolveImport } from './imports.js';
import { lowerProgram } from './lower-program.js';
import type { ProgramIR } from '@monitor/ir';

/** The result of loading: every document (the requested ones first) by URI. */
export interface LoadedWorkspace {
    /** The documents asked for, in order. */
    roots: LangiumDocument<Model>[];
    /** Every loaded document, imports included. */
    all: LangiumDocument<Model>[];
}

/** Loads and validates the given files and everything they import. Missing imports are left unresolved. */
export async function loadDocuments(shared: LangiumSharedServices, paths: string[]): Promise<LoadedWorkspace> {
    const documents = shared.workspace.LangiumDocuments;
    const roots: LangiumDocument<Model>[] = [];
    const queue: URI[] = paths.map(p => URI.file(p));
    const seen = new Set<string>();
    const loaded: LangiumDocument<Model>[] = [];
    for (let i = 0; i < queue.length; i++) {
        const uri = queue[i];
        if (seen.has(uri.toString())) continue;
        seen.add(uri.toString());
        let doc: LangiumDocument<Model>;
        try {
            doc = (await documents.getOrCreateDocument(uri)) as LangiumDocument<Model>;
        } catch {
            continue; // an import that does not exist: the validator reports 'unknown-import'
        }
        loaded.push(doc);
        if (i < paths.length) roots.push(doc);
        for (const imp of doc.parseResult.value.imports ?? []) {
            // A refused import is never read; the validator reports why (docs/security.md).
            if (imp.path && !importRefusal(shared, uri, imp.path)) queue.push(resolveImport(uri, imp.path));
        }
    }
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    return { roots, all: loaded };
}

/** Lowers a loaded root document together with the documents it imports. */
export function lowerDocument(root: LangiumDocument<Model>, workspace: LoadedWorkspace, closure: Set<string>): ProgramIR {
    const imported = workspace.all
        .filter(d => d !== root && closure.has(d.uri.toString()))
        .map(d => ({ uri: d.uri.toString(), model: d.parseResult.value }));
    return lowerProgram({ uri: root.uri.toString(), model: root.parseResult.value }, imported);
}
