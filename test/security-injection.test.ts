/**
 * The injection corpus: SQL-looking text (quotes, semicolons, comments, COPY … TO, ATTACH,
 * read_text('/etc/passwd'), SET and PRAGMA) in the strings, filters, names and data of a monitor
 * gives either a diagnostic or a harmless literal: it counts exactly the rows holding that text,
 * writes no file and reads nothing outside the declared data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { monitorInProcess } from './cli-helpers.js';

/** Each value is in the data 3 times; each becomes a filter literal. */
const EVIL = [
    `x'); COPY (SELECT 42) TO 'pwn-copy.csv'; --`,
    `'; ATTACH 'pwn-attach.db' AS pwn; --`,
    `' || (SELECT content FROM read_text('/etc/passwd')) || '`,
    `'; SET enable_external_access = true; PRAGMA version; --`,
    `*/ SELECT 1; /*`,
    `"; DROP TABLE src_aanvragen; --`,
    `\\'; COPY src_aanvragen TO 'pwn-backslash.csv'; --`,
    `$$; CALL pragma_version(); $$`,
];
const monitorString = (s: string) => JSON.stringify(s); // the .monitor STRING escapes " and \ like JSON
const csvField = (s: string) => `"${s.replaceAll('"', '""')}"`;

const DATA = [
    `client_id,datum,soort,waarde,${csvField(`x"; DROP TABLE t; --`)}`,
    ...EVIL.flatMap((e, i) => [1, 2, 3].map((k) => `c${i}${k},2024-02-0${k},${csvField(e)},${i},x`)),
    'p1,2024-05-01,plain,1,x',
].join('\n') + '\n';

const header = (name: string, extra = '', dataPath = 'data/aanvragen.csv') => `monitor ${name} {
    title ${monitorString(EVIL[0])}
    description ${monitorString(EVIL[2])}
    grain quarter
    range 2024-Q1 .. 2024-Q2  privacy none "testgegevens"
}
source aanvragen from ${monitorString(dataPath)} {
    events on datum
    coverage 2024-01-01 .. 2024-12-31
    ${extra}
    columns { client_id text  datum date  soort text  waarde integer }
}
`;

const MAIN = header('injectie', `nulls ${monitorString(`'); DROP TABLE src_aanvragen; --`)}`)
    + EVIL.map((e, i) => `indicator e${i} {\n    title ${monitorString(e)}\n    value count from aanvragen where soort = ${monitorString(e)}\n    desired up\n}\n`).join('')
    + `indicator alle {\n    value count from aanvragen where soort in (${EVIL.map(monitorString).join(', ')})\n    desired up\n}\n`
    + `indicator geen {\n    value count from aanvragen where not soort in (${EVIL.map(monitorString).join(', ')})\n    desired up\n}\n`
    + `reference e0 ${monitorString(EVIL[3])} from aanvragen where soort = ${monitorString(EVIL[0])} value waarde\n`;

/** Monitors that must be refused with a diagnostic. */
const REFUSED: Record<string, string> = {
    delimiter: header('delim', `delimiter ${monitorString(EVIL[0])}`, '../data/aanvragen.csv') + 'indicator n {\n    value count from aanvragen\n    desired up\n}\n',
    pad: header('pad', '', EVIL[0]) + 'indicator n {\n    value count from aanvragen\n    desired up\n}\n',
    datumformaat: header('fmt', `dateformat ${monitorString(EVIL[2])}`, '../data/aanvragen.csv') + 'indicator n {\n    value count from aanvragen\n    desired up\n}\n',
    naam: header('naam', '', '../data/aanvragen.csv') + `indicator e'); COPY (SELECT 1) TO 'pwn-name.csv'; -- {\n    value count from aanvragen\n    desired up\n}\n`,
};

let ws: string;
const filesIn = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
let before: string[];
let rows: Array<Record<string, unknown>>;
let runOutput: string;

beforeAll(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-injection-'));
    fs.mkdirSync(path.join(ws, 'data'));
    // The project root: the monitors in refused/ read ../data (the default root is the nearest .monitor-root).
    fs.writeFileSync(path.join(ws, '.monitor-root'), '');
    fs.writeFileSync(path.join(ws, 'data/aanvragen.csv'), DATA);
    fs.writeFileSync(path.join(ws, 'injectie.monitor'), MAIN);
    fs.mkdirSync(path.join(ws, 'refused'));
    for (const [name, text] of Object.entries(REFUSED)) fs.writeFileSync(path.join(ws, 'refused', `${name}.monitor`), text);
    before = filesIn(ws);
    const r = await monitorInProcess(['run', 'injectie.monitor', '--format', 'json'], ws);
    runOutput = r.stdout + r.stderr;
    expect(r.code, r.stderr).toBe(0);
    rows = JSON.parse(r.stdout);
});

const value = (indicator: string, period: string, series = 'actual') =>
    rows.find((r) => r.indicator === indicator && r.period === period && r.series === series)?.value;

describe('SQL-looking text in a monitor is a literal', () => {
    EVIL.forEach((e, i) => {
        test(`the filter value ${JSON.stringify(e)} counts exactly the rows that hold it`, async () => {
            expect(value(`e${i}`, '2024-Q1')).toBe(3);
            expect(value(`e${i}`, '2024-Q2')).toBe(0);
        });
    });

    test('an in-list of every value counts all of them, and its negation only the plain row', async () => {
        expect(value('alle', '2024-Q1')).toBe(EVIL.length * 3);
        expect(value('geen', '2024-Q2')).toBe(1);
    });

    test('a reference series named with SQL text keeps its name verbatim', async () => {
        const ref = rows.filter((r) => r.series === EVIL[3]);
        expect(ref.length).toBeGreaterThan(0);
        expect(ref.find((r) => r.period === '2024-Q1')?.value).toBe(0 * 3);
    });

    test('no file is written and nothing outside the data is read', async () => {
        expect(filesIn(ws)).toEqual(before);
        expect(runOutput).not.toMatch(/root:.*:0:0:/);
    });
});

describe('SQL-looking text where it cannot be a value is a diagnostic', () => {
    let diagnostics: Array<{ file: string; code: string; severity: string }>;
    beforeAll(async () => {
        const r = await monitorInProcess(['check', '--format', 'json', 'refused'], ws);
        expect(r.stderr).not.toContain('internal error');
        diagnostics = JSON.parse(r.stdout);
    });
    const codesOf = (name: string) => diagnostics.filter((d) => path.basename(d.file) === `${name}.monitor` && d.severity === 'error').map((d) => d.code);

    test('as a delimiter', () => expect(codesOf('delimiter')).toEqual(['data-unreadable']));
    test('as a data path', () => expect(codesOf('pad')).toEqual(['data-file-missing']));
    test('as a date format', () => expect(codesOf('datumformaat')).toContain('data-type-mismatch'));
    test('in a name', () => expect(codesOf('naam')).toContain('lexing-error'));
    test('and checking them writes no file', () => expect(filesIn(ws)).toEqual(before));
});
