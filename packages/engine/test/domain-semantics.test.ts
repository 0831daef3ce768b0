/**
 * The social-domain semantics on small hand-made data, each compared with an independently written
 * SQL query: transitions (day N and N+1, overlaps, an end and a restart on one day), stacking with
 * three provisions, durations that never count open episodes, and dimension mappings. With PostgreSQL
 * installed, every comparison also runs the PostgreSQL-dialect plan on a throwaway server (same rows).
 */
import type { ConditionIR, MeasureIR } from '@monitor/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/engine-types.js';
import { engineWith } from './helpers/engine.js';
import { expectMatchesHand, handPeriods, runTotals } from './helpers/compare.js';
import { attachPostgres, detachPostgres } from './helpers/postgres-twin.js';
import { col, indicator, measure, program, source } from './helpers/program.js';

const paden = source('paden', { kind: 'episodes', start: 'begin', end: 'eind', key: 'client' }, [
    col('client', 'text'), col('soort', 'text'), col('begin', 'date'), col('eind', 'date', true), col('wijk', 'text'),
]);
// k1: B starts 30 days after A ends (counts within 30); k2: 31 days (does not); k3: B overlaps A (a
// negative gap never counts) and a second A; k4: three provisions at once; k5: A ends and A starts
// again on the same day; k6: A still open (never ended).
const padenCsv = `client,soort,begin,eind,wijk
k1,A,2023-10-01,2024-03-31,N
k1,B,2024-04-30,,N
k2,A,2023-11-01,2024-03-31,N
k2,B,2024-05-01,2024-08-31,N
k3,A,2024-01-01,2024-02-15,Z
k3,B,2024-02-01,,Z
k3,A,2024-02-10,2024-03-20,Z
k4,A,2024-01-15,2024-06-30,Z
k4,B,2024-02-01,2024-09-30,Z
k4,C,2024-03-01,2024-03-31,Z
k5,A,2024-01-01,2024-02-29,O
k5,A,2024-02-29,2024-06-30,O
k6,A,2024-03-01,,O
`;
const oud = source('wijkindeling', { kind: 'table', key: 'oud' }, [col('oud', 'text'), col('nieuw', 'text')]);
const oudCsv = `oud,nieuw
N,Noord
Z,Zuid
`;

let engine: Engine;
beforeAll(async () => {
    engine = await engineWith([[paden, padenCsv], [oud, oudCsv]]);
    await attachPostgres(engine, [paden, oud]);
});
afterAll(async () => {
    await detachPostgres();
    await engine.close();
});

const soort = (...values: string[]): ConditionIR => ({ kind: 'in', operand: { kind: 'column', ref: { column: 'soort', lookup: null } }, values: values.map((value) => ({ kind: 'text', value })), negated: false });
const COVERED = `pe BETWEEN DATE '2023-10-01' AND DATE '2024-09-30'`;

function compare(m: MeasureIR, value: string, zeroFill = true) {
    const p = program({ sources: [paden, oud], indicators: [indicator('x', m)], range: ['2024-Q1', '2024-Q4'] });
    const hand = `WITH ${handPeriods('quarter', '2024-01-01', '2024-10-01')}
        SELECT period, CASE WHEN ${COVERED} THEN ${zeroFill ? `coalesce((${value}), 0)` : `(${value})`} END AS value FROM hp ORDER BY ps`;
    return expectMatchesHand(engine, p, 'x', hand);
}

const transitions = (within: number, distinct = false): MeasureIR => measure({
    source: 'paden', time: 'ended', filter: soort('A'), transition: { to: soort('A', 'B'), withinDays: within },
    ...(distinct ? { aggregate: 'count-distinct', column: { column: 'client', lookup: null } } : {}),
});
// The hand query: A rows ending in the period with any other row of the client matching B whose start is 0..N days after.
const handTransitions = (within: number, what = 'count(*)') => `SELECT ${what} FROM src_paden a WHERE a.soort = 'A' AND a.eind BETWEEN ps AND pe
    AND EXISTS (SELECT 1 FROM src_paden b WHERE b.client = a.client AND b.soort IN ('A', 'B')
        AND b.begin - a.eind BETWEEN 0 AND ${within} AND NOT (b.begin = a.begin AND b.soort = a.soort))`;

