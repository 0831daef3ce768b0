/** `monitor check` for CI: GitHub annotations, SARIF 2.1.0, --strict, --max-warnings, many files. */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { escapeData, escapeProperty } from '../packages/cli/src/formats/github-annotations.js';
import { fixture, monitorInProcess, ROOT, SMALL_DATA, SMALL_MONITOR } from './cli-helpers.js';

/** Two errors (one in a file whose name needs escaping) and one warning. */
function findings(): string {
    return fixture({
        'klein.monitor': SMALL_MONITOR.replace('from trajecten active', 'from trajectn active').replace('title "Klein"', 'title "Klein"\n    title "Twee keer"'),
        'a,b: c.monitor': SMALL_MONITOR.replace('count from trajecten', 'count distinct client_idd from trajecten'),
        'data/trajecten.csv': SMALL_DATA,
    });
}

interface Annotation { command: string; props: Record<string, string>; message: string }

/** Parses workflow command lines back the way the Actions runner reads them. */
function parseAnnotations(stdout: string): Annotation[] {
    const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    return stdout.trim().split('\n').map(line => {
        const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
        expect(m, line).not.toBeNull();
        const props = Object.fromEntries(m![2].split(',').map(p => {
            const at = p.indexOf('=');
            return [p.slice(0, at), unescape(p.slice(at + 1))];
        }));
        return { command: m![1], props, message: unescape(m![3]) };
    });
}

describe('monitor check --format github', () => {
    test('escaping follows the runner: % in messages, and : , in properties too; CR LF and ANSI escapes made visible', async () => {
        expect(escapeData('50% a\r\nb: c, d\u001b[31m')).toBe('50%25 a\\r\\nb: c, d\\u001b[31m');
        expect(escapeProperty('50% a\r\nb: c, d')).toBe('50%25 a\\r\\nb%3A c%2C d');
    });

    test('annotation lines parse back to the same findings as --format json', async () => {
        const dir = findings();
        const github = await monitorInProcess(['check', '--format', 'github', '.'], dir);
        const json = JSON.parse((await monitorInProcess(['check', '--format', 'json', '.'], dir)).stdout) as Array<Record<string, string | number>>;
        expect(github.code).toBe(1);
        const parsed = parseAnnotations(github.stdout);
        expect(parsed).toHaveLength(json.length);
        expect(parsed.map(a => a.props.file)).toContain('a,b: c.monitor');
        parsed.forEach((a, i) => {
            const d = json[i];
            expect(a.command).toBe(d.severity === 'info' ? 'notice' : d.severity);
            expect(a.props).toEqual({
                file: path.relative(dir, String(d.file)), line: String(d.line), col: String(d.column),
                endLine: String(d.endLine), endColumn: String(d.endColumn), title: d.code,
            });
            expect(a.message).toBe(d.message);
        });
        expect(parsed.map(a => a.props.title)).toEqual(expect.arrayContaining(['unknown-source', 'unknown-column', 'duplicate-property']));
    });
});

describe('monitor check --format sarif', () => {
    test('the log is valid against the SARIF 2.1.0 schema and carries rules, levels and regions', async () => {
        const dir = findings();
        const r = await monitorInProcess(['check', '--format', 'sarif', '.'], dir);
        expect(r.code).toBe(1);
        const log = JSON.parse(r.stdout);
        // The official schema as shipped in @microsoft/jest-sarif (draft-04; ajv reads it without its $schema line).
        const schemaFile = path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
        const { $schema: _draft, id, ...schema } = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
        const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false }).compile({ $id: id, ...schema });
        expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
        expect(validate({ ...log, version: '2.0.0' })).toBe(false);

        const run = log.runs[0];
        expect(run.tool.driver).toMatchObject({ name: 'monitor', version: expect.stringMatching(/^\d+\.\d+\.\d+$/), informationUri: expect.any(String) });
        const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
        expect(ruleIds).toEqual(['duplicate-property', 'unknown-column', 'unknown-source']);
        for (const rule of run.tool.driver.rules) {
            expect(rule.shortDescription.text.length).toBeGreaterThan(5);
            expect(rule.help.text).not.toContain('undefined');
        }
        const json = JSON.parse((await monitorInProcess(['check', '--format', 'json', '.'], dir)).stdout) as Array<Record<string, string | number>>;
        expect(run.results).toHaveLength(json.length);
        run.results.forEach((res: Record<string, any>, i: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON
            const d = json[i];
            expect(res.ruleId).toBe(d.code);
            expect(ruleIds[res.ruleIndex]).toBe(d.code);
            expect(res.level).toBe(d.severity === 'info' ? 'note' : d.severity);
            const loc = res.locations[0].physicalLocation;
            expect(decodeURIComponent(loc.artifactLocation.uri)).toBe(path.relative(dir, String(d.file)));
            expect(loc.region).toEqual({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
        });
    });
});

