/**
 * Fuzzing with data on both engines (issue 15), the generated half: small valid monitors with CSV
 * files, run in-process as `monitor check` and `monitor run` would. A case that validates must compute
 * without an internal error (the CLI's exit 2), and DuckDB-WASM and native DuckDB must give the same
 * data errors and identical rows. Counts, seed and replay: test/fuzz/data-fuzz-run.ts; the mutated half
 * is test/fuzz-data-mutated.test.ts. Bugs found this way are kept in fuzz-data-regressions.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dataCase } from './fuzz/data-monitor.js';
import { fuzzSession, GENERATED, LIMIT, REPLAY } from './fuzz/data-fuzz-run.js';

const run = fuzzSession('generated', GENERATED);

describe('fuzzing with data on DuckDB-WASM and native DuckDB', () => {
    test(`${GENERATED} generated monitors with data compute on both engines with identical rows`, async () => {
        let computed = 0;
        await fc.assert(fc.asyncProperty(dataCase, async (c) => {
            const outcome = await run(c);
            if (outcome.languageErrors.length === 0 && outcome.dataErrors.length === 0) computed++;
        }), { numRuns: GENERATED, ...REPLAY });
        // The generator is only useful when most cases get through validation and the data stage.
        if (!('path' in REPLAY)) expect(computed).toBeGreaterThan(GENERATED * 0.7);
    }, LIMIT);
});
