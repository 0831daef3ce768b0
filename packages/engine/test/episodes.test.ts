import type { Engine } from '../src/engine-types.js';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { engineWith } from './helpers/engine.js';
import { attachPostgres, detachPostgres } from './helpers/postgres-twin.js';
import { expectMatchesHand, handPeriods } from './helpers/compare.js';
import { codes, codesCsv, trajecten, trajectenCsv } from './helpers/fixtures.js';
import { indicator, measure, program } from './helpers/program.js';
import type { Grain, MeasureIR } from '@monitor/ir';

let engine: Engine;
beforeAll(async () => {
    engine = await engineWith([[trajecten, trajectenCsv], [codes, codesCsv]]);
    await attachPostgres(engine, [trajecten, codes]);
});
afterAll(async () => {
    await detachPostgres();
    await engine.close();
});

const verblijf = { kind: 'compare', op: '=', left: { kind: 'column', ref: { column: 'voorziening', lookup: null } }, right: { kind: 'literal', literal: { kind: 'text', value: 'verblijf' } } } as const;
// The derived coverage of trajecten, written out by hand: first start .. last start-or-end.
const COVERED = `pe BETWEEN (SELECT min(begindatum) FROM src_trajecten)
    AND (SELECT max(CASE WHEN einddatum > begindatum THEN einddatum ELSE begindatum END) FROM src_trajecten)`;
const LAST_START: Record<Grain, string> = { month: '2025-06-01', quarter: '2025-04-01', 'half-year': '2025-01-01', year: '2025-01-01' };

function run(m: MeasureIR, grain: Grain, value: string, zeroFill = true) {
    const p = program({ sources: [trajecten, codes], indicators: [indicator('x', m, { grain })], range: ['2023', '2025-Q2'] });
    const hand = `WITH ${handPeriods(grain, '2023-01-01', LAST_START[grain])}
        SELECT period, CASE WHEN ${COVERED} THEN ${zeroFill ? `coalesce((${value}), 0)` : `(${value})`} END AS value FROM hp ORDER BY ps`;
    return expectMatchesHand(engine, p, 'x', hand);
}

describe('episode measures match hand-written SQL', () => {
    for (const grain of ['month', 'quarter', 'half-year', 'year'] as Grain[]) {
        it(`counts episodes active at the end of each ${grain}`, () => run(
            measure({ source: 'trajecten', time: 'active-at-end', filter: verblijf }), grain,
            `SELECT count(*) FROM src_trajecten t WHERE voorziening = 'verblijf' AND begindatum <= pe AND (einddatum IS NULL OR einddatum >= pe)`));
    }
    it('counts distinct clients active during each half-year', () => run(
        measure({ source: 'trajecten', time: 'active-during', aggregate: 'count-distinct', column: { column: 'client_id', lookup: null } }), 'half-year',
        `SELECT count(DISTINCT client_id) FROM src_trajecten WHERE NOT (begindatum > pe OR coalesce(einddatum, DATE '9999-01-01') < ps)`));
    for (const grain of ['month', 'quarter'] as Grain[]) {
        it(`counts episodes started in each ${grain}`, () => run(
            measure({ source: 'trajecten', time: 'started' }), grain,
            `SELECT count(*) FROM src_trajecten WHERE begindatum >= ps AND begindatum <= pe`));
        it(`counts episodes ended in each ${grain} (open episodes never end)`, () => run(
            measure({ source: 'trajecten', time: 'ended' }), grain,
            `SELECT count(*) FROM src_trajecten WHERE einddatum >= ps AND einddatum <= pe`));
    }
    for (const agg of ['median', 'avg', 'min', 'max', 'sum'] as const) {
        it(`takes the ${agg} duration of episodes ended in each quarter`, () => run(
            measure({ source: 'trajecten', time: 'ended', aggregate: agg, duration: true, isCount: false }), 'quarter',
            `SELECT ${agg}(datediff('day', begindatum, einddatum) + 1) FROM src_trajecten WHERE einddatum BETWEEN ps AND pe`, false));
        it(`takes the ${agg} of a column with missing values over active episodes`, () => run(
            measure({ source: 'trajecten', time: 'active-at-end', aggregate: agg, column: { column: 'kosten', lookup: null }, isCount: false }), 'quarter',
            `SELECT ${agg}(kosten) FROM src_trajecten WHERE begindatum <= pe AND (einddatum IS NULL OR einddatum >= pe)`, false));
    }
    it('filters through a lookup table', () => run(
        measure({ source: 'trajecten', time: 'active-at-end', filter: { kind: 'compare', op: '=', left: { kind: 'column', ref: { column: 'voorziening', lookup: { source: 'codes', field: 'groep' } } }, right: { kind: 'literal', literal: { kind: 'text', value: 'zwaar' } } } }), 'quarter',
        `SELECT count(*) FROM src_trajecten t WHERE begindatum <= pe AND (einddatum IS NULL OR einddatum >= pe)
           AND EXISTS (SELECT 1 FROM src_codes c WHERE c.code = t.voorziening AND c.groep = 'zwaar')`));
    it('counts clients with two provisions at the end of the quarter (stacking)', () => run(
        measure({ source: 'trajecten', time: 'active-at-end', aggregate: 'count-distinct', column: { column: 'client_id', lookup: null }, having: { column: { column: 'voorziening', lookup: null }, min: 2 } }), 'quarter',
        `SELECT count(*) FROM (SELECT client_id FROM src_trajecten WHERE begindatum <= pe AND (einddatum IS NULL OR einddatum >= pe)
            GROUP BY client_id HAVING count(DISTINCT voorziening) >= 2)`));
    it('counts clients with two provisions at one moment during the quarter (stacking)', () => run(
        measure({ source: 'trajecten', time: 'active-during', aggregate: 'count-distinct', column: { column: 'client_id', lookup: null }, having: { column: { column: 'voorziening', lookup: null }, min: 2 } }), 'quarter',
        // Every day of the quarter is a candidate moment here: slow, but obviously right.
        `SELECT count(DISTINCT t.client_id) FROM generate_series(ps, pe, INTERVAL 1 DAY) AS d(day), src_trajecten t
           WHERE (SELECT count(DISTINCT u.voorziening) FROM src_trajecten u WHERE u.client_id = t.client_id
                  AND u.begindatum <= d.day AND (u.einddatum IS NULL OR u.einddatum >= d.day)) >= 2`));
    for (const [agg, what] of [['count', 'count(*)'], ['count-distinct', 'count(DISTINCT a.client_id)']] as const) {
        it(`counts transitions from ended episodes to a next one within 90 days (${agg})`, () => run(
            measure({ source: 'trajecten', time: 'ended', aggregate: agg, column: agg === 'count' ? null : { column: 'client_id', lookup: null }, transition: { to: null, withinDays: 90 } }), 'quarter',
            `SELECT ${what} FROM src_trajecten a WHERE a.einddatum BETWEEN ps AND pe AND EXISTS (
                SELECT 1 FROM src_trajecten b WHERE b.client_id = a.client_id
                AND datediff('day', a.einddatum, b.begindatum) BETWEEN 0 AND 90
                AND NOT (b.begindatum = a.begindatum AND b.einddatum IS NOT DISTINCT FROM a.einddatum AND b.voorziening = a.voorziening))`));
    }
});
