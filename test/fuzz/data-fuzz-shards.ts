/**
 * The two properties of the fuzzing with data on both engines (issue 15), as shard files run them:
 * generated cases (small valid monitors with CSV files) and mutated ones (edits of their text and
 * data), run in-process as `monitor check` and `monitor run` would. No case may end in an internal
 * error (the CLI's exit 2), and DuckDB-WASM and native DuckDB must give the same data errors and
 * identical rows. Each test/fuzz-data-<kind>-N.test.ts calls one of these with its shard; counts, seed,
 * sharding and replay: data-fuzz-run.ts. Bugs found this way are kept in fuzz-data-regressions.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dataCase } from './data-monitor.js';
import { mutatedCase } from './data-mutations.js';
import { fuzzSession, GENERATED, LIMIT, MUTATED, REPLAY, SHARDS } from './data-fuzz-run.js';

/** Registers shard `shard` (0-based) of the generated cases. */
export function generatedShard(shard: number): void {
    const shards = SHARDS.generated;
    const run = fuzzSession('generated', GENERATED, shard, shards);
    describe(`fuzzing with data on DuckDB-WASM and native DuckDB (generated, shard ${shard + 1} of ${shards})`, () => {
        test(`generated monitors with data, cases ${which(shard, shards, GENERATED)}: compute on both engines with identical rows`, async () => {
            let ran = 0;
            let computed = 0;
            await fc.assert(fc.asyncProperty(dataCase, async (c) => {
                const outcome = await run(c);
                if (!outcome) return;
                ran++;
                if (outcome.languageErrors.length === 0 && outcome.dataErrors.length === 0) computed++;
            }), { numRuns: GENERATED, ...REPLAY });
            // The generator is only useful when most cases get through validation and the data stage.
            if (!('path' in REPLAY)) {
                expect(ran).toBe(Math.floor((GENERATED - 1 - shard) / shards) + 1);
                expect(computed).toBeGreaterThan(ran * 0.7);
            }
        }, LIMIT);
    });
}

/** Registers shard `shard` (0-based) of the mutated cases. */
export function mutatedShard(shard: number): void {
    const shards = SHARDS.mutated;
    const run = fuzzSession('mutated', MUTATED, shard, shards);
    describe(`fuzzing with data on DuckDB-WASM and native DuckDB (mutated, shard ${shard + 1} of ${shards})`, () => {
        test(`mutated monitors and data files, cases ${which(shard, shards, MUTATED)}: never an internal error, and both engines agree`, async () => {
            let ran = 0;
            await fc.assert(fc.asyncProperty(mutatedCase(dataCase), async (c) => { if (await run(c)) ran++; }), { numRuns: MUTATED, ...REPLAY });
            if (!('path' in REPLAY)) expect(ran).toBe(Math.floor((MUTATED - 1 - shard) / shards) + 1);
        }, LIMIT);
    });
}

/** The 1-based case numbers of a shard, as a test name shows them: "2, 5, 8, … of 1600". */
function which(shard: number, shards: number, total: number): string {
    return `${shard + 1}, ${shard + 1 + shards}, ${shard + 1 + 2 * shards}, … of ${total}`;
}
