/** `monitor fmt`: rewrites in place, `--check` lists unformatted files, comments survive. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, monitorInProcess, ROOT } from './cli-helpers.js';

const MESSY = `// kop
monitor m { title "M"  grain quarter
range 2024-Q1..2024-Q4 }
indicator i {value count from s where wijk in("a","b") // waarom
desired down}
`;
const TIDY = `// kop
monitor m {
    title "M"
    grain quarter
    range 2024-Q1 .. 2024-Q4
}

indicator i {
    value count from s where wijk in ("a", "b")  // waarom
    desired down
}
`;

describe('monitor fmt', () => {
    test('--check lists the unformatted files, changes nothing and exits 1', async () => {
        const dir = fixture({ 'a.monitor': MESSY, 'b.monitor': TIDY });
        const r = await monitorInProcess(['fmt', '--check', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('a.monitor\n');
        expect(fs.readFileSync(path.join(dir, 'a.monitor'), 'utf8')).toBe(MESSY);
    });

    test('without --check the files are rewritten in the canonical layout, comments kept', async () => {
        const dir = fixture({ 'a.monitor': MESSY });
        const r = await monitorInProcess(['fmt', 'a.monitor'], dir);
        expect(r.code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'a.monitor'), 'utf8')).toBe(TIDY);
        expect((await monitorInProcess(['fmt', '--check', '.'], dir)).code).toBe(0);
    });

    test('the examples are in the canonical layout: monitor fmt --check examples passes', async () => {
        const r = await monitorInProcess(['fmt', '--check', 'examples'], ROOT);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout + r.stderr).toMatch(/file\(s\) formatted correctly/);
    });

    test('so are the examples a walk skips (.monitor-skip: they read the CBS files), named directly', async () => {
        const skipped = fs.readdirSync(path.join(ROOT, 'examples')).filter(d => fs.existsSync(path.join(ROOT, 'examples', d, '.monitor-skip')));
        expect(skipped).toEqual(expect.arrayContaining(['cbs-almere', 'cbs-gemeenten']));
        // Formatting only parses: the CBS files need not be there.
        const r = await monitorInProcess(['fmt', '--check', ...skipped.map(d => `examples/${d}`)], ROOT);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout + r.stderr).toContain(`${skipped.length} file(s) formatted correctly`);
    });

    test('a formatted copy of every example still passes monitor check', async () => {
        const dir = fixture({});
        fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
        expect((await monitorInProcess(['fmt', 'examples'], dir)).code).toBe(0);
        expect((await monitorInProcess(['fmt', '--check', 'examples'], dir)).code).toBe(0);
        const r = await monitorInProcess(['check', 'examples'], dir);
        expect(r.stdout).toBe('');
        expect(r.code).toBe(0);
    });

    test('a file that does not parse is left alone and reported with its position', async () => {
        const broken = 'indicator x {\n    value count from\n}\n';
        const dir = fixture({ 'x.monitor': broken });
        const r = await monitorInProcess(['fmt', 'x.monitor'], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^x\.monitor:3:1: error syntax-error /m);
        expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
        expect(fs.readFileSync(path.join(dir, 'x.monitor'), 'utf8')).toBe(broken);
    });
});