describe('transitions', () => {
    it('counts a B that starts N days after A ends, but not one N+1 days after', async () => {
        await compare(transitions(30), handTransitions(30));
        const { rows } = await runTotals(engine, program({ sources: [paden, oud], indicators: [indicator('x', transitions(30))], range: ['2024-Q1', '2024-Q1'] }), 'x');
        // Q1: k1 (gap 30) and k5 (ends 29 Feb, restarts the same day); not k2 (gap 31), not k3 (overlap), not k6 (open).
        expect(rows.map((r) => r.value)).toEqual([2]);
    });
    it('counts k2 once the window is N+1 days', () => compare(transitions(31), handTransitions(31)));
    it('counts clients instead of episodes with distinct', () => compare(transitions(30, true), handTransitions(30, 'count(DISTINCT a.client)')));
    it('gives the share of A-episodes ended in the period that moved on', async () => {
        const ended = measure({ source: 'paden', time: 'ended', filter: soort('A') });
        const p = program({ sources: [paden, oud], range: ['2024-Q1', '2024-Q4'], indicators: [indicator('s', { kind: 'rate', numerator: transitions(30), denominator: ended, scale: 100, percent: true })] });
        const hand = `WITH ${handPeriods('quarter', '2024-01-01', '2024-10-01')}
            SELECT period, CASE WHEN ${COVERED} THEN 100.0 * (${handTransitions(30)}) / nullif((SELECT count(*) FROM src_paden WHERE soort = 'A' AND eind BETWEEN ps AND pe), 0) END AS value FROM hp ORDER BY ps`;
        await expectMatchesHand(engine, p, 's', hand);
    });
});

describe('stacking', () => {
    const stack = (time: 'active-at-end' | 'active-during', min: number): MeasureIR => measure({
        source: 'paden', time, aggregate: 'count-distinct', column: { column: 'client', lookup: null }, having: { column: { column: 'soort', lookup: null }, min },
    });
    for (const min of [2, 3]) {
        it(`counts clients with ${min} provisions on the last day of the quarter`, () => compare(stack('active-at-end', min),
            `SELECT count(*) FROM (SELECT client FROM src_paden WHERE begin <= pe AND (eind IS NULL OR eind >= pe) GROUP BY client HAVING count(DISTINCT soort) >= ${min})`));
        it(`counts clients with ${min} provisions on any day of the quarter`, () => compare(stack('active-during', min),
            `SELECT count(DISTINCT t.client) FROM generate_series(ps, pe, INTERVAL 1 DAY) AS d(day), src_paden t
               WHERE (SELECT count(DISTINCT u.soort) FROM src_paden u WHERE u.client = t.client
                      AND u.begin <= d.day AND (u.eind IS NULL OR u.eind >= d.day)) >= ${min}`));
    }
    it('does not count an end and a restart of one provision on one day as stacking', async () => {
        const { rows } = await runTotals(engine, program({ sources: [paden, oud], indicators: [indicator('x', stack('active-during', 2))], range: ['2024-Q1', '2024-Q1'] }), 'x');
        // Q1 on any day: k3 (A and B overlap), k4 (three), k1? no (A then B later). k5 restarts A: one provision.
        expect(rows.map((r) => r.value)).toEqual([2]);
    });
});

describe('durations', () => {
    for (const agg of ['median', 'avg'] as const) {
        it(`takes the ${agg} days of episodes ended in the quarter and never counts open ones`, () => compare(
            measure({ source: 'paden', time: 'ended', aggregate: agg, duration: true, isCount: false }),
            `SELECT ${agg}(eind - begin + 1) FROM src_paden WHERE eind BETWEEN ps AND pe`, false));
    }
});

describe('dimension mappings', () => {
    it('translates codes through the mapping table and keeps codes it lacks', async () => {
        const mapped = { name: 'wijk', title: null, span: paden.span, bindings: [{ source: 'paden', column: { column: 'wijk', lookup: null } }],
            mapping: { table: 'wijkindeling', from: 'oud', to: 'nieuw', since: '2024-02-01' } };
        const p = program({ sources: [paden, oud], dimensions: [mapped], range: ['2024-Q1', '2024-Q1'],
            indicators: [indicator('x', measure({ source: 'paden', time: 'active-during' }), { by: ['wijk'] })] });
        const { rows, sql } = await runTotals(engine, p, 'x');
        const hand = await engine.query(`SELECT CASE WHEN begin >= DATE '2024-02-01' THEN coalesce(m.nieuw, wijk) ELSE wijk END AS w, count(*) AS n
            FROM src_paden LEFT JOIN src_wijkindeling m ON m.oud = wijk
            WHERE begin <= DATE '2024-03-31' AND (eind IS NULL OR eind >= DATE '2024-01-01') GROUP BY ALL ORDER BY w`);
        const cells = rows.filter((r) => Object.keys(r.dimensions).length > 0 && r.value !== 0)
            .map((r) => ({ w: r.dimensions.wijk, n: r.value })).sort((a, b) => String(a.w).localeCompare(String(b.w)));
        expect(cells, sql).toEqual(hand.map((h) => ({ w: h.w, n: Number(h.n) })));
        // Z rows starting before 1 February keep the old code, later ones become Zuid; O has no mapping.
        expect(cells.map((c) => c.w)).toEqual(['N', 'O', 'Z', 'Zuid']);
    });
});
