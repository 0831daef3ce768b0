/**
 * What the two halves of the fuzzing with data share (test/fuzz-data-generated.test.ts and
 * test/fuzz-data-mutated.test.ts, issue 15): the number of cases, the seed, and one fuzz session per
 * file. Two files so that vitest's two workers run the halves side by side; each half is one fast-check
 * property with its own `numRuns` and the same fixed seed, so the cases are those of the single file
 * they were split from. `npm test` runs 2,000 cases (a fifth generated, the rest mutated; a generated
 * case costs some 30 DuckDB queries, about 0.25 s on a quiet core, a mutated one about 0.05 s, as most
 * mutations stop at validation or the data stage); `npm run fuzz` 100,000 (MONITOR_FUZZ_DATA_RUNS).
 * Deterministic: the seed is fixed (15) unless MONITOR_FUZZ_SEED gives another. A failure prints its
 * seed and path; replay that one case with
 * MONITOR_FUZZ_SEED=<seed> MONITOR_FUZZ_PATH=<path> npx vitest run test/fuzz-data-<generated|mutated>.test.ts.
 */
import { afterAll, beforeAll } from 'vitest';
import type { DataCase } from './data-monitor.js';
import { startFuzzSession, type CaseOutcome, type FuzzSession } from './run-both.js';

const TOTAL = Number(process.env.MONITOR_FUZZ_DATA_RUNS ?? 2000);
/** Generated cases: a fifth of all. */
export const GENERATED = Math.ceil(TOTAL / 5);
/** Mutated cases: the rest. */
export const MUTATED = TOTAL - GENERATED;
const PATH = process.env.MONITOR_FUZZ_PATH;
/** The fast-check options that fix the cases: the seed, and the path of one case to replay. */
export const REPLAY = { seed: Number(process.env.MONITOR_FUZZ_SEED ?? 15), ...(PATH ? { path: PATH } : {}) };
/** No time limit that could leave a property running beside the next one: the session is the bound. */
export const LIMIT = 24 * 3_600_000;

/**
 * Starts one fuzz session for this file (both engines, in `beforeAll`) and returns the function that
 * runs a case on it; `total` is the number of cases this file runs, for the progress line a long run
 * (`npm run fuzz`) prints every 1,000 cases.
 */
export function fuzzSession(label: string, total: number): (c: DataCase) => Promise<CaseOutcome> {
    let session: FuzzSession;
    let done = 0;
    // The config's hang guard (300 s): DuckDB-WASM and native DuckDB start, which on a busy machine is slow.
    beforeAll(async () => { session = await startFuzzSession(); });
    afterAll(async () => { await session?.close(); });
    return async (c) => {
        const outcome = await session.run(c);
        if (++done % 1000 === 0) process.stderr.write(`fuzz-data ${label}: ${done} of ${total} cases\n`);
        return outcome;
    };
}
