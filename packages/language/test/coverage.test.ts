/** Every issue code the language stages report has a trigger test, so a new code without a test fails here. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { knownCodes } from '../src/messages.js';

// The data-* codes and 'unsupported-format' are reported by the data stage (reading the files behind
// sources), which lives in other packages and has its own tests there; so are the codes for a file the
// tools could not read or analyse (test/cli-unreadable.test.ts, test/lsp-survival.test.ts), and the
// privacy-cellkey-secret-* codes (the environment's secret, checked before computing:
// packages/server/test/cellkey-secret.test.ts).
const isDataStage = (code: string) => code.startsWith('data-') || ['unsupported-format', 'file-unreadable', 'analysis-failed'].includes(code)
    || code.startsWith('privacy-cellkey-secret-');

/** The codes asserted through `expectCode(result, '<code>', …)` in the test files of this folder. */
function triggeredCodes(): Set<string> {
    const folder = fileURLToPath(new URL('.', import.meta.url));
    const found = new Set<string>();
    for (const file of readdirSync(folder).filter(f => f.endsWith('.test.ts'))) {
        const text = readFileSync(folder + file, 'utf8');
        for (const match of text.matchAll(/expectCode\(\s*\w+\s*,\s*'([a-z-]+)'/g)) found.add(match[1]);
    }
    return found;
}

describe('issue code coverage', () => {
    test('every code of the language stages appears in a trigger test', () => {
        const triggered = triggeredCodes();
        const untested = knownCodes().filter(code => !isDataStage(code) && !triggered.has(code));
        expect(untested).toEqual([]);
    });
    test('every code asserted in a trigger test is a known code', () => {
        const known = new Set(knownCodes());
        expect([...triggeredCodes()].filter(code => !known.has(code))).toEqual([]);
    });
    test('the reference-stage codes are among the known codes', () => {
        expect(knownCodes()).toEqual(expect.arrayContaining(['unknown-source', 'unknown-column', 'unknown-indicator', 'unknown-dimension', 'unknown-import']));
    });
});
