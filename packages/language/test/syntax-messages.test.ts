/** Syntax errors of the parser and the lexer are written in the current locale, with a hint. */
import { DocumentValidator } from 'langium';
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../src/messages.js';
import { expectCode, expectNoCode, validate } from './helpers.js';

/** The messages of the syntax stage (parser and lexer) of a text. */
async function syntaxMessages(text: string): Promise<string[]> {
    const result = await validate(text);
    const syntax = [DocumentValidator.ParsingError, DocumentValidator.LexingError];
    return result.diagnostics.filter(d => syntax.includes((d.data as { code?: string }).code ?? '')).map(d => d.message);
}

describe('syntax error messages', () => {
    afterEach(() => setLocale('en'));

    test('a misspelt keyword is named in Dutch with a suggestion under the Dutch locale', async () => {
        setLocale('nl');
        expect(await syntaxMessages('indicator x {\n    value count frm t started\n}\n'))
            .toContain("Verwacht 'from' maar vond 'frm'. Bedoelt u 'from'?");
    });
    test('the same error is English under the English locale', async () => {
        setLocale('en');
        expect(await syntaxMessages('indicator x {\n    value count frm t started\n}\n'))
            .toContain("Expecting 'from' but found 'frm'. Did you mean 'from'?");
    });
    test('a misspelt top-level word lists the blocks a file may hold', async () => {
        setLocale('nl');
        const [first] = await syntaxMessages('indicatr x {}');
        expect(first).toMatch(/^Verwacht een nieuw blok \('import', 'monitor', .*maar vond 'indicatr'\. Bedoelt u 'indicator'\?$/);
    });
    test('a file that stops early says so instead of naming a token', async () => {
        setLocale('en');
        expect((await syntaxMessages('indicator x { value count from'))[0])
            .toBe("Expecting a name but found the end of the file. The file ends too early: complete the block or close it with '}'.");
    });
    test('a brace too many is reported as leftover input in Dutch', async () => {
        setLocale('nl');
        expect(await syntaxMessages('monitor m { title "x" } }'))
            .toEqual(["Verwacht het einde van het bestand maar vond '}'. Staat er een '}' te veel, of een woord buiten een blok?"]);
    });
    test('an unclosed string gets a lexer message in the locale', async () => {
        setLocale('nl');
        expect(await syntaxMessages('monitor m {\n    title "Jeugd\n}'))
            .toContain('Deze tekst tussen aanhalingstekens wordt niet afgesloten. Sluit hem op dezelfde regel af met \'"\'.');
        setLocale('en');
        expect(await syntaxMessages('monitor m { title "x" } indicator y { value § }'))
            .toContain("Unexpected character '§'. Names consist of letters, digits and '_'; put a column name with other characters between backticks (`WmoCliënten`); text goes between double quotes.");
    });
    test('an unclosed name between backticks gets its own lexer message', async () => {
        setLocale('en');
        expect(await syntaxMessages('monitor m { title "x" }\nsource s from "s.csv" { table columns { `WmoCliënten integer } }'))
            .toContain("This name between backticks is not closed. Close it on the same line with '`'.");
    });
    test('a reference between backticks where only a plain name fits says backticks are for columns, with the plain name', async () => {
        setLocale('en');
        expect(await syntaxMessages('monitor m { title "x" }\nsource s from "s.csv" { table columns { a integer } }\nindicator y { value count from `Mijn bron` }'))
            .toContain("Expecting a name but found '`Mijn bron`'. Backticks are for column names only; this name consists of letters, digits and '_': write 'Mijn_bron'.");
        setLocale('nl');
        const messages = await syntaxMessages('monitor m { title "x" }\nsource s from "s.csv" { table columns { a integer } }\nindicator y { value count from `s` }');
        expect(messages).toContain("Verwacht een naam maar vond '`s`'. Backticks zijn alleen voor kolomnamen; deze naam bestaat uit letters, cijfers en '_': schrijf 's'.");
    });
    test('a declared name between backticks is one backtick-name error with the plain name, and its uses still resolve', async () => {
        setLocale('nl');
        const source = 'monitor `Mijn monitor` { title "x"  range 2020-01 .. 2020-12  grain month }\nsource `wmo` from "s.csv" { table columns { a integer } }\n'
            + 'dimension `wijk 2022` { wmo.a }\nsource `wmö` from "t.csv" { table columns { b integer } }\nindicator `y` { value sum a from wmo }\nindicator z { value y }';
        const result = await validate(source);
        expect(await syntaxMessages(source)).toEqual([]);
        const coded = result.diagnostics.filter(d => d.code === 'backtick-name');
        expect(coded.map(d => (d.data as { suggestion?: string }).suggestion)).toEqual(['Mijn_monitor', 'wmo', 'wijk_2022', 'wmo', 'y']);
        expect(coded[3].message).toContain("Backticks zijn alleen voor kolomnamen; schrijf deze naam zonder: 'wmo' in plaats van '`wmö`'");
        expect(coded[1].range.start).toEqual({ line: 1, character: 7 });
        expectCode(result, 'backtick-name', 'error', { node: result.document.parseResult.value.elements[1], property: 'name' }, /Backticks zijn alleen voor kolomnamen/);
        // One mistake, one error: the uses of `wmo` and `y` do not become unknown names.
        expect(result.diagnostics.filter(d => String(d.code).startsWith('unknown-'))).toEqual([]);
    });
    test('a plain name or a column between backticks gets no backtick-name error', async () => {
        const result = await validate('monitor m { title "x" }\nsource s from "s.csv" { table columns { `WmoCliënten` integer } }\n'
            + 'indicator y { value sum `WmoCliënten` from s }');
        expectNoCode(result, 'backtick-name');
    });
    test('backticks where a column is expected parse, and other syntax errors get no backtick hint', async () => {
        setLocale('en');
        expect(await syntaxMessages('monitor m { title "x" }\nsource s from "s.csv" { table columns { `WmoCliënten` integer } }\n'
            + 'indicator y { value sum `WmoCliënten` from s }')).toEqual([]);
        expect((await syntaxMessages('monitor m { title "x" } indicator 12 { value count from s }')).join()).not.toContain('Backticks');
    });
    test('a choice lists the first words of each alternative', async () => {
        setLocale('en');
        const messages = await syntaxMessages('monitor m { title "x" } indicator y { value }');
        expect(messages[0]).toMatch(/^Expecting 'count', 'sum', .* or … but found '}'\./);
    });
    test('a block written the wrong way shows how that block is written, in the locale', async () => {
        setLocale('en');
        expect(await syntaxMessages('monitor m { title "x" }\ndimension wijk from t.wijk\n')).toContain("Expecting '{' but found 'from'. "
            + 'Check the spelling and order of the words here, and whether a bracket or brace is missing. '
            + 'This is how a dimension is written: dimension wijk { title "Wijk"  trajecten.wijk }');
        setLocale('nl');
        const [episodes] = await syntaxMessages('monitor m { title "x" }\nsource t from "t.csv" { episodes start a einde b key c }');
        expect(episodes).toMatch(/^Verwacht 'end' maar vond 'einde'\. .* Zo schrijft u de vorm episodes: episodes start begindatum end einddatum key client_id$/);
        // A typo of a keyword keeps its one suggestion, without the example.
        setLocale('en');
        expect((await syntaxMessages('indicator x {\n    value count frm t started\n}\n'))[0]).toBe("Expecting 'from' but found 'frm'. Did you mean 'from'?");
    });
    test('a check beside a syntax error never shows "undefined" for what the parser could not read', async () => {
        setLocale('en');
        // A note without its date, a column without its type used as a date, an indicator without a name.
        for (const text of ['monitor m { title "x" }\nnote "tekst" 2024-01-01',
            'monitor m { title "x" }\nsource j from "j.csv" { snapshot at peildatum columns { peildatum  aantal integer } }',
            'monitor m { title "x" }\nindicator { title "y" }']) {
            const result = await validate(text);
            expect(result.diagnostics.length, text).toBeGreaterThan(0);
            expect(result.diagnostics.map(d => d.message).join('\n'), text).not.toMatch(/undefined|NaN/);
        }
    });
});
