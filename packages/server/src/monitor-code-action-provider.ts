/**
 * Quick fixes, matched on diagnostic codes: did-you-mean for unknown names, declaring a column that
 * the data file has, renaming a declared column to the file's nearest column, privacy rules where they
 * are missing (privacy-fix.ts), and a target skeleton for an indicator without one.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { AstUtils, CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { ast, quoteName, suggest } from '@monitor/language';
import type { ServerContext } from './server-context.js';
import { sourceFileColumns } from './source-columns.js';
import { texts } from './texts.js';
import { privacyFix } from './privacy-fix.js';

interface CodeData { code?: string; suggestion?: string; refText?: string; source?: string }

const isPosition = (p: unknown): boolean => typeof p === 'object' && p !== null
    && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);
const isRange = (r: unknown): r is Diagnostic['range'] => typeof r === 'object' && r !== null
    && isPosition((r as { start?: unknown }).start) && isPosition((r as { end?: unknown }).end);
const text = (v: unknown): string | undefined => typeof v === 'string' ? v : undefined;

/**
 * A client sends the diagnostics back as it likes: one without a range, with a code or data of the
 * wrong type, or not an object at all is ignored (never an internal error); string fields only.
 */
function wellFormed(diagnostics: unknown): { diagnostic: Diagnostic; data: CodeData; code: string }[] {
    if (!Array.isArray(diagnostics)) return [];
    return diagnostics.flatMap(d => {
        if (typeof d !== 'object' || d === null || !isRange((d as Diagnostic).range)) return [];
        const raw = (d as Diagnostic).data;
        const given = typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
        const data: CodeData = { code: text(given.code), suggestion: text(given.suggestion), refText: text(given.refText), source: text(given.source) };
        const own = (d as Diagnostic).code;
        const code = data.code ?? (typeof own === 'string' || typeof own === 'number' ? String(own) : '');
        return [{ diagnostic: d as Diagnostic, data, code }];
    });
}

