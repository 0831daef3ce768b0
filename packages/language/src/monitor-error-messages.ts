/**
 * Syntax-error text of the parser and the lexer in the current locale (English or Dutch), each with
 * what was expected, what was found and a hint. Langium's own texts are English only.
 */
import type { LangiumCoreServices } from 'langium';
import { getLocale } from './messages.js';
import { shapeHint } from './block-shapes.js';
import { plainName } from './plain-name.js';
import { suggest } from './suggest.js';

type Words = { en: string; nl: string };
// Chevrotain's types through Langium's services, so only `langium` is imported (ARCHITECTURE.md).
type IParserErrorMessageProvider = LangiumCoreServices['parser']['ParserErrorMessageProvider'];
type ILexerErrorMessageProvider = LangiumCoreServices['parser']['LexerErrorMessageProvider'];
type TokenType = Parameters<IParserErrorMessageProvider['buildMismatchTokenMessage']>[0]['expected'];
type IToken = Parameters<IParserErrorMessageProvider['buildMismatchTokenMessage']>[0]['actual'];

/** What a terminal token stands for, in words. */
const TERMINALS: Record<string, Words> = {
    ID: { en: 'a name', nl: 'een naam' },
    STRING: { en: 'a text in double quotes', nl: 'een tekst tussen dubbele aanhalingstekens' },
    INT: { en: 'a whole number', nl: 'een geheel getal' },
    DECIMAL: { en: 'a decimal number', nl: 'een decimaal getal' },
    DATE: { en: 'a date (YYYY-MM-DD)', nl: 'een datum (JJJJ-MM-DD)' },
    PERIOD: { en: 'a period (2024-Q1, 2024-H1, 2024-03)', nl: 'een periode (2024-Q1, 2024-H1, 2024-03)' },
};

const nl = () => getLocale() === 'nl';

/** The words a file is built of at top level; what the parser wants when it says "end of file". */
const TOP_LEVEL = ['import', 'monitor', 'source', 'dimension', 'indicator', 'target', 'reference', 'note'];

/** A token type as the user reads it: a keyword in quotes, a terminal in words. */
function describe(type: TokenType): string {
    if (type.name === 'EOF') {
        return (nl() ? 'een nieuw blok (' : 'a new block (') + TOP_LEVEL.map(k => `'${k}'`).join(', ') + (nl() ? ') of het einde van het bestand' : ') or the end of the file');
    }
    const words = TERMINALS[type.name];
    if (words) return nl() ? words.nl : words.en;
    const keyword = type.name.endsWith(':KW') ? type.name.slice(0, -3) : type.name;
    return `'${keyword}'`;
}

/** What was found: the word, or the end of the file. */
function found(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === '') return nl() ? 'het einde van het bestand' : 'the end of the file';
    return `'${token.image}'`;
}

/** "'a', 'b' or 'c'" (at most eight, then "…"). */
function oneOf(types: TokenType[]): string {
    const names = [...new Set(types.map(describe))];
    const shown = names.length > 8 ? [...names.slice(0, 8), '…'] : names;
    if (shown.length === 1) return shown[0];
    return `${shown.slice(0, -1).join(', ')} ${nl() ? 'of' : 'or'} ${shown.at(-1)}`;
}

/** A hint: the keyword the found word is probably a typo of, else where to look and what the block looks like. */
function hint(expected: TokenType[], actual: IToken | undefined, ruleName?: string): string {
    const backticked = backtickHint(expected, actual);
    if (backticked) return backticked;
    const keywords = expected.flatMap(t => t.name === 'EOF' ? TOP_LEVEL : [describe(t).slice(1, -1)]).filter(k => /^[a-z][\w-]*$/.test(k));
    // A guess for a word of a few letters only: 't' is no typo of 'to'.
    const guess = actual?.image && actual.image.length >= 3 ? suggest(actual.image, keywords) : undefined;
    if (guess && guess !== actual?.image) return nl() ? ` Bedoelt u '${guess}'?` : ` Did you mean '${guess}'?`;
    if (found(actual).startsWith('\'')) {
        return (nl() ? ' Controleer de spelling en de volgorde van de woorden hier, en of er een haakje of accolade ontbreekt.'
            : ' Check the spelling and order of the words here, and whether a bracket or brace is missing.') + shapeHint(ruleName, nl());
    }
    return nl() ? ' Het bestand houdt te vroeg op: maak het blok af of sluit het met \'}\'.'
        : ' The file ends too early: complete the block or close it with \'}\'.';
}