describe('monitor check exit codes', () => {
    const warningOnly = () => fixture({
        'klein.monitor': SMALL_MONITOR.replace('title "Klein"', 'title "Klein"\n    title "Twee keer"'),
        'data/trajecten.csv': SMALL_DATA,
    });

    test('a warning alone exits 0, and 1 under --strict', async () => {
        const dir = warningOnly();
        const plain = await monitorInProcess(['check', '.'], dir);
        expect(plain.stdout).toContain('warning duplicate-property');
        expect(plain.code).toBe(0);
        expect((await monitorInProcess(['check', '--strict', '.'], dir)).code).toBe(1);
    });

    test('--max-warnings fails only above the limit', async () => {
        const dir = warningOnly();
        expect((await monitorInProcess(['check', '--max-warnings', '0', '.'], dir)).code).toBe(1);
        expect((await monitorInProcess(['check', '--max-warnings', '1', '.'], dir)).code).toBe(0);
    });

    test('a bad --max-warnings or --format is a usage error with exit code 2', async () => {
        const dir = warningOnly();
        const bad = await monitorInProcess(['check', '--max-warnings', 'veel', '.'], dir);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('--max-warnings');
        expect((await monitorInProcess(['check', '--format', 'xml', '.'], dir)).code).toBe(2);
    });

    test('no progress line when stderr is not a terminal', async () => {
        const r = await monitorInProcess(['check', '.'], warningOnly());
        expect(r.stderr).not.toContain('\r');
        expect(r.stderr).not.toContain('\x1b[K');
    });
});

describe('monitor check on many files', () => {
    test('2,000 monitors sharing one source file are all checked and counted', async () => {
        const files: Record<string, string> = {
            // The project root: the monitors in m/ import one level up (the default root is the nearest .git or .monitor-root).
            '.monitor-root': '',
            'data/t.csv': 'client_id,begindatum,einddatum,wijk\na,2024-01-01,,noord\nb,2024-02-01,2024-05-01,zuid\n',
            'gedeeld.monitor': `source trajecten from "data/t.csv" {
    episodes start begindatum end einddatum key client_id
    columns { client_id text  begindatum date  einddatum date?  wijk text }
}
dimension wijk { trajecten.wijk }
`,
        };
        for (let i = 1; i <= 2000; i++) {
            files[`m/m${i}.monitor`] = `import "../gedeeld.monitor"\nmonitor m${i} { grain quarter range 2024-Q1 .. 2024-Q4 privacy { minimum 10 round 5 } }\n`
                + `indicator actief { value count from trajecten active at end${i === 1500 ? ' where wyk = "x"' : ''} desired down by wijk }\n`;
        }
        const dir = fixture(files);
        const r = await monitorInProcess(['check', '.'], dir);
        expect(r.stderr).toContain('2001 file(s) checked: 1 error(s), 0 warning(s).');
        expect(r.stdout).toMatch(/^m\/m1500\.monitor:3:\d+: error /);
        expect(r.code).toBe(1);
    }, 300_000);
});
