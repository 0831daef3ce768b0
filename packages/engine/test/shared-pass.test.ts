/**
 * A share whose numerator and denominator read the same source by the same time meaning is counted
 * in one pass (each aggregate filtered to its own rows); it must give exactly the numbers of the two
 * measures computed on their own.
 */
import { explainSql, planIndicators } from '@monitor/compiler';
import type { ConditionIR, ResultRow } from '@monitor/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/engine-types.js';
import { executePlan } from '../src/execute-plan.js';
import { engineWith } from './helpers/engine.js';
import { trajecten, trajectenCsv } from './helpers/fixtures.js';
import { dimension, indicator, measure, program } from './helpers/program.js';

let engine: Engine;
beforeAll(async () => { engine = await engineWith([[trajecten, trajectenCsv]]); });
afterAll(async () => { await engine.close(); });

const verblijf: ConditionIR = {
    kind: 'compare', op: '=', left: { kind: 'column', ref: { column: 'voorziening', lookup: null } },
    right: { kind: 'literal', literal: { kind: 'text', value: 'verblijf' } },
};
const clients = measure({ source: 'trajecten', time: 'active-during', aggregate: 'count-distinct', column: { column: 'client_id', lookup: null }, filter: verblijf });
const costs = measure({ source: 'trajecten', time: 'active-during', aggregate: 'sum', column: { column: 'kosten', lookup: null } });
const wijk = dimension('wijk', [['trajecten', 'wijk']]);

const cell = (r: ResultRow) => `${r.period} ${JSON.stringify(r.dimensions)}`;
const byCell = (rows: ResultRow[], name: string) => new Map(rows.filter((r) => r.indicator === name).map((r) => [cell(r), r]));

describe('a share of one source', () => {
    it('counts numerator and denominator in one pass with the numbers of each measure alone', async () => {
        const p = program({
            sources: [trajecten], dimensions: [wijk], range: ['2023-Q1', '2024-Q4'],
            indicators: [
                indicator('share', { kind: 'rate', numerator: clients, denominator: costs, scale: 100, percent: true }, { by: ['wijk'] }),
                indicator('clients', clients, { by: ['wijk'] }),
                indicator('costs', costs, { by: ['wijk'] }),
            ],
        });
        const plan = planIndicators(p);
        const sql = explainSql(plan, 'share');
        expect(sql.match(/FROM "src_trajecten" AS "s"/g), sql).toHaveLength(1);
        expect(sql).toContain('FILTER (WHERE n_in)');
        const rows = await executePlan(engine, plan);
        const share = byCell(rows, 'share');
        const alone = { n: byCell(rows, 'clients'), d: byCell(rows, 'costs') };
        expect(share.size).toBe(8 * 5);
        for (const [key, r] of share) {
            const n = alone.n.get(key)!;
            const d = alone.d.get(key)!;
            expect({ key, numerator: r.numerator, denominator: r.denominator, provisional: r.provisional, units: r.units }, sql)
                .toEqual({ key, numerator: n.numerator, denominator: d.numerator, provisional: n.provisional || d.provisional, units: n.units });
        }
    });
});