/** Builds the code actions of a document from its diagnostics and the cursor's indicator. */
export class MonitorCodeActionProvider implements CodeActionProvider {
    constructor(private readonly ctx: ServerContext) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        for (const { diagnostic, data, code } of wellFormed(params.context?.diagnostics)) {
            // The suggestion is the text to insert (a column between backticks where it needs them).
            if ((code.startsWith('unknown-') || code === 'backtick-name') && data.suggestion) actions.push(this.rename(document, diagnostic, data.suggestion));
            if (code === 'unknown-column' && data.refText && data.source) {
                const fix = this.declareColumn(document, diagnostic, data.refText, data.source);
                if (fix) actions.push(fix);
            }
            if (code === 'privacy-missing' || code === 'privacy-minimum-missing') {
                const edit = privacyFix(document, diagnostic, code);
                if (edit) {
                    actions.push({
                        title: texts(this.ctx.settings.locale).addPrivacy(edit.newText.trim()), kind: CodeActionKind.QuickFix,
                        diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri.toString()]: [edit] } },
                    });
                }
            }
            if (code === 'data-missing-column') {
                const fix = this.renameToFileColumn(document, diagnostic);
                if (fix) actions.push(fix);
            }
        }
        const skeleton = isRange(params.range) ? this.targetSkeleton(document, params) : undefined;
        if (skeleton) actions.push(skeleton);
        return actions;
    }

    private rename(document: LangiumDocument, diagnostic: Diagnostic, suggestion: string): CodeAction {
        return {
            title: texts(this.ctx.settings.locale).didYouMean(suggestion), kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: suggestion }] } },
        };
    }

    private findSource(name: string): ast.Source | undefined {
        for (const doc of this.ctx.shared().workspace.LangiumDocuments.all) {
            const found = (doc.parseResult.value as ast.Model).elements?.find(e => ast.isSource(e) && e.name === name);
            if (found) return found as ast.Source;
        }
        return undefined;
    }

    private declareColumn(document: LangiumDocument, diagnostic: Diagnostic, column: string, sourceName: string): CodeAction | undefined {
        const source = this.findSource(sourceName);
        const found = source && sourceFileColumns(this.ctx, source)?.find(c => c.name === column);
        if (!source?.$cstNode || !found) return undefined;
        const declaration = `${quoteName(found.name)} ${found.type}${found.nullable ? '?' : ''}`;
        const last = source.columns.at(-1)?.$cstNode;
        const text = AstUtils.getDocument(source).textDocument;
        let edit;
        if (last) {
            const indent = ' '.repeat(last.range.start.character);
            // At the end of the line, after any trailing comment, which belongs to the last column.
            const line = last.range.end.line;
            const lineText = text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
            const at = { line, character: lineText.length };
            edit = { range: { start: at, end: at }, newText: `\n${indent}${declaration}` };
        } else {
            const close = GrammarUtils.findNodesForKeyword(source.$cstNode, '}').at(-1);
            if (!close) return undefined;
            edit = { range: { start: close.range.start, end: close.range.start }, newText: `    columns {\n        ${declaration}\n    }\n` };
        }
        return {
            title: texts(this.ctx.settings.locale).declareColumn(found.name, found.type, sourceName), kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic], edit: { changes: { [text.uri]: [edit] } },
        };
    }

    /** A declared column the file lacks: rename it to the file's nearest undeclared column. */
    private renameToFileColumn(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const column = leaf && AstUtils.getContainerOfType(leaf.astNode, ast.isColumn);
        const source = column && AstUtils.getContainerOfType(column, ast.isSource);
        const nameNode = column?.$cstNode && GrammarUtils.findNodeForProperty(column.$cstNode, 'name');
        if (!column || !source || !nameNode) return undefined;
        const declared = new Set(source.columns.map(c => c.name));
        const candidates = (sourceFileColumns(this.ctx, source) ?? []).map(c => c.name).filter(n => !declared.has(n));
        const nearest = suggest(column.name, candidates);
        if (!nearest) return undefined;
        // The file's header as a name: `WmoCliënten` needs backticks, or it would not parse (issue 13, failure 5).
        const near = quoteName(nearest);
        // The declaration and every use of it, in every file: a rename, not only a new name.
        const changes: Record<string, TextEdit[]> = { [document.uri.toString()]: [{ range: nameNode.range, newText: near }] };
        const references = this.ctx.shared().ServiceRegistry.getServices(document.uri).references.References;
        for (const ref of references.findReferences(column, { includeDeclaration: false })) {
            (changes[ref.sourceUri.toString()] ??= []).push({ range: ref.segment.range, newText: near });
        }
        return {
            title: texts(this.ctx.settings.locale).didYouMean(near), kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic], isPreferred: true, edit: { changes },
        };
    }

    private targetSkeleton(document: LangiumDocument, params: CodeActionParams): CodeAction | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.range.start));
        const indicator = leaf && AstUtils.getContainerOfType(leaf.astNode, ast.isIndicator);
        if (!indicator?.$cstNode || !indicator.name) return undefined;
        const hasTarget = this.ctx.shared().workspace.LangiumDocuments.all.some(d =>
            (d.parseResult.value as ast.Model).elements?.some(e => ast.isTarget(e) && e.indicator?.$refText === indicator.name));
        if (hasTarget) return undefined;
        const range = this.ctx.analyses.lowered(document.uri.toString())?.monitor.range;
        const baseline = range?.from.slice(0, 4) ?? String(new Date().getFullYear() - 1);
        const end = range?.to ?? `${new Date().getFullYear() + 1}`;
        const change = indicator.desired === 'up' ? '10' : '-10';
        const at = indicator.$cstNode.range.end;
        const newText = `\n\ntarget ${indicator.name} {\n    baseline ${baseline}\n    ${end} ${change}%\n    tolerance 5%\n}`;
        return {
            title: texts(this.ctx.settings.locale).createTarget(indicator.name), kind: CodeActionKind.QuickFix,
            edit: { changes: { [document.uri.toString()]: [{ range: { start: at, end: at }, newText }] } },
        };
    }
}
