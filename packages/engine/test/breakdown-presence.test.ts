/**
 * The breakdown-change warning (issue 13 failure 8, issue 14 item 7): not for cells whose values the
 * source marks missing (CBS's `.`), silent after a `known change` date, and never naming a value with
 * a cell that disclosure control hides. Real DuckDB-WASM on inline data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planIndicators } from '@monitor/compiler';
import type { DimensionIR, ProgramIR } from '@monitor/ir';
import { breakdownChanges } from '../src/breakdown-changes.js';
import { applyDisclosure } from '../src/disclosure.js';
import type { Engine } from '../src/engine-types.js';
import { executePlan, executePresence } from '../src/execute-plan.js';
import { engineWith } from './helpers/engine.js';
import { col, indicator, measure, program, source, span } from './helpers/program.js';

// WK03 is suppressed by CBS (".") in 2021 and 2022 but has rows; WK04 is new in 2023.
const kwb = source('kwb', { kind: 'snapshot', date: 'jaar', valid: null },
    [col('jaar', 'date'), col('wijk', 'text'), col('clienten', 'integer', true)], { csv: { delimiter: ',', decimalComma: false, header: true, nulls: ['.'], dateFormat: null } });
const kwbCsv = `jaar,wijk,clienten
2021-01-01,WK01,60
2021-01-01,WK03,.
2022-01-01,WK01,61
2022-01-01,WK03,.
2023-01-01,WK01,62
2023-01-01,WK03,12
2023-01-01,WK04,30
`;
// Person-level events: wijk C has 3 events in 2023 only, below the minimum of 10.
const ev = source('ev', { kind: 'events', date: 'datum', key: null }, [col('datum', 'date'), col('wijk', 'text')],
    { coverage: { from: '2021-01-01', to: '2023-12-31' } });
const evCsv = `datum,wijk\n${['2021', '2022', '2023'].flatMap((y) => [...Array(20)].map(() => `${y}-05-01,A`)).join('\n')}\n${'2023-05-01,C\n'.repeat(3)}`;

const wijk = (src: string, extra: Partial<DimensionIR> = {}): DimensionIR => ({
    name: 'wijk', title: null, span, bindings: [{ source: src, column: { column: 'wijk', lookup: null } }], ...extra,
});
const sum = measure({ source: 'kwb', time: 'snapshot', aggregate: 'sum', column: { column: 'clienten', lookup: null } });

let engine: Engine;
beforeAll(async () => { engine = await engineWith([[kwb, kwbCsv], [ev, evCsv]]); });
afterAll(async () => { await engine.close(); });

async function warnings(p: ProgramIR): Promise<string[]> {
    const plan = planIndicators(p);
    const raw = await executePlan(engine, plan);
    return breakdownChanges(p, raw, { presence: await executePresence(engine, plan), safe: (await applyDisclosure(p, raw)) }).map((i) => i.message);
}
const kwbProgram = (dim: DimensionIR) => program({ sources: [kwb], dimensions: [dim], grain: 'year', range: ['2021', '2023'],
    indicators: [indicator('n', sum, { grain: 'year', by: ['wijk'] })] });

describe('the breakdown-change warning', () => {
    it('names a value that is new, but not one whose cells the source marks missing', async () => {
        const [message, ...more] = await warnings(kwbProgram(wijk('kwb')));
        expect(more).toEqual([]);
        expect(message).toContain('WK04 first appear in 2023');
        expect(message).not.toContain('WK03');
    });

    it('is silent for changes on or after a known change date, not before', async () => {
        expect(await warnings(kwbProgram(wijk('kwb', { knownChanges: ['2023-01-01'] })))).toEqual([]);
        expect(await warnings(kwbProgram(wijk('kwb', { knownChanges: ['2024-01-01'] })))).toHaveLength(1);
    });

    it('is silent too after a known change date on the source the indicator counts from', async () => {
        const on = (date: string) => program({ sources: [{ ...kwb, knownChanges: [date] }], dimensions: [wijk('kwb')], grain: 'year', range: ['2021', '2023'],
            indicators: [indicator('n', sum, { grain: 'year', by: ['wijk'] })] });
        expect(await warnings(on('2023-01-01'))).toEqual([]);
        expect(await warnings(on('2024-01-01'))).toHaveLength(1);
    });

    it('never names a value whose cells disclosure control hides, nor when it appears', async () => {
        const p = program({ sources: [ev], dimensions: [wijk('ev')], grain: 'year', range: ['2021', '2023'], privacy: { minimum: 10, round: 1 },
            indicators: [indicator('n', measure({ source: 'ev', time: 'event' }), { grain: 'year', by: ['wijk'] })] });
        expect(await warnings(p)).toEqual([]);
        // Without privacy, the same rows do name C (so the test can fail).
        expect((await warnings({ ...p, monitor: { ...p.monitor, privacy: null } })).join('\n')).toContain('C first appear in 2023');
    });
});
