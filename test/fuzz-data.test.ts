/**
 * Fuzzing with data on both engines (issue 15): generated monitors with small CSV files, and mutations
 * of them, run in-process as `monitor check` and `monitor run` would. A case that validates must
 * compute without an internal error (the CLI's exit 2), and DuckDB-WASM and native DuckDB must give
 * the same data errors and identical rows. `npm test` runs 2,000 cases (a fifth generated, the rest
 * mutated; a generated case costs some 30 DuckDB queries, about 0.25 s on a quiet core, a mutated one
 * about 0.05 s, as most mutations stop at validation or the data stage);
 * `npm run fuzz` 100,000 (MONITOR_FUZZ_DATA_RUNS). Deterministic: the seed is fixed (15) unless
 * MONITOR_FUZZ_SEED gives another. A failure prints its seed and path; replay that one case with
 * MONITOR_FUZZ_SEED=<seed> MONITOR_FUZZ_PATH=<path> npx vitest run test/fuzz-data.test.ts -t <generated|mutated>.
 * Bugs found this way are kept in fuzz-data-regressions.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataCase, type DataCase } from './fuzz/data-monitor.js';
import { mutatedCase } from './fuzz/data-mutations.js';
import { startFuzzSession, type CaseOutcome, type FuzzSession } from './fuzz/run-both.js';

const TOTAL = Number(process.env.MONITOR_FUZZ_DATA_RUNS ?? 2000);
const GENERATED = Math.ceil(TOTAL / 5);
const MUTATED = TOTAL - GENERATED;
const SEED = Number(process.env.MONITOR_FUZZ_SEED ?? 15);
const PATH = process.env.MONITOR_FUZZ_PATH;
const replay = { seed: SEED, ...(PATH ? { path: PATH } : {}) };
// No time limit that could leave a property running beside the next one: the session is the bound.
const LIMIT = 24 * 3_600_000;
let session: FuzzSession;
let done = 0;

beforeAll(async () => { session = await startFuzzSession(); }, 60_000);
afterAll(async () => { await session?.close(); });

/** Runs one case; a long run (`npm run fuzz`) says how far it got every 1,000 cases. */
async function run(c: DataCase): Promise<CaseOutcome> {
    const outcome = await session.run(c);
    if (++done % 1000 === 0) process.stderr.write(`fuzz-data: ${done} of ${TOTAL} cases\n`);
    return outcome;
}

describe('fuzzing with data on DuckDB-WASM and native DuckDB', () => {
    test(`${GENERATED} generated monitors with data compute on both engines with identical rows`, async () => {
        let computed = 0;
        await fc.assert(fc.asyncProperty(dataCase, async (c) => {
            const outcome = await run(c);
            if (outcome.languageErrors.length === 0 && outcome.dataErrors.length === 0) computed++;
        }), { numRuns: GENERATED, ...replay });
        // The generator is only useful when most cases get through validation and the data stage.
        if (!PATH) expect(computed).toBeGreaterThan(GENERATED * 0.7);
    }, LIMIT);

    test(`${MUTATED} mutated monitors and data files never end in an internal error, and both engines agree`, async () => {
        await fc.assert(fc.asyncProperty(mutatedCase(dataCase), async (c) => { await run(c); }), { numRuns: MUTATED, ...replay });
    }, LIMIT);
});
