/**
 * Two layout rules that keep what reads better than one property per line: a short block written
 * on one line (`privacy { minimum 10  round 5 }`) and trailing comments lined up in a column.
 */
import type { LeafCstNode } from 'langium';

const isBrace = (leaf: LeafCstNode, brace: '{' | '}') => leaf.text === brace && leaf.grammarSource?.$type === 'Keyword';

/**
 * The blocks written on one line with no comment inside: the offsets of their `{`. The printer keeps
 * them on one line unless the line gets too long. Formatting twice gives the same text: a block it
 * prints on one line is again written on one line.
 */
export function compactBlocks(leaves: LeafCstNode[], text: string): Set<number> {
    const out = new Set<number>();
    const stack: { leaf: LeafCstNode; comment: boolean }[] = [];
    for (const leaf of leaves) {
        if (leaf.hidden) { for (const open of stack) open.comment = true; continue; }
        if (isBrace(leaf, '{')) stack.push({ leaf, comment: false });
        else if (isBrace(leaf, '}')) {
            const open = stack.pop();
            if (open && !open.comment && !text.slice(open.leaf.offset, leaf.end).includes('\n')) out.add(open.leaf.offset);
        }
    }
    return out;
}

/**
 * Lines up the trailing `//` comments (starting at `offsets` in `text`) of neighbouring lines: in a
 * run of consecutive lines at one indentation that each end in a comment, the comments start two
 * spaces after the run's longest code (as gofmt does); a lone trailing comment gets two spaces.
 */
export function alignTrailingComments(text: string, offsets: number[]): string {
    if (offsets.length === 0) return text;
    const lines = text.split('\n');
    const starts: number[] = [];
    let at = 0;
    for (const line of lines) { starts.push(at); at += line.length + 1; }
    const commentAt = new Map<number, number>();
    let li = 0;
    for (const offset of [...offsets].sort((a, b) => a - b)) {
        while (li + 1 < starts.length && starts[li + 1] <= offset) li++;
        commentAt.set(li, offset - starts[li]);
    }
    const indent = (line: string) => line.length - line.trimStart().length;
    const code = (i: number) => lines[i].slice(0, commentAt.get(i)).trimEnd();
    for (let i = 0; i < lines.length;) {
        if (!commentAt.has(i)) { i++; continue; }
        let j = i;
        while (commentAt.has(j + 1) && indent(lines[j + 1]) === indent(lines[i])) j++;
        let width = 0;
        for (let k = i; k <= j; k++) width = Math.max(width, code(k).length);
        for (let k = i; k <= j; k++) lines[k] = code(k).padEnd(width + 2) + lines[k].slice(commentAt.get(k));
        i = j + 1;
    }
    return lines.join('\n');
}
