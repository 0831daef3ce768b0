/** `monitor fmt`: rewrites in place, `--check` lists unformatted files, comments survive. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, monitor, ROOT } from './cli-helpers.js';

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
    test('--check lists the unformatted files, changes nothing and exits 1', () => {
        const dir = fixture({ 'a.monitor': MESSY, 'b.monitor': TIDY });
        const r = monitor(['fmt', '--check', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('a.monitor\n');
        expect(fs.readFileSync(path.join(dir, 'a.monitor'), 'utf8')).toBe(MESSY);
    });

    test('without --check the files are rewritten in the canonical layout, comments kept', () => {
        const dir = fixture({ 'a.monitor': MESSY });
        const r = monitor(['fmt', 'a.monitor'], dir);
        expect(r.code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'a.monitor'), 'utf8')).toBe(TIDY);
        expect(monitor(['fmt', '--check', '.'], dir).code).toBe(0);
    });

    test('the examples are in the canonical layout: monitor fmt --check examples passes', () => {
        const r = monitor(['fmt', '--check', 'examples'], ROOT);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout + r.stderr).toMatch(/file\(s\) formatted correctly/);
    });

    test('a formatted copy of every example still passes monitor check', () => {
        const dir = fixture({});
        fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
        expect(monitor(['fmt', 'examples'], dir).code).toBe(0);
        expect(monitor(['fmt', '--check', 'examples'], dir).code).toBe(0);
        const r = monitor(['check', 'examples'], dir);
        expect(r.stdout).toBe('');
        expect(r.code).toBe(0);
    }, 180_000);

    test('a file that does not parse is left alone and reported with its position', () => {
        const broken = 'indicator x {\n    value count from\n}\n';
        const dir = fixture({ 'x.monitor': broken });
        const r = monitor(['fmt', 'x.monitor'], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^x\.monitor:3:1: error syntax-error /m);
        expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
        expect(fs.readFileSync(path.join(dir, 'x.monitor'), 'utf8')).toBe(broken);
    });
});
