/**
 * Loads `.monitor` files and, transitively, the files they import into a Langium workspace,
 * builds them with validation, and reports the diagnostics of every loaded file.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
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
    /** Files that exist but could not be read or built, with the reason (never silently skipped). */
    failed: { uri: URI; reason: string }[];
}

function reasonOf(error: unknown): string {
    return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}

/**
 * Loads and validates the given files and everything they import. Missing imports are left unresolved
 * (the validator reports 'unknown-import'); a file that exists but cannot be read, and a build that
 * fails, are listed in `failed`.
 */
export async function loadDocuments(shared: LangiumSharedServices, paths: string[]): Promise<LoadedWorkspace> {
    const documents = shared.workspace.LangiumDocuments;
    const roots: LangiumDocument<Model>[] = [];
    const queue: URI[] = paths.map(p => URI.file(p));
    const seen = new Set<string>();
    const loaded: LangiumDocument<Model>[] = [];
    const failed: LoadedWorkspace['failed'] = [];
    for (let i = 0; i < queue.length; i++) {
        const uri = queue[i];
        if (seen.has(uri.toString())) continue;
        seen.add(uri.toString());
        let doc: LangiumDocument<Model>;
        try {
            doc = (await documents.getOrCreateDocument(uri)) as LangiumDocument<Model>;
        } catch (error) {
            // A named file always counts; an import only when it exists (else: 'unknown-import').
            if (i < paths.length || await exists(shared, uri)) failed.push({ uri, reason: reasonOf(error) });
            continue;
        }
        loaded.push(doc);
        if (i < paths.length) roots.push(doc);
        for (const imp of doc.parseResult.value.imports ?? []) {
            // A refused import is never read; the validator reports why (docs/security.md).
            if (imp.path && !importRefusal(shared, uri, imp.path)) queue.push(resolveImport(uri, imp.path));
        }
    }
    try {
        await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    } catch (error) {
        // No file may pass unchecked: every one the build did not finish is reported.
        for (const doc of loaded) if (doc.state < DocumentState.Validated) failed.push({ uri: doc.uri, reason: reasonOf(error) });
    }
    return { roots, all: loaded, failed };
}

async function exists(shared: LangiumSharedServices, uri: URI): Promise<boolean> {
    try {
        await shared.workspace.FileSystemProvider.stat(uri);
        return true;
    } catch {
        return false;
    }
}

/** Lowers a loaded root document together with the documents it imports. */
export function lowerDocument(root: LangiumDocument<Model>, workspace: Pick<LoadedWorkspace, 'all'>, closure: Set<string>): ProgramIR {
    const imported = workspace.all
        .filter(d => d !== root && closure.has(d.uri.toString()))
        .map(d => ({ uri: d.uri.toString(), model: d.parseResult.value }));
    return lowerProgram({ uri: root.uri.toString(), model: root.parseResult.value }, imported);
}
