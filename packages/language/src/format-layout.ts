/**
 * The canonical layout of a `.monitor` document, printed token by token from its CST. Only the
 * whitespace between tokens changes; every token and every comment is kept in order.
 */
import { CstUtils, isLeafCstNode, type LeafCstNode } from 'langium';
import type { Model } from './generated/ast.js';
import { defaultGap, planBreaks, type Break } from './format-breaks.js';

const INDENT = 4;

/** Prints a parsed document (without parse errors) in the canonical layout. */
export function layoutMonitor(model: Model, text: string): string {
    const root = model.$cstNode;
    if (!root) return text;
    const breaks = planBreaks(model);
    const leaves = CstUtils.streamCst(root).filter((n): n is LeafCstNode => isLeafCstNode(n) && n.text.trim() !== '').toArray();
    const newlinesBetween = (from: number, to: number) => (text.slice(from, to).match(/\n/g) ?? []).length;
    let out = '';
    let depth = 0;
    let previous: LeafCstNode | undefined;
    let previousCode: LeafCstNode | undefined;
    /** The previous token was a comment after which a newline must follow. */
    let lineAfterComment = false;
    /** The previous token was a comment on its own line (it belongs to what follows). */
    let ownLineComment = false;
    leaves.forEach((leaf, i) => {
        if (leaf.hidden) {
            if (!previous) {
                out += leaf.text;
                ownLineComment = true;
            } else if (newlinesBetween(previous.end, leaf.offset) === 0) {
                out += ' ' + leaf.text;
                ownLineComment = false;
            } else {
                const blank = newlinesBetween(previous.end, leaf.offset) > 1;
                out += (blank ? '\n\n' : '\n') + ' '.repeat(depth * INDENT) + leaf.text;
                ownLineComment = true;
            }
            lineAfterComment = leaf.text.startsWith('//') || text.slice(leaf.end, leaves[i + 1]?.offset ?? leaf.end).includes('\n');
            previous = leaf;
            return;
        }
        if (leaf.text === '}' && leaf.grammarSource?.$type === 'Keyword') depth = Math.max(0, depth - 1);
        let separator = '';
        if (!previousCode && previous) {
            // Only comments above the first element: keep them attached, or apart when they were.
            separator = newlinesBetween(previous.end, leaf.offset) > 1 ? '\n\n' : '\n';
        } else if (previousCode && previous) {
            separator = resolve(breaks.get(leaf.offset), leaf, previousCode, depth);
            if (previous.hidden && ownLineComment && breaks.get(leaf.offset)?.kind === 'element') {
                // A comment on its own line stays attached to the element under it, or apart when it was.
                separator = (newlinesBetween(previous.end, leaf.offset) > 1 ? '\n\n' : '\n');
            }
            if (previous.hidden && lineAfterComment && !separator.includes('\n')) {
                separator = '\n' + ' '.repeat(depth * INDENT + (leaf.text === '}' ? 0 : INDENT));
            }
        }
        out += separator + leaf.text;
        if (leaf.text === '{' && leaf.grammarSource?.$type === 'Keyword') depth++;
        previous = leaf;
        previousCode = leaf;
        lineAfterComment = false;
        ownLineComment = false;
    });
    return out.replace(/[ \t]+$/gm, '').trimEnd() + '\n';
}

/** The whitespace before a code token. */
function resolve(brk: Break | undefined, leaf: LeafCstNode, previous: LeafCstNode, depth: number): string {
    if (brk?.kind === 'element') return brk.tight ? '\n' : '\n\n';
    if (brk?.kind === 'property') return '\n' + ' '.repeat(depth * INDENT);
    if (brk?.kind === 'continuation') return '\n' + ' '.repeat(depth * INDENT + brk.extra);
    if (brk?.kind === 'spaces') return ' '.repeat(brk.count);
    const afterOpen = previous.text === '{' && previous.grammarSource?.$type === 'Keyword';
    if (leaf.text === '}' && leaf.grammarSource?.$type === 'Keyword') return afterOpen ? ' ' : '\n' + ' '.repeat(depth * INDENT);
    // Anything that opens a block's content goes on its own line, even when no rule names it.
    if (afterOpen) return '\n' + ' '.repeat(depth * INDENT);
    return ' '.repeat(defaultGap(previous, leaf));
}
