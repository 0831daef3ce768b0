import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readCsvColumns } from '../src/csv-header.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-csv-header-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
}

describe('readCsvColumns', () => {
    test('guesses integer, decimal, date, boolean and text from the first rows', () => {
        const file = csv('types.csv', 'id,bedrag,datum,actief,naam\n1,2.5,2024-01-01,true,a\n2,3,2024-02-01,false,b\n');
        expect(readCsvColumns(file)).toEqual([
            { name: 'id', type: 'integer', nullable: false },
            { name: 'bedrag', type: 'decimal', nullable: false },
            { name: 'datum', type: 'date', nullable: false },
            { name: 'actief', type: 'boolean', nullable: false },
            { name: 'naam', type: 'text', nullable: false },
        ]);
    });

    test('an empty or declared-null value makes the column nullable without changing its type', () => {
        const file = csv('nulls.csv', 'einddatum,n\n2024-01-01,NA\n,4\n');
        expect(readCsvColumns(file, { nulls: ['NA'] })).toEqual([
            { name: 'einddatum', type: 'date', nullable: true },
            { name: 'n', type: 'integer', nullable: true },
        ]);
    });

    test('a semicolon header with decimal commas and quoted names is read as such', () => {
        const file = csv('nl.csv', '\uFEFF"wijk; naam";bedrag\n"WK01; Centrum";2,5\n"WK02";3\n');
        expect(readCsvColumns(file, { decimalComma: true })).toEqual([
            { name: 'wijk; naam', type: 'text', nullable: false },
            { name: 'bedrag', type: 'decimal', nullable: false },
        ]);
    });

    test('a file that cannot be read gives undefined, not an exception', () => {
        expect(readCsvColumns(path.join(dir, 'absent.csv'))).toBeUndefined();
    });
});
