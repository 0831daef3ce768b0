/**
 * Fuzzing with data on both engines (issue 15), the mutated half: mutations of the text and the data
 * of generated monitors, run in-process as `monitor check` and `monitor run` would. No case may end in
 * an internal error (the CLI's exit 2), and DuckDB-WASM and native DuckDB must agree. Counts, seed and
 * replay: test/fuzz/data-fuzz-run.ts; the generated half is test/fuzz-data-generated.test.ts.
 */
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { dataCase } from './fuzz/data-monitor.js';
import { mutatedCase } from './fuzz/data-mutations.js';
import { fuzzSession, LIMIT, MUTATED, REPLAY } from './fuzz/data-fuzz-run.js';

const run = fuzzSession('mutated', MUTATED);

describe('fuzzing with data on DuckDB-WASM and native DuckDB', () => {
    test(`${MUTATED} mutated monitors and data files never end in an internal error, and both engines agree`, async () => {
        await fc.assert(fc.asyncProperty(mutatedCase(dataCase), async (c) => { await run(c); }), { numRuns: MUTATED, ...REPLAY });
    }, LIMIT);
});
