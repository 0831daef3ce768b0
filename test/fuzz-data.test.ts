/**
 * Fuzzing with data on both engines (issue 15): generated monitors with small CSV files, and mutations
 * of them, run in-process as `monitor check` and `monitor run` would. A case that validates must
 * compute without an internal error (the CLI's exit 2), and DuckDB-WASM and native DuckDB must give
 * the same data errors and identical rows. `npm test` runs 2,000 cases; `npm run fuzz` 100,000
 * (MONITOR_FUZZ_DATA_RUNS). A failure prints its seed and path; replay it with
 * MONITOR_FUZZ_SEED=<seed> MONITOR_FUZZ_PATH=<path> npx vitest run test/fuzz-data.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataCase } from './fuzz/data-monitor.js';
import { mutatedCase } from './fuzz/data-mutations.js';
import { startFuzzSession, type FuzzSession } from './fuzz/run-both.js';

const TOTAL = Number(process.env.MONITOR_FUZZ_DATA_RUNS ?? 2000);
const SEED = process.env.MONITOR_FUZZ_SEED === undefined ? undefined : Number(process.env.MONITOR_FUZZ_SEED);
const PATH = process.env.MONITOR_FUZZ_PATH;
const replay = SEED === undefined ? {} : { seed: SEED, ...(PATH ? { path: PATH } : {}) };
let session: FuzzSession;

beforeAll(async () => { session = await startFuzzSession(); }, 60_000);
afterAll(async () => { await session?.close(); });

describe('fuzzing with data on DuckDB-WASM and native DuckDB', () => {
    test(`${Math.ceil(TOTAL / 2)} generated monitors with data compute on both engines with identical rows`, async () => {
        let computed = 0;
        await fc.assert(fc.asyncProperty(dataCase, async (c) => {
            const outcome = await session.run(c);
            if (outcome.languageErrors.length === 0 && outcome.dataErrors.length === 0) computed++;
        }), { numRuns: Math.ceil(TOTAL / 2), ...replay });
        if (SEED === undefined) expect(computed).toBeGreaterThan(TOTAL / 4);
    }, Math.max(600_000, TOTAL * 3_000));

    test(`${Math.floor(TOTAL / 2)} mutated monitors and data files never end in an internal error, and both engines agree`, async () => {
        await fc.assert(fc.asyncProperty(mutatedCase(dataCase), async (c) => { await session.run(c); }), { numRuns: Math.floor(TOTAL / 2), ...replay });
    }, Math.max(600_000, TOTAL * 3_000));
});
