/**
 * The indicators declared in a monitor's text, and the one around a position — for commands that
 * need an indicator name (show SQL). Plain text, no `vscode`, so it is unit-tested directly.
 */

/** One declared indicator: its name and the offset of its `indicator` keyword. */
export interface DeclaredIndicator {
    name: string;
    offset: number;
}

/** Blanks out comments and strings (keeping offsets), so a commented-out indicator does not count. */
function codeOnly(text: string): string {
    return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n\r]*|"(?:\\.|[^"\\])*"/g, m => m.replace(/[^\n\r]/g, ' '));
}

/** Every `indicator NAME {` in the text, in order. */
export function declaredIndicators(text: string): DeclaredIndicator[] {
    const out: DeclaredIndicator[] = [];
    for (const m of codeOnly(text).matchAll(/(?<![\w.])indicator\s+([_a-zA-Z]\w*)\s*\{/g)) {
        out.push({ name: m[1], offset: m.index ?? 0 });
    }
    return out;
}

/**
 * The indicator the element around `offset` is about: an `indicator`, or the `target` or `reference`
 * of one. Undefined inside any other element (a source, a dimension, the header).
 */
export function indicatorAt(text: string, offset: number): string | undefined {
    const starts = [...codeOnly(text).matchAll(/(?<![\w.])(monitor|source|dimension|indicator|target|reference|note|import)\b(?:\s+([_a-zA-Z]\w*))?/g)]
        .filter(m => (m.index ?? 0) <= offset);
    const last = starts.pop();
    return last && ['indicator', 'target', 'reference'].includes(last[1]) ? last[2] : undefined;
}
