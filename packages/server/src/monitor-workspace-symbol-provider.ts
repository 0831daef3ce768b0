/** Workspace symbols that match anywhere in a name: "stroom" finds `doorstroom` and `uitstroom_verblijf`. */
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';

/**
 * Langium's fuzzy matcher only matches from the start of a word ("stroom" does not find
 * "doorstroom"); this one also takes every name that contains the query, ignoring case.
 */
export class MonitorWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    override async getSymbols(params: WorkspaceSymbolParams): Promise<WorkspaceSymbol[]> {
        const query = params.query.toLowerCase();
        const symbols: WorkspaceSymbol[] = [];
        for (const description of this.indexManager.allElements()) {
            if (!description.name.toLowerCase().includes(query) && !this.fuzzyMatcher.match(query, description.name)) continue;
            const symbol = this.getWorkspaceSymbol(description);
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }
}
