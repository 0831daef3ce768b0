/**
 * Column names between backticks, derived columns and `trim` (issue 13: real CBS data as it comes).
 * Checks in check-columns.ts, lowering in column-expression.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isColumn, isColumnCall, isColumnInput, isColumnRef } from '../src/generated/ast.js';
import { lowerProgram } from '../src/lower-program.js';
import { formatDocumentText } from '../src/monitor-formatter.js';
import { quoteName } from '../src/quote-name.js';
import { codes, expectClean, expectCode, expectNoCode, one, parse, validate } from './helpers.js';

const HEAD = `
monitor m { grain year range 2018 .. 2024 }
`;

/** A CBS-like source whose `columns` block is `columns`. */
function kwb(columns: string, extra = ''): string {
    return HEAD + `
source kwb from "kwb.csv" {
    snapshot at Peildatum
    delimiter ";"
    columns {
        Peildatum date
        SoortRegio_2 text
        WmoClienten_86 integer?
        WmoClienten_89 integer?
        AantalInwoners_5 integer
        ${columns}
    }
}
${extra}`;
}

const INDICATOR = `indicator wmo { value sum WmoClienten from kwb where soort = "Wijk" desired down }`;

function lowered(result: Awaited<ReturnType<typeof validate>>) {
    return lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value });
}

describe('column names between backticks', () => {
    test('a header with an accent or spaces is declared and referenced between backticks, and lowers to the bare name', async () => {
        const result = await validate(HEAD + `
source s from "s.csv" {
    table
    columns { \`WmoCliënten\` integer?  \`Personen met jeugdzorg (aantal)\` integer  regio text }
}
indicator a { value sum \`WmoCliënten\` from s where \`Personen met jeugdzorg (aantal)\` > 0 desired down }
`);
        expectClean(result);
        expect(one(result, isColumnRef, r => r.column.$refText === 'WmoCliënten').column.ref?.name).toBe('WmoCliënten');
        expect(lowered(result).sources[0].columns.map(c => c.name)).toEqual(['WmoCliënten', 'Personen met jeugdzorg (aantal)', 'regio']);
    });
    test('without backticks an accent is a lexing error whose hint names the backticks (failure 5 of issue 13)', async () => {
        const result = await validate(HEAD + `source s from "s.csv" { table columns { WmoCliënten integer? } }`);
        expect(codes(result.document)).toContain('lexing-error');
        expect(result.diagnostics.map(d => d.message).join('\n')).toMatch(/backticks \(`WmoCliënten`\)/);
    });
    test('an unknown column suggests a header with an accent between backticks, as it must be written', async () => {
        const result = await validate(HEAD + `
source s from "s.csv" {
    table
    columns { \`WmoCliënten\` integer? }
}
indicator a { value sum WmoClienten from s desired down }
`);
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnRef), property: 'column' }, /Did you mean '`WmoCliënten`'\?/);
        expect(result.diagnostics.find(d => d.code === 'unknown-column')?.data).toMatchObject({ suggestion: '`WmoCliënten`' });
    });
    test('a plain name between backticks is the same name as without them', async () => {
        const result = await validate(kwb('WmoClienten integer? = `WmoClienten_86`', INDICATOR.replace('soort = "Wijk"', '`SoortRegio_2` = "Wijk"')));
        expectClean(result);
    });
    test('quoteName writes backticks only where the grammar needs them', () => {
        expect(quoteName('WmoClienten_86')).toBe('WmoClienten_86');
        expect(quoteName('status')).toBe('status');
        expect(quoteName('WmoCliënten')).toBe('`WmoCliënten`');
        expect(quoteName('Personen met jeugdzorg (aantal)')).toBe('`Personen met jeugdzorg (aantal)`');
        expect(quoteName('where')).toBe('`where`');
        expect(quoteName('2024')).toBe('`2024`');
    });
    test('quoteName gives a name that parses as a column for every word of the grammar', async () => {
        const grammar = readFileSync(fileURLToPath(new URL('../../../grammars/monitor.langium', import.meta.url)), 'utf8');
        const words = [...new Set([...grammar.matchAll(/'([a-z][a-z-]*)'/g)].map(m => m[1]))];
        expect(words.length).toBeGreaterThan(60);
        for (const word of words) {
            const document = await parse(`source s from "s.csv" { table columns { ${quoteName(word)} text } }`);
            expect(document.parseResult.parserErrors.map(e => e.message), word).toEqual([]);
            expect((document.parseResult.value.elements[0] as { columns: { name: string }[] }).columns[0].name, word).toBe(word);
        }
    });
    test('the formatter keeps backticks, aligning by the name as written', async () => {
        const document = await parse(HEAD + `source s from "s.csv" { table columns {\n\`WmoCliënten\` integer?  regio text } }\n`);
        expect(formatDocumentText(document)).toContain('        `WmoCliënten` integer?\n        regio         text\n');
    });
});

