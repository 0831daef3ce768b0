/**
 * Which documents an edit makes the server rebuild, and in what order. Langium's default asks every
 * document of the workspace whether it has a linking error or a reference into a changed file (about
 * 16 ms per keystroke in a workspace of 1,000 files); here one pass over the import statements finds
 * the files that import a changed one, directly or through others. A build that holds open documents
 * and others (the first build of a workspace) finishes the open ones first: every file's exported
 * names are indexed, then the open files are linked and validated (their diagnostics go out), then
 * the rest are linked and indexed.
 */
import { DefaultDocumentBuilder, DocumentState, type BuildOptions, type LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { ast, resolveImport } from '@monitor/language';

export class MonitorDocumentBuilder extends DefaultDocumentBuilder {
    private affected: { changed: Set<string>; importers: Set<string> } | undefined;
    /** Resolved import targets per parsed model: an unchanged file keeps its model, so this is computed once. */
    private readonly importTargets = new WeakMap<ast.Model, string[]>();

    /**
     * Invariant (ARCHITECTURE.md): names are visible in a file only when declared in it or in a file
     * it imports, so only a file whose import closure holds a changed file can link differently.
     * A file with an unresolved name is covered too: whatever could resolve it sits in its closure
     * (an import of a file that is new or deleted resolves to a changed URI).
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const open = documents.filter(d => this.isOpen(d));
        if (open.length === 0 || open.length === documents.length) return super.buildDocuments(documents, options, cancelToken);
        const rest = documents.filter(d => !open.includes(d));
        // The names an open file can see come from other files' exports: index those first.
        this.prepareBuild(rest, options);
        await this.runCancelable(rest, DocumentState.Parsed, cancelToken, doc => this.langiumDocumentFactory.update(doc, cancelToken));
        await this.runCancelable(rest, DocumentState.IndexedContent, cancelToken, doc => this.indexManager.updateContent(doc, cancelToken));
        await super.buildDocuments(open, options, cancelToken);
        await super.buildDocuments(rest, options, cancelToken);
    }

    /** Whether the editor has the document open. */
    protected isOpen(document: LangiumDocument): boolean {
        return this.textDocuments?.get(document.uri.toString()) !== undefined;
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.affected?.changed !== changedUris) this.affected = { changed: changedUris, importers: this.importersOf(changedUris) };
        return this.affected.importers.has(document.uri.toString());
    }

    /** Every document that imports one of `changed`, transitively. */
    private importersOf(changed: Set<string>): Set<string> {
        const importedBy = new Map<string, string[]>();
        for (const doc of this.langiumDocuments.all) {
            const model = doc.parseResult?.value;
            if (!model || !ast.isModel(model)) continue;
            let targets = this.importTargets.get(model);
            if (!targets) {
                targets = model.imports.flatMap(i => i.path === undefined ? [] : [resolveImport(doc.uri, i.path).toString()]);
                this.importTargets.set(model, targets);
            }
            const uri = doc.uri.toString();
            for (const target of targets) {
                const list = importedBy.get(target);
                if (list) list.push(uri); else importedBy.set(target, [uri]);
            }
        }
        const out = new Set<string>();
        const queue = [...changed];
        while (queue.length > 0) {
            for (const importer of importedBy.get(queue.pop()!) ?? []) {
                if (!out.has(importer)) { out.add(importer); queue.push(importer); }
            }
        }
        return out;
    }
}
