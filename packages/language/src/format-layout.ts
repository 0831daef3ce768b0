/**
 * The canonical layout of a `.monitor` document, printed token by token from its CST. Only the
 * whitespace between tokens changes; every token and every comment is kept in order.
 */
import { CstUtils, isLeafCstNode, type LeafCstNode } from 'langium';
import type { Model } from './generated/ast.js';
import { defaultGap, MAX_WIDTH, planBreaks, type Break } from './format-breaks.js';
import { alignTrailingComments, compactBlocks } from './format-compact.js';

const INDENT = 4;

const isBrace = (leaf: LeafCstNode, brace: '{' | '}') => leaf.text === brace && leaf.grammarSource?.$type === 'Keyword';

/**
 * Prints a parsed document (without parse errors) in the canonical layout. A block written on one
 * line stays on one line, its items two spaces apart, when it holds no comment and its line fits in
 * `MAX_WIDTH` (`privacy { minimum 10  round 5 }`); trailing comments of neighbouring lines line up.
 */
export function layoutMonitor(model: Model, text: string): string {
    const root = model.$cstNode;
    if (!root) return text;
    const breaks = planBreaks(model);
    const leaves = CstUtils.streamCst(root).filter((n): n is LeafCstNode => isLeafCstNode(n) && n.text.trim() !== '').toArray();
    const compact = compactBlocks(leaves, text);
    // A compact block whose printed line is too long opens up; repeat until every line fits.
    for (;;) {
        const printed = printLeaves(leaves, text, breaks, compact);
        const tooLong = [...compact].filter(open => lineWidthAt(printed.text, printed.opens.get(open) ?? 0) > MAX_WIDTH);
        if (tooLong.length === 0) return (alignTrailingComments(printed.text, printed.comments).replace(/[ \t]+$/gm, '').trimEnd()) + '\n';
        for (const open of tooLong) compact.delete(open);
    }
}

function lineWidthAt(text: string, offset: number): number {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const end = text.indexOf('\n', offset);
    return (end < 0 ? text.length : end) - start;
}

/** The printed text, where each compact block's `{` landed, and where each trailing `//` comment starts. */
interface Printed { text: string; opens: Map<number, number>; comments: number[] }

function printLeaves(leaves: LeafCstNode[], text: string, breaks: Map<number, Break>, compact: Set<number>): Printed {
    const newlinesBetween = (from: number, to: number) => (text.slice(from, to).match(/\n/g) ?? []).length;
    const opens = new Map<number, number>();
    const comments: number[] = [];
    let out = '';
    let depth = 0;
    /** How many compact blocks the current token is in. */
    let inCompact = 0;
    const compactStack: boolean[] = [];
    let previous: LeafCstNode | undefined;
    let previousCode: LeafCstNode | undefined;
    /** Where the current top-level element starts in `out`. */
    let elementStart = 0;
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
                if (leaf.text.startsWith('//')) comments.push(out.length + 1);
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
        const closing = isBrace(leaf, '}');
        if (closing) depth = Math.max(0, depth - 1);
        let separator = '';
        if (!previousCode && previous) {
            // Only comments above the first element: keep them attached, or apart when they were.
            separator = newlinesBetween(previous.end, leaf.offset) > 1 ? '\n\n' : '\n';
        } else if (previousCode && previous) {
            separator = inCompact > 0
                ? compactGap(breaks.get(leaf.offset), leaf, previousCode)
                : resolve(breaks.get(leaf.offset), leaf, previousCode, depth);
            if (previous.hidden && ownLineComment && breaks.get(leaf.offset)?.kind === 'element') {
                // A comment on its own line stays attached to the element under it, or apart when it was.
                separator = (newlinesBetween(previous.end, leaf.offset) > 1 ? '\n\n' : '\n');
            }
            if (previous.hidden && lineAfterComment && !separator.includes('\n')) {
                separator = '\n' + ' '.repeat(depth * INDENT + (closing ? 0 : INDENT));
            }
        }
        const brk = breaks.get(leaf.offset);
        if (brk?.kind === 'element' && separator === '\n\n' && oneLineRun(brk, out.slice(elementStart), text, previousCode, compact)) separator = '\n';
        if (brk?.kind === 'element') elementStart = out.length + separator.length;
        out += separator;
        if (closing && compactStack.pop()) inCompact--;
        if (isBrace(leaf, '{')) {
            const isCompact = compact.has(leaf.offset);
            if (isCompact) { opens.set(leaf.offset, out.length); inCompact++; }
            compactStack.push(isCompact);
            depth++;
        }
        out += leaf.text;
        previous = leaf;
        previousCode = leaf;
        lineAfterComment = false;
        ownLineComment = false;
    });
    return { text: out, opens, comments };
}

/**
 * One-line blocks of one kind written in a run (`target a { … }` under `target b { … }`, no blank
 * line between) stay together, like notes: the element before is on one line, this one is a block
 * kept on one line.
 */
function oneLineRun(brk: Break & { kind: 'element' }, before: string, text: string, previousCode: LeafCstNode | undefined, compact: Set<number>): boolean {
    if (!brk.sameKind || brk.open === undefined || brk.end === undefined || !compact.has(brk.open)) return false;
    if (before.includes('\n') || !previousCode) return false;
    const gap = text.slice(previousCode.end, brk.open);
    return (gap.match(/\n/g) ?? []).length === 1 && !text.slice(brk.open, brk.end).includes('\n');
}

/** The whitespace before a token inside a block kept on one line: items two spaces apart. */
function compactGap(brk: Break | undefined, leaf: LeafCstNode, previous: LeafCstNode): string {
    if (isBrace(previous, '{') || isBrace(leaf, '}')) return ' ';
    if (brk?.kind === 'property' || brk?.kind === 'element') return '  ';
    return ' '.repeat(defaultGap(previous, leaf));
}

/** The whitespace before a code token. */
function resolve(brk: Break | undefined, leaf: LeafCstNode, previous: LeafCstNode, depth: number): string {
    if (brk?.kind === 'element') return brk.tight ? '\n' : '\n\n';
    if (brk?.kind === 'property') return '\n' + ' '.repeat(depth * INDENT);
    if (brk?.kind === 'continuation') return '\n' + ' '.repeat(depth * INDENT + brk.extra);
    if (brk?.kind === 'spaces') return ' '.repeat(brk.count);
    const afterOpen = isBrace(previous, '{');
    if (isBrace(leaf, '}')) return afterOpen ? ' ' : '\n' + ' '.repeat(depth * INDENT);
    // Anything that opens a block's content goes on its own line, even when no rule names it.
    if (afterOpen) return '\n' + ' '.repeat(depth * INDENT);
    return ' '.repeat(defaultGap(previous, leaf));
}
