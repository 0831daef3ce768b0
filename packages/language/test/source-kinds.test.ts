/** `sources-mixed`: a monitor reads data files or database tables, never both (check-source-kinds.ts). */
import { EmptyFileSystem } from 'langium';
import { validationHelper } from 'langium/test';
import { beforeEach, describe, expect, test } from 'vitest';
import { createMonitorServices } from '../src/monitor-module.js';
import { setLocale } from '../src/messages.js';
import { isImport, isSource, type Model } from '../src/generated/ast.js';
import { expectClean, expectCode, expectNoCode, named, one } from './helpers.js';

const HEADER = `monitor jeugd { title "Jeugdhulp" grain quarter range 2024-Q1 .. 2024-Q4 privacy none "test" }\n`;
const fileSource = (name: string) => `source ${name} from "data/${name}.csv" { events on datum columns { datum date wijk text } }\n`;
const tableSource = (name: string) => `source ${name} from table "jeugd.${name}" { events on datum columns { datum date wijk text } }\n`;
const indicator = (source: string) => `indicator n_${source} { value count from ${source} }\n`;

let validate: ReturnType<typeof validationHelper<Model>>;
beforeEach(() => {
    validate = validationHelper<Model>(createMonitorServices(EmptyFileSystem).Monitor);
});

describe('a monitor that reads files and tables', () => {
    test('one table source beside two file sources: sources-mixed at the table name, naming a file source', async () => {
        const result = await validate(HEADER + fileSource('a') + fileSource('b') + tableSource('t') + indicator('a') + indicator('t'));
        expectCode(result, 'sources-mixed', 'error', { node: named(result, isSource, 't'), property: 'path' }, /Source 't' reads a database table, .*\(source 'a'\)/);
        expect(result.diagnostics.filter(d => d.code === 'sources-mixed')).toHaveLength(1);
    });
    test('one file source beside two table sources: sources-mixed at the file path; in Dutch too', async () => {
        setLocale('nl');
        try {
            const result = await validate(HEADER + tableSource('t') + tableSource('u') + fileSource('a') + indicator('a'));
            expectCode(result, 'sources-mixed', 'error', { node: named(result, isSource, 'a'), property: 'path' }, /^Bron 'a' leest een databestand, en deze monitor leest ook databasetabellen \(bron 't'\)/);
        } finally {
            setLocale('en');
        }
    });
    test('equal numbers: the table sources carry the error', async () => {
        const result = await validate(HEADER + fileSource('a') + tableSource('t'));
        expectCode(result, 'sources-mixed', 'error', { node: named(result, isSource, 't'), property: 'path' });
        expect(result.diagnostics.filter(d => d.code === 'sources-mixed')).toHaveLength(1);
    });
    test('a table source that comes in through an import: sources-mixed at the import, the imported file itself is fine', async () => {
        const lib = await validate(tableSource('t'), { documentUri: 'file:///w/tabellen.monitor' });
        expectNoCode(lib, 'sources-mixed');
        const result = await validate(`import "tabellen.monitor"\n${HEADER}${fileSource('a')}${fileSource('b')}${indicator('t')}`, { documentUri: 'file:///w/main.monitor' });
        expectCode(result, 'sources-mixed', 'error', { node: one(result, isImport), property: 'path' }, /^The import "tabellen\.monitor" brings in source 't', which reads a database table/);
    });
});

describe('non-trigger: a monitor of one kind', () => {
    test('only files, only tables, and files importing files are clean', async () => {
        expectClean(await validate(HEADER + fileSource('a') + fileSource('b') + indicator('a')));
        expectClean(await validate(HEADER + tableSource('t') + tableSource('u') + indicator('t')));
        await validate(fileSource('g'), { documentUri: 'file:///w/gedeeld.monitor' });
        expectNoCode(await validate(`import "gedeeld.monitor"\n${HEADER}${fileSource('a')}${indicator('g')}`, { documentUri: 'file:///w/main.monitor' }), 'sources-mixed');
    });
});
