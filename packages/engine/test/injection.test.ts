import { describe, expect, it } from 'vitest';
import { explainSql, planIndicators } from '@monitor/compiler';
import { engineWith } from './helpers/engine.js';
import { col, dimension, indicator, measure, program, source } from './helpers/program.js';
import { executePlan } from '../src/execute-plan.js';

const EVIL = `x'); COPY (SELECT 1) TO 'pwn.csv'; --`;
const weird = source(`we"ird'; DROP TABLE x; --`, { kind: 'events', date: `da"te`, key: null }, [col(`da"te`, 'date'), col(`it's "col"; --`, 'text')]);
// The CSV quotes the awkward header names and the value the usual CSV way (doubled quotes).
const csv = `"da""te","it's ""col""; --"\n2024-01-05,"${EVIL.replaceAll('"', '""')}"\n2024-01-06,plain\n2024-04-01,"it's"\n2024-06-30,plain\n`;

describe('user text never becomes SQL', () => {
    it('treats quotes, semicolons and a COPY statement in names and filter literals as plain data', async () => {
        const engine = await engineWith([[weird, csv]]);
        await engine.lock();
        const ref = { column: `it's "col"; --`, lookup: null };
        const p = program({
            sources: [weird], dimensions: [dimension(`di"m'; --`, [[weird.name, ref.column]])], range: ['2024-Q1', '2024-Q2'],
            indicators: [
                indicator(`i"nd'; --`, measure({ source: weird.name, time: 'event', filter: { kind: 'compare', op: '=', left: { kind: 'column', ref }, right: { kind: 'literal', literal: { kind: 'text', value: EVIL } } } })),
                indicator('by_dim', measure({ source: weird.name, time: 'event', filter: { kind: 'in', operand: { kind: 'column', ref }, values: [{ kind: 'text', value: "it's" }, { kind: 'text', value: EVIL }], negated: false } }), { by: [`di"m'; --`] }),
            ],
        });
        const plan = planIndicators(p);
        const rows = await executePlan(engine, plan);
        const sql = explainSql(plan, `i"nd'; --`);
        expect(rows.filter((r) => r.indicator === `i"nd'; --`).map((r) => r.value), sql).toEqual([1, 0]);
        expect(sql).toContain(`'x''); COPY (SELECT 1) TO ''pwn.csv''; --'`);
        const cells = rows.filter((r) => r.indicator === 'by_dim' && Object.keys(r.dimensions).length > 0 && r.value! > 0);
        expect(cells.map((r) => [r.period, r.dimensions[`di"m'; --`]])).toEqual([['2024-Q1', EVIL], ['2024-Q2', "it's"]]);
        await engine.close();
    });
});
