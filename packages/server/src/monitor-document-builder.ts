/**
 * Which documents an edit makes the server rebuild. Langium's default asks every document of the
 * workspace whether it has a linking error or a reference into a changed file (about 16 ms per
 * keystroke in a workspace of 1,000 files); here one pass over the import statements finds the files
 * that import a changed one, directly or through others.
 */
import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
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
