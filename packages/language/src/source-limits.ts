/**
 * The limits of a `.monitor` text, checked by one cheap loop over its characters BEFORE the lexer
 * and the recursive-descent parser see it. Conditions and arithmetic nest: every `(` and every
 * operator of a chain is one level of the parser's recursion and of the tree that the validator,
 * formatter, lowering and compiler walk. Bounding the operators, parentheses and `not`s per statement
 * bounds the depth of the parser's recursion and of every tree built from the text, so no recursion
 * downstream can overflow the stack; the nesting depth has its own, lower limit because deep
 * parentheses are unreadable long before.
 * The file size and the length of a text literal bound the lexer's work (its string pattern
 * overflows on a literal of a few megabytes). Nothing here recurses or uses a backtracking pattern.
 */

/** The limits (ARCHITECTURE.md, Invariants; docs/security.md). */
export const LIMITS = {
    /** Characters in one file (a large real monitor is about 30,000). */
    fileChars: 1_000_000,
    /**
     * Top-level statements (imports, sources, indicators, …) in one file: some checks compare each
     * indicator with those it refers to, so the work on one file grows faster than its length.
     */
    statements: 2_000,
    /** Characters in one text literal, quotes included (a long description is about 1,000). */
    literalChars: 10_000,
    /** Open parentheses inside each other. */
    nesting: 32,
    /**
     * Opening parentheses and `not`s in one top-level statement (an indicator, a reference, …): each is
     * a level of the parser's recursion (about 20 stack frames; some 480 overflow Node's stack), so
     * their number, not only their depth, is bounded: the parser's error recovery may nest what the
     * text seems to close.
     */
    prefixes: 150,
    /**
     * Binary operators (`and`, `or`, `+`, `-`, `*`, `/`) in one top-level statement. The parser reads a
     * chain in a loop, but each operator is one level of the tree that later stages walk.
     */
    operators: 500,
} as const;

/** One limit a text goes over, with where (character offset and length). */
export interface LimitIssue {
    code: 'file-too-large' | 'literal-too-long' | 'too-deeply-nested' | 'expression-too-long';
    offset: number;
    length: number;
    /** The limit that was passed (for the message). */
    limit: number;
    /** Which count went over: for `expression-too-long` operators or prefixes, for `file-too-large` statements. */
    kind?: 'operators' | 'prefixes' | 'statements';
}

/** Keywords that start a top-level statement: they end the operator count of the one before. */
const STATEMENTS = new Set(['import', 'monitor', 'source', 'dimension', 'indicator', 'target', 'reference', 'note']);
const WORD_OPERATORS = new Set(['and', 'or']);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordStart = (c: number) => c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordPart = (c: number) => isWordStart(c) || isDigit(c);

/**
 * The limits a text goes over, first offending place per limit (empty: the text may be parsed).
 * Tokens are recognised the way the lexer does (comments, text literals with escapes, dates and
 * periods whose `-` is no operator), so the counts hold for the tree the parser would build.
 */
export function scanLimits(text: string): LimitIssue[] {
    if (text.length > LIMITS.fileChars) {
        return [{ code: 'file-too-large', offset: LIMITS.fileChars, length: 0, limit: LIMITS.fileChars }];
    }
    const issues = new Map<LimitIssue['code'], LimitIssue>();
    const report = (issue: LimitIssue) => { if (!issues.has(issue.code)) issues.set(issue.code, issue); };
    let depth = 0;
    let operators = 0;
    let prefixes = 0;
    let statements = 0;
    const operator = (offset: number, length: number) => {
        if (++operators > LIMITS.operators) report({ code: 'expression-too-long', offset, length, limit: LIMITS.operators, kind: 'operators' });
    };
    const prefix = (offset: number, length: number) => {
        if (++prefixes > LIMITS.prefixes) report({ code: 'expression-too-long', offset, length, limit: LIMITS.prefixes, kind: 'prefixes' });
    };
    const n = text.length;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
        if (c === 47 && next === 47) { // line comment
            const end = text.indexOf('\n', i);
            i = end < 0 ? n : end;
        } else if (c === 47 && next === 42) { // block comment
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
        } else if (c === 34) { // text literal; an unterminated one runs to the end, as the lexer would try
            let j = i + 1;
            while (j < n && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
            const end = Math.min(j + 1, n);
            if (end - i > LIMITS.literalChars) report({ code: 'literal-too-long', offset: i, length: 1, limit: LIMITS.literalChars });
            i = end;
        } else if (isDigit(c)) {
            i = numberEnd(text, i);
        } else if (isWordStart(c)) {
            let j = i + 1;
            while (j < n && isWordPart(text.charCodeAt(j))) j++;
            const word = text.slice(i, j);
            if (WORD_OPERATORS.has(word)) operator(i, j - i);
            else if (word === 'not') prefix(i, 3);
            // A statement keyword is followed only by the top-level loop, so the parser's error
            // recovery returns there: no nesting carries over from the statement before.
            else if (STATEMENTS.has(word)) {
                operators = 0; prefixes = 0; depth = 0;
                if (++statements > LIMITS.statements) report({ code: 'file-too-large', offset: i, length: j - i, limit: LIMITS.statements, kind: 'statements' });
            }
            i = j;
        } else {
            if (c === 40) { // (
                prefix(i, 1);
                if (++depth > LIMITS.nesting) report({ code: 'too-deeply-nested', offset: i, length: 1, limit: LIMITS.nesting });
            } else if (c === 41) { // )
                depth = Math.max(0, depth - 1);
            } else if (c === 43 || c === 45 || c === 42 || c === 47) { // + - * /
                operator(i, 1);
            }
            i++;
        }
    }
    return [...issues.values()].sort((a, b) => a.offset - b.offset);
}

/** The end of a number, date (`2024-01-31`) or period (`2024-Q1`, `2024-H2`, `2024-07`) starting at `i`. */
function numberEnd(text: string, i: number): number {
    let j = i;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    if (j - i === 4 && text[j] === '-') {
        const rest = text.slice(j + 1, j + 7);
        if (/^\d{2}-\d{2}/.test(rest)) return j + 6;
        if (/^(Q[1-4]|H[12]|0[1-9]|1[0-2])/.test(rest)) return j + 3;
    }
    if (text[j] === '.' && isDigit(text.charCodeAt(j + 1) || 0)) {
        j++;
        while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    }
    return j;
}
