import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, monitor, monitorInProcess, ROOT, SMALL_DATA, SMALL_MONITOR } from './cli-helpers.js';

describe('monitor --help and --version', () => {
    test('--version prints the package version', () => {
        const r = monitor(['--version']);
        expect(r.code).toBe(0);
        expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    });

    test('each command has --help', async () => {
        for (const command of ['check', 'run']) {
            const r = await monitorInProcess([command, '--help']);
            expect(r.code).toBe(0);
            expect(r.stdout).toContain(`Usage: monitor ${command}`);
        }
    });

    test('an unknown command is a usage error with exit code 2 and no stack trace', () => {
        const r = monitor(['frobnicate']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain("Unknown command 'frobnicate'");
        expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    });

    test('an unknown option is a usage error', async () => {
        const r = await monitorInProcess(['check', '--colour', 'examples']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('--colour');
    });
});

describe('monitor check', () => {
    test('the examples pass with exit code 0', async () => {
        const r = await monitorInProcess(['check', 'examples']);
        expect(r.stdout).toBe('');
        expect(r.code).toBe(0);
    });

    test('a copy of the jeugd example with a typo in a column name exits 1 and names the line', async () => {
        const dir = fixture({});
        fs.cpSync(path.join(ROOT, 'examples/jeugd'), dir, { recursive: true });
        const file = path.join(dir, 'jeugd.monitor');
        const text = fs.readFileSync(file, 'utf8');
        const at = text.indexOf('voorziening =');
        expect(at).toBeGreaterThan(0);
        fs.writeFileSync(file, text.slice(0, at) + 'voorzienig =' + text.slice(at + 'voorziening ='.length));
        const line = text.slice(0, at).split('\n').length;
        const r = await monitorInProcess(['check', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(new RegExp(`jeugd\\.monitor:${line}:\\d+: error unknown-column .*'voorzienig'`));
    });

    test('a typo in a column name fails with the line, the code and a suggestion', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR.replace('count from trajecten active at end', 'count distinct client_idd from trajecten active at end'), 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['check', '.'], dir);
        expect(r.code).toBe(1);
        const line = SMALL_MONITOR.split('\n').findIndex(l => l.includes('count from trajecten')) + 1;
        expect(r.stdout).toContain(`klein.monitor:${line}:26: error unknown-column`);
        expect(r.stdout).toContain("Did you mean 'client_id'?");
    });

    test('--format json gives positions, severity, code and message', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR.replace('from trajecten active', 'from trajectn active'), 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['check', '--format', 'json', 'klein.monitor'], dir);
        expect(r.code).toBe(1);
        const [first] = JSON.parse(r.stdout);
        const lines = SMALL_MONITOR.split('\n');
        const line = lines.findIndex(l => l.includes('from trajecten active')) + 1;
        const column = lines[line - 1].indexOf('trajecten active') + 1;
        expect(first).toMatchObject({ severity: 'error', code: 'unknown-source', line, column, endLine: line, endColumn: column + 'trajectn'.length });
        expect(first.file.endsWith('klein.monitor')).toBe(true);
    });

    test('the data stage reports a column missing from the real file', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR, 'data/trajecten.csv': SMALL_DATA.replace('wijk', 'buurt') });
        const r = await monitorInProcess(['check', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/klein\.monitor:\d+:\d+: error data-missing-column .*wijk/);
    });

    test('--no-data skips the data stage', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR });
        expect((await monitorInProcess(['check', '.'], dir)).code).toBe(1);
        expect((await monitorInProcess(['check', '--no-data', '.'], dir)).code).toBe(0);
    });

    test('a missing data file is an error at the path', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR, 'data/trajecten.cs': SMALL_DATA });
        const r = await monitorInProcess(['check', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/klein\.monitor:6:\d+: error data-file-missing .*Did you mean 'data\/trajecten\.cs'\?/);
    });

    test('a data path leaving the workspace is refused', async () => {
        const dir = fixture({ 'ws/klein.monitor': SMALL_MONITOR.replace('"data/trajecten.csv"', '"../data/trajecten.csv"'), 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['check', '.'], path.join(dir, 'ws'));
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('error data-path-outside');
    });
});

