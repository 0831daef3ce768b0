/**
 * A file that validates computes without an internal error, for types too (issue 15, item 4): every
 * comparison of a column with a literal, another column or a shifted date, and every reference value
 * column, either gets an error in validation or runs on DuckDB-WASM without throwing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyse } from '../packages/cli/src/analyse.js';
import { computeMonitor } from '../packages/cli/src/compute.js';

const DATA = 'id,datum,n,t,b,d\nc1,2024-01-05,3,abc,true,1.5\nc2,2024-02-05,4,def,false,2.5\n';
const HEADER = `monitor m { title "T" grain quarter range 2024-Q1 .. 2024-Q2 privacy none "test data" }
source s from "data.csv" { events on datum columns { id text datum date n integer t text b boolean d decimal } }
`;
let dir: string;
let count = 0;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-types-'));
    fs.writeFileSync(path.join(dir, 'data.csv'), DATA);
    fs.writeFileSync(path.join(dir, '.monitor-root'), '');
});

/** Validates the texts in one workspace and returns each one's error codes. */
async function validateAll(texts: string[]): Promise<string[][]> {
    const files = texts.map(text => {
        const file = path.join(dir, `m${count++}.monitor`);
        fs.writeFileSync(file, text);
        return file;
    });
    const analysis = await analyse(files);
    return files.map(file => analysis.diagnostics.filter(d => d.file === file && d.severity === 'error').map(d => d.code));
}

/** Validates `text` and returns its error codes; clean ones are computed together in the last test. */
async function validateOne(text: string): Promise<string[]> {
    return (await validateAll([text]))[0];
}

/** Computes a monitor that validated on DuckDB-WASM: no data-stage error, rows, no throw. */
async function run(text: string): Promise<void> {
    const file = path.join(dir, `m${count++}.monitor`);
    fs.writeFileSync(file, text);
    const analysis = await analyse([file]);
    expect(analysis.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    const computed = await computeMonitor(analysis.monitors[0], dir);
    expect(computed.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    expect(computed.rows.length).toBeGreaterThan(0);
}
const where = (condition: string) => `${HEADER}indicator x { value count from s where ${condition} desired up }\n`;

describe('comparisons are type-checked in validation', () => {
    test('a date column compared with "abc" is an error, not a warning and an internal error at run time', async () => {
        expect(await validateOne(where('datum = "abc"'))).toEqual(['literal-type-mismatch']);
    });
    test('a shifted date compared with an integer column is an error', async () => {
        expect(await validateOne(where('datum - 5 days > n'))).toEqual(['comparison-type-mismatch']);
    });
    test('a shifted date compared with a date column or a date validates', async () => {
        expect(await validateOne(where('datum - 5 days < datum and datum + 1 months > 2024-01-01'))).toEqual([]);
    });
    test('an integer column compared with a decimal column validates', async () => {
        expect(await validateOne(where('n > d'))).toEqual([]);
    });
    test('a literal on the left is checked against the column on the right', async () => {
        expect(await validateOne(where('"abc" = n'))).toEqual(['literal-type-mismatch']);
    });
    test('between bounds and in lists are checked against the left side', async () => {
        expect(await validateOne(where('datum between 2024-01-01 and "later"'))).toEqual(['literal-type-mismatch']);
        expect(await validateOne(where('b in (true, "ja")'))).toEqual(['literal-type-mismatch']);
    });
    test('every pairing of column types and operands either fails validation or computes', async () => {
        const operands = ['"abc"', '5', '2.5', '2024-01-01', 'true', 'datum', 'n', 't', 'b', 'd', 'datum + 3 days'];
        const conditions = ['datum', 'n', 't', 'b', 'd'].flatMap(column => operands.map(operand => `${column} = ${operand}`));
        const errors = await validateAll(conditions.map(where));
        const clean = conditions.filter((_, i) => errors[i].length === 0);
        expect(clean.length).toBeGreaterThan(10);
        // Every clean condition as an indicator of one monitor, with the clean ones of the tests above
        // and reference values on numbers, computed at once (a DuckDB start is the slow part).
        await run(HEADER + [...clean, 'datum - 5 days < datum and datum + 1 months > 2024-01-01', 'n > d']
            .map((c, i) => `indicator x${i} { value count from s where ${c} desired up }\n`).join('')
            + 'reference x0 "Nederland" from s value n\nreference x0 "Almere" from s value d\n');
    });
});

describe('reference values are type-checked in validation', () => {
    const reference = (column: string) => `${HEADER}indicator x { value count from s desired up }
reference x "Nederland" from s value ${column}
`;
    for (const column of ['t', 'b', 'datum']) {
        test(`a reference value on a ${column === 't' ? 'text' : column === 'b' ? 'boolean' : 'date'} column is an error`, async () => {
            expect(await validateOne(reference(column))).toEqual(['column-not-numeric']);
        });
    }
    test('a reference value on an integer or decimal column validates', async () => {
        expect(await validateOne(reference('n'))).toEqual([]);
        expect(await validateOne(reference('d'))).toEqual([]);
    });
});
