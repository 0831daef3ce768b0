/**
 * The compiler's `periods` CTE is worked out in SQL from period ordinals; on DuckDB it must list
 * exactly the periods of `monitorPeriods` (labels, first and last days, ordinals) for every grain.
 */
import { monitorPeriods, periodsCte } from '@monitor/compiler';
import type { Grain, MonitorIR } from '@monitor/ir';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../src/create-node-engine.js';

const engine = await createNodeEngine();
afterAll(() => engine.close());

const monitor = (from: string, to: string): MonitorIR => ({
    name: 'm', title: null, owner: null, description: null, grain: 'month', range: { from, to }, privacy: null,
    span: { uri: 'test://periods', offset: 0, length: 1 },
});

describe('periods in SQL', () => {
    const cases: [Grain, string, string][] = [
        ['year', '1999', '2025'],
        ['half-year', '2019-H2', '2025-H1'],
        ['quarter', '2019-Q4', '2025-Q1'],
        ['month', '2023-11', '2025-03'],
    ];
    for (const [grain, from, to] of cases) {
        it(`lists the same ${grain} periods as monitorPeriods, across leap years`, async () => {
            const periods = monitorPeriods(monitor(from, to), grain);
            const rows = await engine.query(`WITH ${periodsCte(periods, grain)}
SELECT label, CAST(p_start AS VARCHAR) AS start, CAST(p_end AS VARCHAR) AS "end", CAST(ordinal AS INTEGER) AS ordinal
FROM periods ORDER BY ordinal`);
            expect(rows).toEqual(periods);
        });
    }
});