/**
 * A name between backticks where only a plain name fits (a monitor, source, dimension or indicator
 * name): backticks are for column names only. Suggests the plain name (accents dropped, other
 * characters as '_').
 */
function backtickHint(expected: TokenType[], actual: IToken | undefined): string | undefined {
    if (actual?.tokenType?.name !== 'QUOTED_NAME' || expected.some(t => t.name === 'QUOTED_NAME')) return undefined;
    const plain = plainName(actual.image);
    return nl() ? ` Backticks zijn alleen voor kolomnamen; deze naam bestaat uit letters, cijfers en '_': schrijf '${plain}'.`
        : ` Backticks are for column names only; this name consists of letters, digits and '_': write '${plain}'.`;
}

function expecting(what: string, actual: IToken | undefined, expected: TokenType[], ruleName?: string): string {
    return (nl() ? `Verwacht ${what} maar vond ${found(actual)}.` : `Expecting ${what} but found ${found(actual)}.`) + hint(expected, actual, ruleName);
}

/** The parser's messages: mismatched token, no alternative fits, a required repetition, leftover input. */
export class MonitorParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; ruleName?: string }): string {
        return expecting(describe(options.expected), options.actual, [options.expected], options.ruleName);
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return (nl() ? `Verwacht het einde van het bestand maar vond ${found(options.firstRedundant)}.`
            : `Expecting the end of the file but found ${found(options.firstRedundant)}.`)
            + (nl() ? ' Staat er een \'}\' te veel, of een woord buiten een blok?' : ' Is there one \'}\' too many, or a word outside a block?');
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; ruleName?: string }): string {
        const first = options.expectedPathsPerAlt.flatMap(paths => paths.map(p => p[0])).filter((t): t is TokenType => t !== undefined);
        return expecting(oneOf(first), options.actual[0], first, options.ruleName);
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        const first = options.expectedIterationPaths.map(p => p[0]).filter((t): t is TokenType => t !== undefined);
        const what = nl() ? `ten minste één keer ${oneOf(first)}` : `at least one ${oneOf(first)}`;
        return expecting(what, options.actual[0], first);
    }
}

/** The lexer's messages: a character that starts no token. */
export class MonitorLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substr(startOffset, Math.min(length, 20));
        if (text.startsWith('"')) {
            return nl() ? 'Deze tekst tussen aanhalingstekens wordt niet afgesloten. Sluit hem op dezelfde regel af met \'"\'.'
                : 'This quoted text is not closed. Close it on the same line with \'"\'.';
        }
        if (text.startsWith('`')) {
            return nl() ? 'Deze naam tussen backticks wordt niet afgesloten. Sluit hem op dezelfde regel af met \'`\'.'
                : 'This name between backticks is not closed. Close it on the same line with \'`\'.';
        }
        return nl() ? `Onverwacht teken '${text}'. Namen bestaan uit letters, cijfers en '_'; zet een kolomnaam met andere tekens tussen backticks (\`WmoCliënten\`); tekst staat tussen dubbele aanhalingstekens.`
            : `Unexpected character '${text}'. Names consist of letters, digits and '_'; put a column name with other characters between backticks (\`WmoCliënten\`); text goes between double quotes.`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return nl() ? `Onverwacht '${token.image}'.` : `Unexpected '${token.image}'.`;
    }
}
