/**
 * The bad-data corpus: data files that are empty, header-only, written with another delimiter, of
 * mixed types, with dates in three formats, cut off mid-row or mid-quote, not UTF-8, or 10,000
 * columns wide. `monitor check` gives each a diagnostic that names the source and says what to
 * do — never a crash, a stack trace or a hang. The files are generated here, not committed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './cli-helpers.js';

const BIN = path.join(ROOT, 'packages/cli/bin/monitor.js');
const HEADER = 'client_id,datum,bedrag';
const GOOD = `${HEADER}\n${Array.from({ length: 50 }, (_, i) => `c${i},2024-0${1 + (i % 9)}-1${i % 9},${i}`).join('\n')}\n`;
const WIDE = Array.from({ length: 9997 }, (_, i) => `k${i}`);

/** Data file per case, by monitor name. */
const CASES: Record<string, Buffer> = {
    leeg: Buffer.from(''),
    kop: Buffer.from(`${HEADER}\n`),
    puntkomma: Buffer.from(GOOD.replaceAll(',', ';')),
    gemengd: Buffer.from(`${GOOD}c99,2024-03-01,veel\n`),
    datums: Buffer.from(`${HEADER}\nc1,2024-01-05,1\nc2,05-01-2024,2\nc3,2024/01/05,3\n`),
    // A large export cut off mid-row and mid-quoted-field (the "2 GB declared, truncated" case).
    afgekapt: Buffer.from(`${GOOD}c77,2024-0`),
    afgekapt_quote: Buffer.from(`${GOOD}c78,"2024-01-`),
    latin1: Buffer.from(`${HEADER}\nZoë,2024-01-05,1\n`, 'latin1'),
    breed: Buffer.from(`${[HEADER, ...WIDE].join(',')}\n${`c1,2024-01-05,1${',x'.repeat(WIDE.length)}\n`.repeat(3)}`),
    breed_mist: Buffer.from(`${['client_id', 'datum', ...WIDE, 'k_last'].join(',')}\n${`c1,2024-01-05${',x'.repeat(WIDE.length + 1)}\n`.repeat(3)}`),
};

const monitorText = (name: string) => `monitor ${name} {
    title "Slechte gegevens"
    grain quarter
    range 2024-Q1 .. 2024-Q4
    privacy none "testgegevens"
}
source aanvragen from "data/${name}.csv" {
    events on datum key client_id
    coverage 2024-01-01 .. 2024-12-31  // the year is complete, so a good file has values (no data-no-value)
    columns { client_id text  datum date  bedrag integer }
}
indicator n {
    title "Aanvragen"
    value count from aanvragen
    desired up
}
`;

interface Diagnostic { file: string; line: number; severity: string; code: string; message: string }
let dir: string;
let byCase: Map<string, Diagnostic[]>;
let run: ReturnType<typeof spawnSync>;

function check(args: string[], lang = 'en') {
    // The time box: a hang fails the test instead of blocking the suite.
    return spawnSync(process.execPath, [BIN, 'check', ...args], { cwd: dir, encoding: 'utf8', timeout: 240_000, env: { ...process.env, MONITOR_LANG: lang } });
}

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bad-data-'));
    fs.mkdirSync(path.join(dir, 'data'));
    for (const [name, bytes] of Object.entries(CASES)) {
        fs.writeFileSync(path.join(dir, 'data', `${name}.csv`), bytes);
        fs.writeFileSync(path.join(dir, `${name}.monitor`), monitorText(name));
    }
    run = check(['--format', 'json', '.']);
    const all = JSON.parse(String(run.stdout)) as Diagnostic[];
    byCase = new Map(Object.keys(CASES).map((name) => [name, all.filter((d) => path.basename(d.file) === `${name}.monitor`)]));
});

/** The one diagnostic of a case; it names the source and carries a hint (a second sentence). */
function only(name: string): Diagnostic {
    const found = byCase.get(name)!;
    expect(found, JSON.stringify(found, null, 1)).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].message).toContain('aanvragen');
    expect(found[0].message.split(/[.:]\s+(?=[A-Z`])/).length, `a message and a hint: ${found[0].message}`).toBeGreaterThan(1);
    return found[0];
}

describe('monitor check on bad data files', () => {
    test('finishes with exit code 1, without an internal error or a stack trace', () => {
        expect(run.status, String(run.stderr)).toBe(1);
        expect(String(run.stderr)).not.toContain('internal error');
        expect(String(run.stdout) + String(run.stderr)).not.toMatch(/\bat .*\.js:\d+/);
    });

    test('an empty file is reported as empty', () => {
        expect(only('leeg')).toMatchObject({ code: 'data-empty', message: expect.stringContaining('is empty') });
    });

    test('a file with only a header is reported as having no data rows', () => {
        expect(only('kop')).toMatchObject({ code: 'data-empty', message: expect.stringContaining('no data rows') });
    });

    test('a file with another delimiter names the delimiter to declare', () => {
        expect(only('puntkomma').message).toContain('Declare `delimiter ";"`');
    });

    test('a text value in an integer column names the data row and line', () => {
        expect(only('gemengd')).toMatchObject({ code: 'data-type-mismatch', message: expect.stringContaining('data row 51 (line 52) holds "veel"') });
    });

    test('dates in another format name the first one and suggest declaring a date format', () => {
        const d = only('datums');
        expect(d).toMatchObject({ code: 'data-type-mismatch', message: expect.stringContaining('"05-01-2024"') });
        expect(d.message).toContain('declare a date format');
    });

    test('a file cut off in the middle of a row says so, with the line', () => {
        expect(only('afgekapt').message).toContain('ends in the middle of a row (line 52)');
    });

    test('a file cut off inside a quoted field says so', () => {
        expect(only('afgekapt_quote').message).toContain('inside a quoted field');
    });

    test('a Latin-1 file is reported as not UTF-8, with the line', () => {
        expect(only('latin1').message).toContain('is not UTF-8 text: line 2');
    });

    test('a file with 10,000 columns that has the declared ones loads without findings', () => {
        expect(byCase.get('breed')).toEqual([]);
    });

    test('a missing column among 10,000 is reported with a short list of the file columns', () => {
        const d = only('breed_mist');
        expect(d.code).toBe('data-missing-column');
        expect(d.message).toContain('(10000 in all)');
        expect(d.message.length).toBeLessThan(600);
    });

    test('the Dutch text of a data diagnostic is Dutch', () => {
        const r = check(['latin1.monitor'], 'nl');
        expect(r.stdout).toContain('is geen UTF-8-tekst: regel 2');
        expect(r.stdout).toContain('Sla het bestand op');
    });
});
