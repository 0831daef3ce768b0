/**
 * Monitors that validated and then ended in an internal error (the CLI's exit 2) or in different rows
 * on the two engines, found by test/fuzz-data-generated-N.test.ts and test/fuzz-data-mutated-N.test.ts; each runs on DuckDB-WASM and native DuckDB
 * through the fuzz session and its numbers are checked by hand.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFuzzSession, type FuzzSession } from './fuzz/run-both.js';

let session: FuzzSession;
beforeAll(async () => { session = await startFuzzSession(); });
afterAll(async () => { await session?.close(); });

const HEADER = `monitor m {
    title "T"
    grain quarter
    range 2024-Q1 .. 2024-Q2  privacy none "test data"
}
`;
const totals = (rows: { indicator: string; period: string; dimensions: object; value: number | null; series: string }[], indicator: string) =>
    rows.filter((r) => r.indicator === indicator && r.series === 'actual' && Object.keys(r.dimensions).length === 0).map((r) => `${r.period}=${r.value}`);

describe('fuzz regressions with data', () => {
    test('transitions on a source with a derived column compute (the row id is kept)', async () => {
        // c1: A ends 2024-02-10, B starts 10 days later (a transition in Q1); c2: B starts 61 days after A (none).
        const data = 'id,zorg,begin,eind\nc1,A,2024-01-05,2024-02-10\nc1,B,2024-02-20,\nc2,A,2024-01-10,2024-03-01\nc2,B,2024-05-01,\n';
        const text = `${HEADER}source ep from "data/ep.csv" {
    episodes start begin end eind key id
    coverage 2024-01-01 .. 2024-06-30
    columns {
        id text  zorg text  begin date  eind date?
        soort text = trim(zorg)
    }
}
indicator door { value transitions from ep where soort = "A" to where soort = "B" within 30 days desired up }
indicator door_klant { value transitions distinct id from ep where zorg = "A" to where zorg = "B" within 90 days desired up }
`;
        const outcome = await session.run({ text, files: { 'data/ep.csv': data } });
        expect(outcome.languageErrors).toEqual([]);
        expect(outcome.dataErrors).toEqual([]);
        expect(totals(outcome.rows, 'door')).toEqual(['2024-Q1=1', '2024-Q2=0']);
        // Within 90 days both clients move on: c1 and c2 (61 days), both A episodes ended in Q1.
        expect(totals(outcome.rows, 'door_klant')).toEqual(['2024-Q1=2', '2024-Q2=0']);
    });
});
