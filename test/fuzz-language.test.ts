/**
 * Fuzzing the language: generated and mutated `.monitor` files never make parsing, validation,
 * formatting, lowering or planning throw. `npm test` runs 2,400 cases; `npm run fuzz` 100,000
 * (MONITOR_FUZZ_RUNS). Crashing inputs found this way are kept in fuzz-regressions.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { coherentFile } from './fuzz/coherent-monitor.js';
import { monitorFile, mutated } from './fuzz/monitor-text.js';
import { runPipeline } from './fuzz/pipeline.js';

const TOTAL = Number(process.env.MONITOR_FUZZ_RUNS ?? 2400);
const runs = Math.ceil(TOTAL / 3);
const timeout = Math.max(300_000, runs * 100);

describe('fuzzing parse → validate → format → lower → plan', () => {
    test(`${runs} consistent generated files never make a stage throw, and most reach the planner`, async () => {
        let planned = 0;
        await fc.assert(fc.asyncProperty(coherentFile, async (text) => {
            if ((await runPipeline(text)).planned !== null) planned++;
        }), { numRuns: runs });
        // The generator is only useful when most files get through validation to lowering and planning.
        expect(planned).toBeGreaterThan(runs / 2);
    }, timeout);

    test(`${runs} files over the whole grammar never make a stage throw`, async () => {
        await fc.assert(fc.asyncProperty(monitorFile, async (text) => { await runPipeline(text); }), { numRuns: runs });
    }, timeout);

    test(`${runs} mutated files never make a stage throw`, async () => {
        await fc.assert(fc.asyncProperty(mutated(fc.oneof(coherentFile, monitorFile)), async (text) => { await runPipeline(text); }), { numRuns: runs });
    }, timeout);
});
