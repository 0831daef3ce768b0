/** Table sources (`source x from table "schema.name"`): the name and the file options (check-structure.ts). */
import { describe, expect, test } from 'vitest';
import { isSource } from '../src/generated/ast.js';
import { lowerProgram } from '../src/lower-program.js';
import { expectClean, expectCode, expectNoCode, one, validate } from './helpers.js';

const HEADER = `monitor jeugd { title "Jeugdhulp" grain quarter range 2024-Q1 .. 2024-Q4 privacy none "test" }\n`;
const table = (name: string, options = '') => `${HEADER}source trajecten from table "${name}" { ${options} events on datum columns { datum date wijk text } }
indicator aantal { value count from trajecten }\n`;

describe('table sources', () => {
    test('"schema.name" and "name" are table names; the IR carries the schema and the name', async () => {
        const result = await validate(table('jeugd.trajecten'));
        expectClean(result);
        expectClean(await validate(table('trajecten')));
        const program = lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value });
        expect(program.sources[0].table).toEqual({ schema: 'jeugd', name: 'trajecten' });
    });
    test('a file source has no table in its IR (its IR stays as it was)', async () => {
        const result = await validate(`${HEADER}source trajecten from "t.csv" { events on datum columns { datum date wijk text } }\n`);
        expect('table' in lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value }).sources[0]).toBe(false);
    });
    test('a name with two dots, an empty part or a part over 63 bytes is table-name-invalid at the name', async () => {
        for (const name of ['a.b.c', '.trajecten', 'jeugd.', 'x'.repeat(64), '']) {
            const result = await validate(table(name));
            expectCode(result, 'table-name-invalid', 'error', { node: one(result, isSource), property: 'path' });
        }
    });
    test('a name of 63 bytes with a quote and a semicolon is a valid name (quoted in SQL, never pasted)', async () => {
        expectNoCode(await validate(table(`${'x'.repeat(59)}";--`)), 'table-name-invalid');
    });
    test('a file option on a table source is table-source-file-option at the option', async () => {
        for (const [option, property] of [['delimiter ";"', 'delimiter'], ['header false', 'header'], ['dateformat "%d-%m-%Y"', 'dateFormat'], ['trim', 'trim'], ['format csv', 'format'], ['nulls "NA"', 'nulls'], ['decimal comma', 'decimal']]) {
            const result = await validate(table('jeugd.trajecten', option));
            expectCode(result, 'table-source-file-option', 'error', { node: one(result, isSource), property });
        }
    });
    test('the same options on a file source are not reported', async () => {
        const result = await validate(`${HEADER}source trajecten from "t.csv" { delimiter ";" header false trim events on datum columns { datum date wijk text } }\n`);
        expectNoCode(result, 'table-source-file-option');
        expectNoCode(result, 'table-name-invalid');
    });
});

describe('a table source without its name', () => {
    test('`source c table …` without `from "…"` is a syntax error, never a crashed check (found by fuzzing)', async () => {
        const result = await validate('monitor m { grain year  range 2024 .. 2024 }\nsource c\n    table key code\n    columns { code text }\n}\n');
        expect(result.diagnostics.map(d => d.message).filter(m => /error occurred during validation/i.test(m))).toEqual([]);
        expect(result.diagnostics.length).toBeGreaterThan(0);
    });
});
