/**
 * The benchmark compares each generated query of examples/jeugd with an analyst's own SQL
 * (bench/hand-queries.mjs) and reports "same rows". This keeps that claim true in CI: on the real
 * example data, in DuckDB-WASM, every hand-written query returns exactly the generated query's rows —
 * every quarter of the range, covered or not, every cell and total. It is also an independent SQL
 * check of the five indicators, including the open episodes, the provisional 2025 rows, the quarters
 * past the data's coverage and the population snapshot that is valid for a year.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planIndicators } from '@monitor/compiler';
import { createNodeEngine, type Engine } from '@monitor/engine';
import { ROOT } from './cli-helpers.js';
import { exampleProgram } from './example-program.js';
// @ts-expect-error -- a plain .mjs module of the benchmark, without type declarations
import { HAND_QUERIES, keyedRows } from '../bench/hand-queries.mjs';

const hand = HAND_QUERIES as Record<string, string>;
const keyed = keyedRows as (rows: unknown[]) => string[];

describe('the benchmark\'s hand-written queries for examples/jeugd', () => {
    let engine: Engine;
    let queries: { indicator: string; sql: string }[];
    beforeAll(async () => {
        const { program, files } = await exampleProgram(path.join(ROOT, 'examples/jeugd/jeugd.monitor'));
        engine = await createNodeEngine();
        for (const f of files) {
            const issues = await engine.loadSource(program.sources.find((s) => s.name === f.source)!, f.bytes);
            expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
        }
        await engine.lock();
        queries = planIndicators(program).indicators.filter((ip) => ip.query).map((ip) => ({ indicator: ip.indicator, sql: ip.query!.sql }));
    });
    afterAll(async () => { await engine?.close(); });

    test('there is one for every computed indicator', () => {
        expect(queries.map((q) => q.indicator).sort()).toEqual(Object.keys(hand).sort());
    });
    test.each(Object.keys(hand))('%s: the same rows as the generated query', async (name) => {
        const generated = await engine.query(queries.find((q) => q.indicator === name)!.sql);
        const written = await engine.query(hand[name]);
        // 32 quarters (2019-Q1 .. 2026-Q4); verblijf also has a row per wijk.
        expect(generated.length).toBeGreaterThanOrEqual(32);
        expect(generated.some((r) => r.covered === false)).toBe(true);
        expect(keyed(written)).toEqual(keyed(generated));
    });
});
