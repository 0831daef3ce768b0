/**
 * Quick fixes for privacy rules that fail closed: `privacy-missing` adds the usual rules to the monitor
 * header, `privacy-minimum-missing` adds the minimum the message proposes.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import { AstUtils, CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import { ast } from '@monitor/language';

/** The rules the fix writes: the ones the examples and the starter use. */
export const USUAL_PRIVACY = 'privacy { minimum 10  round 5 }';

/** The edit that fixes a privacy diagnostic in `document`, or undefined when none applies there. */
export function privacyFix(document: LangiumDocument, diagnostic: Diagnostic, code: string): TextEdit | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    if (!leaf) return undefined;
    if (code === 'privacy-missing') {
        const header = AstUtils.getContainerOfType(leaf.astNode, ast.isMonitorDecl);
        const close = header?.$cstNode && GrammarUtils.findNodesForKeyword(header.$cstNode, '}').at(-1);
        if (!close) return undefined;
        const start = close.range.start;
        const before = document.textDocument.getText({ start: { line: start.line, character: 0 }, end: start });
        // `}` alone on its line: a line of its own, indented like a property; else inline before the `}`.
        if (before.trim() === '') {
            const at = { line: start.line, character: 0 };
            return { range: { start: at, end: at }, newText: `    ${USUAL_PRIVACY}\n` };
        }
        return { range: { start, end: start }, newText: `${USUAL_PRIVACY} ` };
    }
    if (code === 'privacy-minimum-missing') {
        const privacy = AstUtils.getContainerOfType(leaf.astNode, ast.isPrivacy);
        const open = privacy?.$cstNode && GrammarUtils.findNodesForKeyword(privacy.$cstNode, '{')[0];
        if (!privacy || !open) return undefined;
        const at = open.range.end;
        return { range: { start: at, end: at }, newText: ` minimum ${Math.max(10, privacy.round ?? 1)}` };
    }
    return undefined;
}