describe('derived columns', () => {
    test('coalesce over per-edition columns, a renaming and a division by a constant lower to IR', async () => {
        const result = await validate(kwb(`
        WmoClienten integer? = coalesce(WmoClienten_86, WmoClienten_89)
        soort text = trim(SoortRegio_2)
        inwoners integer = AantalInwoners_5
        per_100 decimal? = WmoClienten * 100 / AantalInwoners_5`, INDICATOR));
        expectClean(result);
        const columns = lowered(result).sources[0].columns;
        expect(columns.find(c => c.name === 'WmoClienten')).toMatchObject({
            type: 'integer', nullable: true,
            expression: { kind: 'call', function: 'coalesce', args: [{ kind: 'column', name: 'WmoClienten_86' }, { kind: 'column', name: 'WmoClienten_89' }] },
        });
        expect(columns.find(c => c.name === 'per_100')?.expression).toEqual({
            kind: 'binary', op: '/',
            left: { kind: 'binary', op: '*', left: { kind: 'column', name: 'WmoClienten' }, right: { kind: 'number', value: 100 } },
            right: { kind: 'column', name: 'AantalInwoners_5' },
        });
        // A plain column has neither `expression` nor `trim` in the IR.
        expect(Object.keys(columns[0])).toEqual(['name', 'type', 'nullable', 'span']);
    });
    test('a derived column names only columns of its own source', async () => {
        const result = await validate(kwb('WmoClienten integer? = coalesce(WmoClienten_86, WmoClienten_98)', INDICATOR.replace('soort', 'SoortRegio_2')));
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnInput, i => i.column.$refText === 'WmoClienten_98'), property: 'column' }, /Did you mean 'WmoClienten_86'/);
    });
    test('a derived column computed from itself is reported at the reference', async () => {
        const result = await validate(kwb('WmoClienten integer? = coalesce(WmoClienten, WmoClienten_89)'));
        expectCode(result, 'derived-column-self', 'error', { node: one(result, isColumnInput, i => i.column.$refText === 'WmoClienten'), property: 'column' });
    });
    test('a cycle through two derived columns is reported at both', async () => {
        const result = await validate(kwb('a integer? = b + 1\n        b integer? = a - 1'));
        expectCode(result, 'derived-column-cycle', 'error', { node: one(result, isColumn, c => c.name === 'a'), property: 'name' }, /a → b → a/);
        expectCode(result, 'derived-column-cycle', 'error', { node: one(result, isColumn, c => c.name === 'b'), property: 'name' });
    });
    test('a chain of derived columns without a cycle is accepted', async () => {
        expectClean(await validate(kwb('a integer? = WmoClienten_86 + 1\n        b integer? = a - 1')));
    });
    test('an expression of another type than declared is reported at the type; an integer widens to decimal', async () => {
        const result = await validate(kwb('pct integer? = WmoClienten_86 / 10'));
        expectCode(result, 'derived-column-type', 'error', { node: one(result, isColumn, c => c.name === 'pct'), property: 'type' }, /declared integer.*gives decimal/);
        expectClean(await validate(kwb('pct decimal? = WmoClienten_86 / 10\n        som decimal? = WmoClienten_86 + WmoClienten_89')));
    });
    test('a required derived column whose expression can be missing is reported; coalesce with a required column cannot', async () => {
        const result = await validate(kwb('WmoClienten integer = coalesce(WmoClienten_86, WmoClienten_89)'));
        expectCode(result, 'derived-column-optional', 'error', { node: one(result, isColumn, c => c.name === 'WmoClienten'), property: 'type' }, /integer\?/);
        const fine = await validate(kwb('n integer = coalesce(WmoClienten_86, AantalInwoners_5)\n        d decimal = AantalInwoners_5 / 2'));
        expectNoCode(fine, 'derived-column-optional');
        expectClean(fine);
        // Dividing by a column can divide by 0.
        const division = await validate(kwb('d decimal = AantalInwoners_5 / AantalInwoners_5'));
        expectCode(division, 'derived-column-optional', 'error', { node: one(division, isColumn, c => c.name === 'd'), property: 'type' });
    });
    test('an operand of the wrong type is reported at the operand', async () => {
        const result = await validate(kwb('x integer? = WmoClienten_86 + SoortRegio_2\n        t text = trim(AantalInwoners_5)'));
        expectCode(result, 'column-expression-operand', 'error', { node: one(result, isColumnInput, i => i.column.$refText === 'SoortRegio_2') }, /'\+' needs number, but this is text/);
        expectCode(result, 'column-expression-operand', 'error', { node: one(result, isColumnInput, i => i.column.$refText === 'AantalInwoners_5' && isColumnCall(i.$container)) }, /'trim' needs text/);
    });
    test('coalesce of text with a number is reported; of integer with decimal it is a decimal', async () => {
        const result = await validate(kwb('x text? = coalesce(SoortRegio_2, WmoClienten_86)'));
        expectCode(result, 'column-expression-operand', 'error', { node: one(result, isColumnInput, i => i.column.$refText === 'WmoClienten_86') });
        expectClean(await validate(kwb('x decimal? = coalesce(WmoClienten_86, 0.5)')));
    });
    test('a derived column can be the date of the shape, a binding and a reference value', async () => {
        const result = await validate(HEAD + `
source r from "r.csv" {
    snapshot at dag
    columns { Peildatum date  regio text  code_2 text  waarde integer?  dag date = Peildatum  code text = trim(code_2) }
}
dimension wijk { r.code where regio = "Wijk" }
indicator n { value sum waarde from r by wijk desired up }
reference n "CBS" from r where code = "GM0034" value waarde
`);
        expectClean(result);
    });
});

describe('trim', () => {
    test('trim on the source marks every text column, trim on a column marks that one', async () => {
        const result = await validate(HEAD + `
source s from "s.csv" {
    table
    trim
    columns { a text  b integer  c text }
}
source t from "t.csv" {
    table
    columns { a text trim  c text }
}`);
        expectClean(result);
        const [s, t] = lowered(result).sources;
        expect(s.columns.map(c => c.trim ?? false)).toEqual([true, false, true]);
        expect(t.columns.map(c => c.trim ?? false)).toEqual([true, false]);
    });
    test('trim on a column that is not text is a warning at trim', async () => {
        const result = await validate(HEAD + `source s from "s.csv" { table columns { n integer trim } }`);
        expectCode(result, 'trim-not-text', 'warning', { node: one(result, isColumn), property: 'trim' });
    });
});
