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
});
