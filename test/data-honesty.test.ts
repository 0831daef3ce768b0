/**
 * The data stage tells the truth about a file (issue 15, item 9): episodes ending before they start,
 * a duplicate header, a ragged row and a row too long to read are diagnostics at the right line, and
 * values of key columns never reach a diagnostic (other values are cut short).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fixture, monitorInProcess } from './cli-helpers.js';

const GOOD = 'client_id,begin,eind,soort\n' + Array.from({ length: 40 }, (_, i) => `c${i},2024-01-0${1 + (i % 9)},2024-03-0${1 + (i % 9)},a\n`).join('');
const FILES: Record<string, string> = {
    goed: GOOD,
    // Data rows 41 and 42 (lines 42 and 43) end before they start.
    omgekeerd: `${GOOD}c98,2024-05-01,2024-01-01,a\nc99,2024-06-01,2024-02-01,a\n`,
    dubbel: 'client_id,begin,eind,soort,begin\n' + 'c1,2024-01-01,2024-03-01,a,2023-01-01\n'.repeat(5),
    // Line 42 has a fifth field.
    rafelig: `${GOOD}c50,2024-01-01,2024-03-01,a,extra\nc51,2024-01-01,2024-03-01,a\n`,
    // Line 33 holds a 3 MB field, more than DuckDB's 2 MB row.
    lang: `${GOOD.split('\n').slice(0, 32).join('\n')}\nc31,2024-01-01,2024-03-01,"${'x'.repeat(3_000_000)}"\nc99,2024-01-01,2024-03-01,a\n`,
    sleutel: 'client_id,begin,eind,soort\nBSN123456789,2024-01-01,2024-03-01,a\n',
    lang_waarde: `client_id,begin,eind,soort\nc1,2024-01-01,2024-03-01,a\nc2,${'y'.repeat(500)},2024-03-01,a\n`,
};
const monitorText = (name: string) => `monitor ${name} {
    title "T"
    grain quarter
    range 2024-Q1 .. 2024-Q4  privacy none "test data"
}
source s from "data/${name}.csv" {
    episodes start begin end eind key client_id
    coverage 2024-01-01 .. 2024-12-31  // the year is complete, so a good file has values (no data-no-value)
    columns { client_id ${name === 'sleutel' ? 'integer' : 'text'}  begin date  eind date?  soort text }
}
indicator n { value count from s active at end desired up }
`;

interface Diagnostic { file: string; code: string; message: string }
let found: (name: string) => Diagnostic[];

beforeAll(async () => {
    const files: Record<string, string> = { '.monitor-root': '' };
    for (const [name, data] of Object.entries(FILES)) {
        files[`data/${name}.csv`] = data;
        files[`${name}.monitor`] = monitorText(name);
    }
    const r = await monitorInProcess(['check', '--format', 'json', '.'], fixture(files));
    const all = JSON.parse(r.stdout) as Diagnostic[];
    found = name => all.filter(d => d.file.endsWith(`/${name}.monitor`));
});

describe('the data stage at the right line', () => {
    test('episodes that end before they start: how many, and the first line', async () => {
        const [d, ...rest] = found('omgekeerd');
        expect(rest).toEqual([]);
        expect(d.code).toBe('data-end-before-start');
        expect(d.message).toMatch(/^2 episode\(s\) .* data row 41 \(line 42\)/);
    });
    test('a duplicate header name is an error', async () => {
        expect(found('dubbel').map(d => d.code)).toEqual(['data-duplicate-header']);
        expect(found('dubbel')[0].message).toContain('"begin" 2 times');
    });
    test('a ragged row is reported at its line, not as a sniffing error', async () => {
        const [d] = found('rafelig');
        expect(d.code).toBe('data-unreadable');
        expect(d.message).toMatch(/^Line 42 .* has 5 fields, but the header has 4/);
        expect(d.message).not.toContain('sniffing');
    });
    test('a row too long to read is reported at its line, not at line 1', async () => {
        const [d] = found('lang');
        expect(d.code).toBe('data-unreadable');
        expect(d.message).toMatch(/^Line 33 .* is 3000\d{3} bytes long/);
    });
    test('a good file of episodes has no finding', () => expect(found('goed')).toEqual([]));
});

describe('values in diagnostics', () => {
    test('a value of the key column is never echoed', async () => {
        const [d] = found('sleutel');
        expect(d.code).toBe('data-type-mismatch');
        expect(d.message).toContain('line 2');
        expect(d.message).not.toContain('BSN123456789');
    });
    test('other values are cut to 40 characters', async () => {
        const [d] = found('lang_waarde');
        expect(d.code).toBe('data-type-mismatch');
        expect(d.message).toContain(`"${'y'.repeat(40)}"… (500 characters)`);
        expect(d.message).not.toContain('y'.repeat(41));
    });
});
