/** Inputs that once crashed a language stage under fuzzing (test/fuzz-language.test.ts). */
import { describe, expect, test } from 'vitest';
import { runPipeline } from './fuzz/pipeline.js';

describe('fuzz regressions', () => {
    test('an import path with a lone surrogate is an unresolved import, not a validation crash', async () => {
        // Found by `npm run fuzz`: URI.toString() threw "URI malformed" in the import check.
        const outcome = await runPipeline('import "\uD800"\nmonitor m { grain quarter }');
        expect(outcome.errors).toBeGreaterThan(0);
    });

    test('a source path with a lone surrogate does not crash validation', async () => {
        await expect(runPipeline('monitor m { grain quarter }\nsource s from "da\uDC00ta.csv" { table columns { a text } }')).resolves.toBeDefined();
    });

    test('an empty import path is an unresolved import, and indicators still need a monitor header', async () => {
        // Found by `npm run fuzz` (100,000 runs): `import ""` hid the missing header, and planning threw.
        const outcome = await runPipeline('import ""\n\nindicator a {\nvalue 0\n}');
        expect(outcome.errors).toBeGreaterThan(0);
        expect(outcome.planned).toBeNull();
    });

    test('a NUL character in a filter value is a diagnostic, not a planner error', async () => {
        // Found by `npm run fuzz`: the compiler refused the literal after validation had passed.
        const text = 'monitor m { title "m" grain quarter range 2024-Q1 .. 2024-Q4 privacy none "test" }\n'
            + 'source s from "s.csv" { events on datum columns { datum date soort text } }\n'
            + 'indicator a { value count from s where soort = "\u0000verblijf" desired down }';
        const outcome = await runPipeline(text);
        expect(outcome.errors).toBeGreaterThan(0);
        expect(outcome.planned).toBeNull();
    });
});
