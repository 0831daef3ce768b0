/**
 * Episodes that list their own periods (PostgreSQL, compiler/src/episode-ordinals.ts) meet exactly the
 * periods the range join meets: the edges of a period, episodes that start before the monitor's range
 * or run past the declared coverage, an end on the day before a period ends.
 * Hand-written SQL on DuckDB, and the same rows on PostgreSQL (helpers/postgres-twin.ts).
 */
import type { Engine } from '../src/engine-types.js';
import type { Grain } from '@monitor/ir';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { engineWith } from './helpers/engine.js';
import { attachPostgres, detachPostgres } from './helpers/postgres-twin.js';
import { expectMatchesHand, handPeriods } from './helpers/compare.js';
import { col, indicator, measure, program, source } from './helpers/program.js';

const zorg = source('zorg', { kind: 'episodes', start: 'begin', end: 'eind', key: 'client' }, [
    col('client', 'text'), col('begin', 'date'), col('eind', 'date', true),
], { coverage: { from: '2022-02-15', to: '2024-08-31' } });

// Periods of the range 2022 .. 2024: the coverage leaves out 2022-Q1 partly (its end is inside, so it
// counts) and 2024-Q3's end (2024-09-30) lies after it.
const zorgCsv = `client,begin,eind
a,2019-05-01,
b,2021-12-31,2022-03-31
c,2022-03-31,2022-03-31
d,2022-04-01,2022-06-29
e,2022-06-30,2022-06-30
g,2024-06-30,2025-01-01
h,2024-09-30,
i,2023-12-31,2024-01-01
j,2020-01-01,2021-12-31
`;

let engine: Engine;
beforeAll(async () => {
    engine = await engineWith([[zorg, zorgCsv]]);
    await attachPostgres(engine, [zorg]);
}, 60_000);
afterAll(async () => {
    await detachPostgres();
    await engine.close();
});

const LAST_START: Record<Grain, string> = { month: '2024-12-01', quarter: '2024-10-01', 'half-year': '2024-07-01', year: '2024-01-01' };

function run(time: 'active-at-end' | 'active-during', grain: Grain, hits: string) {
    const p = program({ sources: [zorg], indicators: [indicator('x', measure({ source: 'zorg', time, aggregate: 'count-distinct', column: { column: 'client', lookup: null } }), { grain })], range: ['2022', '2024'] });
    const hand = `WITH ${handPeriods(grain, '2022-01-01', LAST_START[grain])}
        SELECT period, CASE WHEN pe BETWEEN DATE '2022-02-15' AND DATE '2024-08-31'
            THEN (SELECT count(DISTINCT client) FROM src_zorg WHERE ${hits}) END AS value
        FROM hp ORDER BY ps`;
    return expectMatchesHand(engine, p, 'x', hand);
}

describe('episodes meet the periods they are active in, listed or joined', () => {
    for (const grain of ['month', 'quarter', 'half-year', 'year'] as Grain[]) {
        it(`active at the end of each ${grain}`, () => run('active-at-end', grain, 'begin <= pe AND (eind IS NULL OR eind >= pe)'));
        it(`active during each ${grain}`, () => run('active-during', grain, 'begin <= pe AND (eind IS NULL OR eind >= ps)'));
    }
});
