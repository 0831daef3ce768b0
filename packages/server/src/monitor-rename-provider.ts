/**
 * Rename that refuses a name already taken: by a column of the same source, or by a declaration of
 * the same kind in any file that would see both the renamed one and the other (its imports and the
 * files importing it). The refusal is an LSP error response with the reason, in the editor's language.
 */
import { LSPErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { AstUtils, CstUtils, URI, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ast, importClosure } from '@monitor/language';
import type { ServerContext } from './server-context.js';
import { texts } from './texts.js';

/** A named declaration (source, column, dimension, indicator, monitor). */
type Named = AstNode & { name: string };

function isNamed(node: AstNode | undefined): node is Named {
    return node !== undefined && typeof (node as Partial<Named>).name === 'string';
}

/** Checks the new name before Langium's rename edits every reference. */
export class MonitorRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices, private readonly ctx: ServerContext) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.declarationAt(document, params);
        const wanted = params.newName.replace(/^`(.*)`$/s, '$1');
        const taken = target && wanted !== target.name ? this.takenBy(target, wanted) : undefined;
        if (taken) {
            const t = texts(this.ctx.settings.locale);
            const where = AstUtils.getDocument(taken).uri.path.split('/').pop() ?? '';
            const line = (taken.$cstNode?.range.start.line ?? 0) + 1;
            throw new ResponseError(LSPErrorCodes.RequestFailed, t.nameTaken(wanted, t.kind[taken.$type] ?? taken.$type.toLowerCase(), where, line));
        }
        return super.rename(document, params);
    }

    /** The declaration the position names (its own name or a reference to it), as Langium's rename finds it. */
    private declarationAt(document: LangiumDocument, params: RenameParams): Named | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const target = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
        return isNamed(target) ? target : undefined;
    }

    /** Another declaration of the same kind named `name` that some file would see beside `target`. */
    private takenBy(target: Named, name: string): Named | undefined {
        if (ast.isColumn(target)) {
            const siblings: AstNode[] = ast.isSource(target.$container) ? target.$container.columns : [];
            return siblings.find((c): c is Named => c !== target && isNamed(c) && c.name === name);
        }
        const home = AstUtils.getDocument(target).uri.toString();
        // Every file that sees the target: the ones whose imports reach its file (its own file included).
        const viewers = this.documents.all.filter(d => importClosure(d.uri, this.documents).has(home)).toArray();
        const visible = new Set<string>([home, ...viewers.flatMap(d => [...importClosure(d.uri, this.documents)])]);
        for (const uri of visible) {
            const model = this.documents.getDocument(URI.parse(uri))?.parseResult.value;
            if (!ast.isModel(model)) continue;
            const other = model.elements.find((e): e is ast.Element & Named => e !== target && e.$type === target.$type && isNamed(e) && e.name === name);
            if (other) return other;
        }
        return undefined;
    }
}
