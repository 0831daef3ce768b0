/**
 * Completion: Langium's (keywords and names in scope) plus the real data file's columns. Inside a
 * source's `columns { … }` it offers the header names not yet declared, with a guessed type; column
 * references show their declared type.
 */
import { CompletionItemKind, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import type { AstNodeDescription, LangiumDocument, ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionContext, type CompletionValueItem, type LangiumServices } from 'langium/lsp';
import { ast, quoteName } from '@monitor/language';
import type { FileColumn } from './csv-header.js';
import type { ServerContext } from './server-context.js';
import { postgresSourceColumns, type TableColumn } from './postgres-columns.js';
import { sourceFileColumns } from './source-columns.js';

/** Where the cursor stands inside a `columns { … }` block: the source and the names declared there. */
function columnsBlockAt(text: string, offset: number): { source: string; declared: Set<string> } | undefined {
    const before = text.slice(0, offset);
    const open = [...before.matchAll(/\bcolumns\s*\{/g)].at(-1);
    if (!open || before.slice(open.index).includes('}')) return undefined;
    const header = [...before.slice(0, open.index).matchAll(/\bsource\s+([A-Za-z_][\w]*)\s+from\b/g)].at(-1);
    if (!header) return undefined;
    const closeAt = text.indexOf('}', offset);
    const block = text.slice(open.index + open[0].length, closeAt < 0 ? text.length : closeAt);
    // A declared name may stand between backticks (`WmoCliënten`).
    const declared = new Set([...block.matchAll(/^\s*(`[^`\r\n]+`|[A-Za-z_][\w]*)\s+(?:text|integer|decimal|date|boolean)\b/gm)]
        .map(m => m[1].replace(/^`|`$/g, '')));
    return { source: header[1], declared };
}

/** Monitor completion with the data file's columns. */
export class MonitorCompletionProvider extends DefaultCompletionProvider {
    constructor(services: LangiumServices, private readonly ctx: ServerContext) {
        super(services);
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const list = await super.getCompletion(document, params);
        const text = document.textDocument.getText();
        const block = columnsBlockAt(text, document.textDocument.offsetAt(params.position));
        if (!block) return list;
        const source = (document.parseResult.value as ast.Model).elements.find(e => ast.isSource(e) && e.name === block.source) as ast.Source | undefined;
        // A table source's columns come from the database's catalogue (trusted, with a connection configured).
        const columns: (FileColumn | TableColumn)[] = !source ? [] : (source.table ? await postgresSourceColumns(this.ctx, source) : sourceFileColumns(this.ctx, source)) ?? [];
        const items = columns.filter(c => !block.declared.has(c.name)).map(c => ({
            label: c.name,
            kind: CompletionItemKind.Field,
            detail: `${c.type}${c.nullable ? '?' : ''}${'databaseType' in c ? ` · ${c.databaseType}` : ''}`,
            // A header with an accent, a space or punctuation goes between backticks.
            insertText: `${quoteName(c.name)} ${c.type}${c.nullable ? '?' : ''}`,
            // Before keywords: the file's own columns are what the analyst is after here.
            sortText: `0_${c.name}`,
        }));
        return { isIncomplete: list?.isIncomplete ?? false, items: [...items, ...(list?.items ?? [])] };
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (node && ast.isColumn(node)) {
            const source = ast.isSource(node.$container) ? ` · ${node.$container.name}` : '';
            const quoted = quoteName(node.name);
            return { ...item, detail: `${node.type}${node.optional ? '?' : ''}${source}`, ...(quoted !== node.name ? { insertText: quoted } : {}) };
        }
        return item;
    }
}
