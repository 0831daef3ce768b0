/**
 * Outputs that cannot be spoofed (issue 15, items 5–7): a dimension cannot overwrite an output field,
 * formula-like CSV text is escaped (negative numbers stay numbers; `--csv-raw` turns it off), and
 * control characters from data never start a line of their own in check's text output, GitHub
 * annotations or run's stderr.
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, fixture, monitor, monitorInProcess } from './cli-helpers.js';

const HEADER = `monitor m {
    title "T"
    grain quarter
    range 2024-Q1 .. 2024-Q4
    privacy { minimum 1  round 1 }
}
`;
const FORGED = '::error file=evil.monitor,line=1::pwned';
// A data file whose breakdown values are formulas, a negative-looking code and a value holding a
// newline and a forged GitHub workflow command (it appears mid-series, so run warns about it).
const DATA = `id,datum,wijk\nc1,2024-01-05,=HYPERLINK("http://x")\nc2,2024-02-05,@SUM(A1)\nc3,2024-02-05,-5\nc4,2024-08-05,"nieuw\n${FORGED}"\nc5,2024-02-05,+1\nc6,2024-02-05,\tTAB\nc7,2024-12-20,noord\n`;
const SOURCE = `source s from "data.csv" {
    events on datum
    columns { id text  datum date  wijk text }
}
`;
const MONITOR = `${HEADER}${SOURCE}dimension gebied { s.wijk }
indicator n { value count from s by gebied desired up }
indicator verschil { value n - 3 desired up }
`;

/** The CSV lines of `monitor run` whose cells (split naively on commas outside quotes) we look at. */
const lines = (csv: string) => csv.split('\n');

describe('dimension names cannot overwrite output fields', () => {
    test('a dimension named period or series is refused by check', async () => {
        const dir = fixture({ '.monitor-root': '', 'data.csv': DATA, 'm.monitor': `${HEADER}${SOURCE}dimension period { s.wijk }\ndimension series { s.id }\nindicator n { value count from s by period desired up }\n` });
        const r = await monitorInProcess(['check', '--format', 'json', 'm.monitor'], dir);
        const codes = (JSON.parse(r.stdout) as { code: string; line: number }[]).map(d => `${d.code}@${d.line}`);
        expect(codes).toEqual(['dimension-name-reserved@11', 'dimension-name-reserved@12']);
        expect(r.code).toBe(1);
    });
});

describe('CSV formula injection', () => {
    const dir = fixture({ '.monitor-root': '', 'data.csv': DATA, 'm.monitor': MONITOR });
    test('text cells starting with = + - @ or tab get a leading quote; negative numbers stay numbers', async () => {
        const r = await monitorInProcess(['run', 'm.monitor', '--format', 'csv'], dir);
        expect(r.code).toBe(0);
        const csv = r.stdout;
        expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",`);
        expect(csv).toContain(`,'@SUM(A1),`);
        expect(csv).toContain(`,'-5,`);
        expect(csv).toContain(`,'+1,`);
        expect(csv).toContain(`,'\tTAB,`);
        // verschil = n - 3 is -2 in 2024-Q3 (one row in that quarter: 1 - 3).
        expect(lines(csv)).toContain('verschil,actual,2024-Q3,,,-2,,,,no-target,false,');
        for (const line of lines(csv)) expect(line).not.toMatch(/(^|,)"?[=+@]/);
    });
    test('--csv-raw leaves them as they are', async () => {
        const r = await monitorInProcess(['run', 'm.monitor', '--format', 'csv', '--csv-raw'], dir);
        expect(r.stdout).toContain(`,"=HYPERLINK(""http://x"")",`);
        expect(r.stdout).toContain(',-5,');
    });
});

describe('log injection', () => {
    test('run\'s stderr warning shows the newline escaped, so the forged command starts no line', async () => {
        // Without disclosure control (`privacy none`) no cell is hidden, so the breakdown warning names the values (with
        // one, a value whose cells are hidden is never named: test/privacy-attacks.test.ts, attack 7).
        const open = MONITOR.replace('    privacy { minimum 1  round 1 }\n', '    privacy none "testgegevens"\n');
        const dir = fixture({ '.monitor-root': '', 'data.csv': DATA, 'm.monitor': open });
        const r = await monitorInProcess(['run', 'm.monitor', '--format', 'json'], dir);
        expect(r.code).toBe(0);
        expect(r.stderr).toContain('data-breakdown-changed');
        expect(r.stderr).toContain('nieuw\\n::error');
        for (const line of r.stderr.split('\n')) expect(line).not.toMatch(/^::/);
    });
    test('check\'s text and GitHub output hold one line per finding, with no forged command', async () => {
        const bad = `id,datum,aantal\nc1,2024-01-05,"5\n${FORGED}"\n`;
        const dir = fixture({
            '.monitor-root': '', 'data.csv': bad,
            'm.monitor': `${HEADER}source s from "data.csv" {\n    events on datum\n    columns { id text  datum date  aantal integer }\n}\nindicator n { value sum aantal from s desired up }\n`,
        });
        const json = JSON.parse((await monitorInProcess(['check', '--format', 'json', 'm.monitor'], dir)).stdout) as unknown[];
        expect(json.length).toBeGreaterThan(0);
        const text = (await monitorInProcess(['check', 'm.monitor'], dir)).stdout.trim().split('\n');
        expect(text.filter(l => /^m\.monitor:\d+:\d+: /.test(l))).toHaveLength(json.length);
        for (const line of text) expect(line).not.toMatch(/^::/);
        const github = (await monitorInProcess(['check', '--format', 'github', 'm.monitor'], dir)).stdout.trim().split('\n');
        expect(github).toHaveLength(json.length);
        for (const line of github) expect(line).toMatch(/^::(error|warning|notice) file=m\.monitor,line=\d+,/);
        expect(github.join('\n')).not.toContain('\u001b');
    });
});

describe('npm start\'s summary', () => {
    test('a title holding a newline, a forged workflow command and an ANSI escape prints escaped on one line', () => {
        // The summary's heading is the monitor's title: its line break becomes a space in lowering,
        // its escape sequence is shown escaped.
        const titled = MONITOR.replace('title "T"', `title "Kinderen\n${FORGED}\u001b[2J"`);
        const dir = fixture({ '.monitor-root': '', 'data.csv': DATA, 'm.monitor': titled });
        const r = spawnSync(process.execPath, [path.join(ROOT, 'packages/cli/dist/start.js'), '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, MONITOR_LANG: 'en' } });
        expect(r.status).toBe(0);
        expect(r.stdout).toContain(`Kinderen ${FORGED}\\u001b[2J  (m.monitor)`);
        expect(r.stdout).toMatch(/^n\s+2024-Q3\s+1\s/m);
        expect(r.stdout).not.toContain('\u001b');
        for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/^::/);
    });
});