describe('monitor run', () => {
    test('computes the rows with targets and status', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR, 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['run', 'klein.monitor'], dir);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
        const total = (period: string) => rows.find(x => x.period === period && x.wijk === undefined && x.series === 'actual');
        // Active on 31 Mar: a, b, c. On 30 Jun: a (ends that day), b. On 30 Sep and 31 Dec: b, d.
        expect([total('2024-Q1')?.value, total('2024-Q2')?.value, total('2024-Q3')?.value, total('2024-Q4')?.value]).toEqual([3, 2, 2, 2]);
        expect(total('2024-Q4')).toMatchObject({ target: 2, status: 'on-track', suppressed: false });
        const noord = rows.find(x => x.period === '2024-Q1' && x.wijk === 'noord');
        expect(noord?.value).toBe(2);
    });

    test('--format csv has a header and the breakdown column', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR, 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['run', 'klein.monitor', '--format', 'csv', '--indicator', 'actief'], dir);
        expect(r.code).toBe(0);
        const [header, ...lines] = r.stdout.trim().split('\n');
        expect(header).toBe('indicator,series,period,wijk,wijk_label,value,numerator,denominator,target,status,suppressed,provisional');
        // No baseline: the absolute target is a flat line over every period.
        expect(lines).toContain('actief,actual,2024-Q1,,,3,3,,2,off-track,false,');
    });

    test('a file with errors is not computed: diagnostics and exit code 1', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR.replace('desired down', 'desired sideways'), 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['run', 'klein.monitor'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/klein\.monitor:\d+:\d+: error/);
    });

    test('sources and dimensions come from an imported file', async () => {
        const [header, ...rest] = SMALL_MONITOR.split('\n');
        const shared = rest.join('\n').split('indicator actief')[0].replace(/^[^]*?(source trajecten)/, '$1');
        const main = `import "gedeeld/bronnen.monitor"\n${header}\n${SMALL_MONITOR.split('\n').slice(1, 5).join('\n')}\n` +
            'indicator actief' + SMALL_MONITOR.split('indicator actief')[1];
        const dir = fixture({ 'klein.monitor': main, 'gedeeld/bronnen.monitor': shared.replace('"data/', '"../data/'), 'data/trajecten.csv': SMALL_DATA });
        const check = await monitorInProcess(['check', 'klein.monitor'], dir);
        expect(check.stdout).toBe('');
        expect(check.code).toBe(0);
        const r = await monitorInProcess(['run', 'klein.monitor'], dir);
        expect(r.code).toBe(0);
        const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
        expect(rows.find(x => x.period === '2024-Q1' && x.wijk === undefined)?.value).toBe(3);
    });

    test('--out writes the rows to a file', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR, 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['run', 'klein.monitor', '--out', 'rows.json'], dir);
        expect(r.code).toBe(0);
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'rows.json'), 'utf8')).length).toBeGreaterThan(0);
    });

    test('an unknown --indicator is a usage error', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR, 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['run', 'klein.monitor', '--indicator', 'nope'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain("There is no indicator 'nope'");
    });
});

test('the repository root holds the examples the CLI tests use', async () => {
    expect(fs.existsSync(path.join(ROOT, 'examples'))).toBe(true);
});

test('an in-process run with --lang nl leaves the diagnostics in English for the tests after it', async () => {
    const { getLocale } = await import('@monitor/language/messages');
    const dir = fixture({ 'm.monitor': SMALL_MONITOR.replace('indicator', 'indicatr'), 'data/trajecten.csv': SMALL_DATA });
    const r = await monitorInProcess(['check', '--no-data', '--lang', 'nl', 'm.monitor'], dir);
    expect(r.stdout + r.stderr).toMatch(/Verwacht/);
    // The test files share their worker's process: a Dutch locale left behind made English assertions fail.
    expect(getLocale()).toBe('en');
});
