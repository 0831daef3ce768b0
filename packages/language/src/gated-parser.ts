/**
 * The parsers of the language behind a gate: a text over a limit (`source-limits.ts`) never reaches
 * the lexer or the recursive-descent parser, and a parser that throws anyway (a bug, not an input
 * that passed the gate) gives a diagnostic instead of an exception. Either way the document gets
 * the tree of an empty file and a lexing error that carries the issue code, so every guard that
 * skips unparsed documents (formatting, `monitor fmt`) skips it too, and `MonitorDocumentValidator`
 * reports it with its code and position.
 */
import {
    createCompletionParser, createLangiumParser, DefaultLexer, type AstNode, type LangiumCoreServices, type LangiumCompletionParser,
    type LangiumParser, type Lexer, type ParseResult,
} from 'langium';
import { message } from './messages.js';
import { scanLimits, type LimitIssue } from './source-limits.js';

/** A lexing error that stands for a limit or a parser failure; `code` is a code of `messages.ts`. */
export interface GateError {
    offset: number;
    line: number;
    column: number;
    length: number;
    message: string;
    code: LimitIssue['code'] | 'parse-failed';
    args: Record<string, string | number>;
}

const GATE_ERRORS = new WeakSet<object>();

/** Whether a lexing error was made by the gate (then it has a `code` and `args`). */
export function isGateError(error: object): error is GateError {
    return GATE_ERRORS.has(error);
}

/** Whether a parsed document was stopped at the gate: then its tree is empty and nothing else is checked. */
export function stoppedAtGate(result: Pick<ParseResult, 'lexerErrors'>): boolean {
    return result.lexerErrors.some(e => isGateError(e));
}

/** 1-based line and column of an offset, counted without building a line table of a huge text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        start = i + 1;
    }
    return { line, column: offset - start + 1 };
}

function gateError(text: string, code: GateError['code'], offset: number, length: number, args: GateError['args']): GateError {
    const error: GateError = { ...lineAndColumn(text, offset), offset, length, code, args, message: message(code, args) };
    GATE_ERRORS.add(error);
    return error;
}

/**
 * Parses `input` with `parse` unless it goes over a limit; `empty` parses the empty text (the tree a
 * stopped document gets). Exported for tests, which pass a parser that throws.
 */
export function gatedParse<T extends AstNode>(input: string, parse: (text: string) => ParseResult<T>, recover: () => void = () => undefined): ParseResult<T> {
    const issues = scanLimits(input);
    if (issues.length > 0) {
        const empty = parse('');
        return { ...empty, lexerErrors: issues.map(i => gateError(input, i.code, i.offset, i.length, { limit: i.limit, kind: i.kind ?? '' })) };
    }
    try {
        return parse(input);
    } catch (error) {
        recover();
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return { ...parse(''), lexerErrors: [gateError(input, 'parse-failed', 0, 0, { reason })] };
    }
}

/** Langium's parser behind the gate (the `parser.LangiumParser` service). */
export function createGatedParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const parse = parser.parse.bind(parser);
    // A parser that threw may hold half a node stack; the next parse must start clean.
    const recover = () => { const stack = (parser as unknown as { stack?: unknown[] }).stack; if (stack) stack.length = 0; };
    parser.parse = (<T extends AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]) =>
        gatedParse<T>(input, text => parse<T>(text, options), recover)) as LangiumParser['parse'];
    return parser;
}

/** The completion parser behind the same gate: a text over a limit completes like an empty file. */
export function createGatedCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    const parser = createCompletionParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = (input: string) => {
        if (scanLimits(input).length > 0) return parse('');
        try {
            return parse(input);
        } catch {
            return parse('');
        }
    };
    return parser;
}

/**
 * The lexer behind the same gate, for its other callers (completion tokenizes the whole document):
 * a text over a limit gives no tokens.
 */
export function createGatedLexer(services: LangiumCoreServices): Lexer {
    const lexer = new DefaultLexer(services);
    const tokenize = lexer.tokenize.bind(lexer);
    lexer.tokenize = (text, options) => tokenize(scanLimits(text).length > 0 ? '' : text, options);
    return lexer;
}
