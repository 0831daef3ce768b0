/**
 * `monitor check` never passes what it could not read, parse or analyse (issue 15.2): the files that
 * once crashed the parser gave "0 error(s)" and exit 0, and `run` then refused them. Each is now an
 * error at its place, check exits 1, and `run` refuses them with the same diagnostic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, monitorInProcess, SMALL_DATA, SMALL_MONITOR } from './cli-helpers.js';

const HEAD = SMALL_MONITOR;
const POISONED: Record<string, string> = {
    'parens.monitor': `${HEAD}indicator b { value ${'('.repeat(300)}actief${')'.repeat(300)} }\n`,
    'plus.monitor': `${HEAD}indicator b { value ${Array(5_000).fill('actief').join(' + ')} }\n`,
    'or.monitor': `${HEAD}indicator b { value count from trajecten active at end where ${Array(20_000).fill('wijk = "noord"').join(' or ')} }\n`,
    'literal.monitor': `${HEAD}indicator b { title "${'x'.repeat(5_000_000)}" value count from trajecten active at end }\n`,
    'random.monitor': Array.from({ length: 700_000 }, (_, i) => ['(', 'or', 'a', '+', '"s"', '{'][(i * 7919) % 6]).join(' '),
};
const CODES: Record<string, string> = {
    'parens.monitor': 'too-deeply-nested', 'plus.monitor': 'expression-too-long', 'or.monitor': 'expression-too-long',
    'literal.monitor': 'file-too-large', 'random.monitor': 'file-too-large',
};

describe('check fails loudly on every file it could not read, parse or analyse', () => {
    const dir = fixture({ ...POISONED, 'data/trajecten.csv': SMALL_DATA, 'ok.monitor': SMALL_MONITOR });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('each poisoned file is an error with its code; the healthy one beside them is still checked', async () => {
        const result = await monitorInProcess(['check', '--format', 'json', '.'], dir);
        expect(result.code).toBe(1);
        const found = JSON.parse(result.stdout) as { file: string; code: string; severity: string; line: number }[];
        for (const [file, code] of Object.entries(CODES)) {
            expect(found.filter(d => path.basename(d.file) === file).map(d => `${d.severity} ${d.code}`), file).toContain(`error ${code}`);
        }
        expect(found.filter(d => path.basename(d.file) === 'ok.monitor' && d.severity === 'error')).toEqual([]);
        expect(result.stderr).not.toContain('internal error');
    });

    test('run refuses a poisoned file with the same diagnostic, not an internal error', async () => {
        const result = await monitorInProcess(['run', 'parens.monitor'], dir);
        expect(result.code).toBe(1);
        expect(result.stdout + result.stderr).toContain('too-deeply-nested');
        expect(result.stderr).not.toContain('internal error');
    });

    test('an import that exists but cannot be read is an error on that file, not a silent skip', async () => {
        const imports = fixture({ 'main.monitor': `import "lib.monitor"\n${SMALL_MONITOR}`, 'data/trajecten.csv': SMALL_DATA });
        fs.mkdirSync(path.join(imports, 'lib.monitor'));
        try {
            const result = await monitorInProcess(['check', '--no-data', '--format', 'json', 'main.monitor'], imports);
            expect(result.code).toBe(1);
            const found = JSON.parse(result.stdout) as { file: string; code: string; severity: string }[];
            // A folder where an import should be: refused by the import guard (`import-not-file`, on the
            // import) or, past it, unreadable (`file-unreadable`, on the file) — never a silent skip.
            const refusal = found.find(d => d.code === 'import-not-file' || (d.code === 'file-unreadable' && path.basename(d.file) === 'lib.monitor'));
            expect(refusal).toMatchObject({ severity: 'error' });
        } finally {
            fs.rmSync(imports, { recursive: true, force: true });
        }
    });
});
