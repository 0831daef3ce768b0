/** Broken text gives positioned parser diagnostics without crashing; messages follow the locale. */
import { DocumentValidator } from 'langium';
import { afterEach, describe, expect, test } from 'vitest';
import { Diagnostic } from 'vscode-languageserver-types';
import { isIndicator } from '../src/generated/ast.js';
import { knownCodes, message, setLocale } from '../src/messages.js';
import { PRELUDE, expectCode, named, span, validate } from './helpers.js';

/** A full file that uses every construct, to break in many places. */
const FULL = PRELUDE + `
source groepen from "g.csv" { table key code columns { code text groep text } }
indicator verblijf {
    title "Verblijf"
    value count distinct client_id from trajecten active at end where voorziening = "verblijf"
          per 1000 sum aantal from jongeren
    desired down
    by wijk
}
indicator stapeling { value count distinct client_id from trajecten active during having distinct voorziening >= 2 }
indicator doorstroom {
    value transitions from trajecten where voorziening via groepen.groep = "zwaar"
          to where voorziening in ("pleegzorg", "ambulant") within 90 days
    desired up
}
indicator netto { value (verblijf - stapeling) / 2 }
indicator lang { value count from trajecten ended where einddatum - 3 months > begindatum or not (wijk is missing) }
target verblijf { baseline 2022  2026-Q4 -10%  tolerance 5% }
reference verblijf "Nederland" from jongeren where aantal between 1 and 2 value aantal
note 2023-07-01 "Nieuw inkoopbeleid" on verblijf
`;

/** Diagnostics that say a check itself threw (Langium turns an exception in a check into one). */
const crashes = (diagnostics: Diagnostic[]) => diagnostics.filter(d => /An error occurred/.test(Diagnostic.getMessageString(d)));

describe('syntax errors', () => {
    test('a misspelt keyword gives a parser error at the misspelt word', async () => {
        const text = PRELUDE + `indicator x {\n    value count frm trajecten started\n}\n`;
        const result = await validate(text);
        const { offset, length } = span(text, 'frm');
        const errors = result.diagnostics.filter(d => (d.data as { code?: string }).code === DocumentValidator.ParsingError);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors[0].severity).toBe(1);
        expect(errors[0].message).toBe("Expecting 'from' but found 'frm'. Did you mean 'from'?");
        expect(errors[0].range.start).toEqual(result.document.textDocument.positionAt(offset));
        expect(errors[0].range.end).toEqual(result.document.textDocument.positionAt(offset + length));
    });
    test('an unterminated string gives a lexer error with its position', async () => {
        const text = `monitor m {\n    title "Jeugd\n    range 2019 .. 2020\n}`;
        const result = await validate(text);
        const lexing = result.diagnostics.find(d => (d.data as { code?: string }).code === DocumentValidator.LexingError);
        expect(lexing?.range.start).toEqual({ line: 1, character: 10 });
    });
    test('the example file has no syntax errors', async () => {
        const result = await validate(FULL);
        expect(result.document.parseResult.parserErrors).toEqual([]);
        expect(result.diagnostics).toEqual([]);
    });
    test('a file cut off after any token validates without a crash', async () => {
        for (const match of FULL.matchAll(/\S+/g)) {
            const result = await validate(FULL.slice(0, match.index + match[0].length));
            expect(crashes(result.diagnostics), `cut after '${match[0]}' at ${match.index}`).toEqual([]);
            await result.dispose();
        }
    });
    test('a file missing any one token validates without a crash', async () => {
        for (const match of FULL.matchAll(/\S+/g)) {
            const result = await validate(FULL.slice(0, match.index) + FULL.slice(match.index + match[0].length));
            expect(crashes(result.diagnostics), `without '${match[0]}' at ${match.index}`).toEqual([]);
            await result.dispose();
        }
    });
    test('a broken line still lets the meaning checks of the rest of the file run', async () => {
        const result = await validate(PRELUDE + `indicator kapot { value count frm }\nindicator leeg { title "Leeg" }`);
        expectCode(result, 'missing-value', 'error', { node: named(result, isIndicator, 'leeg'), property: 'name' });
    });
});

describe('locale', () => {
    afterEach(() => setLocale('en'));

    test('after setLocale nl a meaning-stage message is Dutch', async () => {
        setLocale('nl');
        const result = await validate(PRELUDE + `indicator leeg { title "Leeg" }`);
        expectCode(result, 'missing-value', 'error', { node: named(result, isIndicator, 'leeg'), property: 'name' },
            "Indicator 'leeg' heeft geen 'value'. Zeg wat hij telt, bijv. 'value count from <bron> active at end'.");
    });
    test('after setLocale nl a reference-stage suggestion is Dutch', async () => {
        setLocale('nl');
        const result = await validate(PRELUDE + `dimension voorziening { trajecten.voorziening }\nindicator x { value count from trajecten started by voorzeining }`);
        expectCode(result, 'unknown-dimension', 'error', { node: named(result, isIndicator, 'x'), property: 'by', index: 0 },
            "Er is geen dimensie met de naam 'voorzeining'. Bedoelt u 'voorziening'? Declareer hem met 'dimension voorzeining { bron.kolom }'.");
    });
    test('after resetting to en the messages are English again', async () => {
        setLocale('nl');
        setLocale('en');
        const result = await validate(PRELUDE + `indicator leeg { title "Leeg" }`);
        expectCode(result, 'missing-value', 'error', { node: named(result, isIndicator, 'leeg'), property: 'name' }, /^Indicator 'leeg' has no 'value'/);
    });
    test('every known code has a Dutch text that differs from the English one', () => {
        const args = { name: 'x', source: 's', path: 'p', kind: 'k', type: 't', fn: 'sum', meaning: 'm', shape: 'sh', label: 'l',
            date: 'd', from: 'f', to: 't', grain: 'g', baseline: 'b', direction: 'up', desired: 'down', minimum: 1, round: 5,
            literal: 'lit', unit: 'days', dimension: 'dim', indicator: 'ind', root: 'r', format: 'json', suggestion: 'y' };
        for (const code of knownCodes()) {
            expect(message(code, args, 'nl'), code).not.toBe(message(code, args, 'en'));
            expect(message(code, args, 'nl'), code).not.toBe(code);
        }
    });
});
