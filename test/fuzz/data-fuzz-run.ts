/**
 * What the shards of the fuzzing with data share (test/fuzz-data-generated-N.test.ts and
 * test/fuzz-data-mutated-N.test.ts, issue 15): the number of cases, the seed, the sharding, and one
 * fuzz session per file. Each kind (generated, mutated) is one fast-check property with its own
 * `numRuns` and the same fixed seed; every shard file of a kind generates that property's whole
 * sequence of cases and runs every `shards`-th of them (`shard` = its index modulo `shards`), so the
 * shards of a kind together run exactly the cases of the single property they were split from, and
 * vitest's workers run them side by side (no file much longer than the others). `npm test` runs 2,000 cases (a fifth generated, the rest mutated; a generated
 * case costs some 30 DuckDB queries, about 0.25 s on a quiet core, a mutated one about 0.05 s, as most
 * mutations stop at validation or the data stage); `npm run fuzz` 100,000 (MONITOR_FUZZ_DATA_RUNS).
 * Deterministic: the seed is fixed (15) unless MONITOR_FUZZ_SEED gives another. A failure prints its
 * seed and path; replay that one case with
 * MONITOR_FUZZ_SEED=<seed> MONITOR_FUZZ_PATH=<path> npx vitest run test/fuzz-data-<generated|mutated>-1.test.ts
 * (with a path every shard runs that one case, whichever shard found it).
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

/** Shard files per kind: the mutated cases take about twice as long in all as the generated ones. */
export const SHARDS = { generated: 2, mutated: 3 } as const;

/**
 * Starts one fuzz session for this file (both engines, in `beforeAll`) and returns the function that
 * runs a case on it, or `undefined` for a case of another shard. `total` is the number of cases of the
 * kind, `shard` (0-based) and `shards` pick this file's share: the cases whose index in the property's
 * sequence is `shard` modulo `shards`. Once a case of this shard has failed, every later call runs:
 * those are fast-check's shrinking of the failure, which must see the property's real answer. A replay
 * (`MONITOR_FUZZ_PATH`) runs its one case in every shard. The progress line of a long run (`npm run
 * fuzz`) comes every 1,000 cases this shard ran.
 */
export function fuzzSession(label: string, total: number, shard = 0, shards = 1): (c: DataCase) => Promise<CaseOutcome | undefined> {
    let session: FuzzSession;
    let done = 0;
    let index = 0;
    let failed = false;
    // The config's hang guard (300 s): DuckDB-WASM and native DuckDB start, which on a busy machine is slow.
    beforeAll(async () => { session = await startFuzzSession(); });
    afterAll(async () => { await session?.close(); });
    return async (c) => {
        const mine = failed || PATH !== undefined || index % shards === shard;
        index++;
        if (!mine) return undefined;
        try {
            const outcome = await session.run(c);
            if (++done % 1000 === 0) process.stderr.write(`fuzz-data ${label} ${shard + 1}/${shards}: ${done} of ~${Math.ceil(total / shards)} cases\n`);
            return outcome;
        } catch (error) {
            failed = true;
            throw error;
        }
    };
}
