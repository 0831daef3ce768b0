/**
 * Pre-aggregated tables (`levels soort { total "Gemeente"  cells "Wijk" }`), code mapping before the
 * name lookup, `names via`, and the cell of rows without a value (issue 13, failures 3 and 4; issue 15,
 * item 10). Real DuckDB-WASM on inline data, compared with hand-written SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planIndicators } from '@monitor/compiler';
import { cellLabel, flattenRow, isTotalRow, type ConditionIR, type DimensionIR, type ProgramIR, type ResultRow } from '@monitor/ir';
import type { Engine } from '../src/engine-types.js';
import { executePlan } from '../src/execute-plan.js';
import { engineWith } from './helpers/engine.js';
import { col, indicator, measure, program, source, span } from './helpers/program.js';

const columns = [col('jaar', 'date'), col('regiocode', 'text'), col('soort', 'text'), col('clienten', 'integer', true), col('inwoners', 'integer')];
const snapshot = { kind: 'snapshot' as const, date: 'jaar', valid: null };
const levels = { column: 'soort', total: 'Gemeente', cells: 'Wijk', span };
const kwb = source('kwb', snapshot, columns, { levels });
const flat = source('flat', snapshot, columns, { path: 'kwb.csv' });
// The municipality row holds the total (with clients no wijk has), the wijk rows the cells, the
// buurt rows a finer level that must count nowhere. In 2022 the code WK01 is reused for a new, small wijk
// that belongs to the old WK02, and WK10 replaces the old WK01.
const kwbCsv = `jaar,regiocode,soort,clienten,inwoners
2021-01-01,GM01,Gemeente,105,1000
2021-01-01,WK01,Wijk,60,600
2021-01-01,WK02,Wijk,40,400
2021-01-01,BU0101,Buurt,60,600
2021-01-01,BU0201,Buurt,40,400
2022-01-01,GM01,Gemeente,112,1100
2022-01-01,WK10,Wijk,70,650
2022-01-01,WK01,Wijk,5,50
2022-01-01,WK02,Wijk,35,400
2022-01-01,BU1001,Buurt,70,650
`;
const indeling = source('indeling', { kind: 'table', key: 'nieuw' }, [col('nieuw', 'text'), col('oud', 'text')]);
const indelingCsv = 'nieuw,oud\nWK10,WK01\nWK01,WK02\nWK02,WK02\n';
const namen = source('namen', { kind: 'table', key: 'code' }, [col('code', 'text'), col('naam', 'text')]);
const namenCsv = 'code,naam\nWK01,Haven\nWK02,Stad\n';

const text = (column: string, value: string): ConditionIR => ({
    kind: 'compare', op: '=', left: { kind: 'column', ref: { column, lookup: null } }, right: { kind: 'literal', literal: { kind: 'text', value } },
});
const mapping = { table: 'indeling', from: 'nieuw', to: 'oud', since: '2022-01-01' };
const sumOf = (src: string, column: string, filter: ConditionIR | null = null) =>
    measure({ source: src, time: 'snapshot', aggregate: 'sum', column: { column, lookup: null }, filter });
const rate = (src: string, filter: ConditionIR | null = null) => ({
    kind: 'rate' as const, numerator: sumOf(src, 'clienten', filter), denominator: sumOf(src, 'inwoners', filter), scale: 1000, percent: false,
});

async function run(p: ProgramIR): Promise<ResultRow[]> {
    return executePlan(engine, planIndicators(p));
}
const numbers = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
const pick = (rows: ResultRow[], name: string) => rows.filter((r) => r.indicator === name && r.series === 'actual')
    .map((r) => ({ period: r.period, cell: isTotalRow(r) ? null : r.dimensions.sd, numerator: r.numerator, denominator: r.denominator }));

let engine: Engine;
beforeAll(async () => {
    engine = await engineWith([[kwb, kwbCsv], [flat, kwbCsv], [indeling, indelingCsv], [namen, namenCsv]]);
});
afterAll(async () => { await engine.close(); });

describe('a source with levels', () => {
    const sd: DimensionIR = { name: 'sd', title: null, span, bindings: [{ source: 'kwb', column: { column: 'regiocode', lookup: null } }], mapping };
    const p = program({
        sources: [kwb, flat, indeling], dimensions: [sd], grain: 'year', range: ['2021', '2022'],
        indicators: [indicator('per_1000', rate('kwb'), { grain: 'year', by: ['sd'] }), indicator('totaal', rate('kwb'), { grain: 'year' })],
    });

    it('reads the total from the total row and the cells from the cell rows, never summing across levels', async () => {
        const rows = await run(p);
        // Hand-written: the total is the municipality row; the cells are the wijk rows, mapped since 2022.
        const hand = (await engine.query(`
            SELECT strftime(jaar, '%Y') AS period, NULL AS cell, sum(clienten) AS numerator, sum(inwoners) AS denominator
            FROM src_kwb WHERE soort = 'Gemeente' GROUP BY 1
            UNION ALL
            SELECT strftime(k.jaar, '%Y'), CASE WHEN k.jaar >= DATE '2022-01-01' THEN coalesce(i.oud, k.regiocode) ELSE k.regiocode END,
                   sum(k.clienten), sum(k.inwoners)
            FROM src_kwb AS k LEFT JOIN src_indeling AS i ON i.nieuw = k.regiocode WHERE k.soort = 'Wijk' GROUP BY 1, 2
            ORDER BY 1, 2 NULLS FIRST`)).map(numbers);
        expect(pick(rows, 'per_1000')).toEqual(hand);
        expect(pick(rows, 'totaal')).toEqual(hand.filter((h) => h.cell === null));
        // The figures themselves: 105 of 1,000 in 2021, not 105 + 100 + 100 of 3,000.
        expect(pick(rows, 'totaal')[0]).toEqual({ period: '2021', cell: null, numerator: 105, denominator: 1000 });
    });

    it('sums every level of a source without levels (what the data-stage diagnostic is for)', async () => {
        const rows = await run(program({ sources: [flat], grain: 'year', range: ['2021', '2021'], indicators: [indicator('t', rate('flat'), { grain: 'year' })] }));
        expect(rows[0].numerator).toBe(305);
    });

    it('without `cells` takes every row that is not a total row as a cell', async () => {
        const gm = source('gm', snapshot, columns, { path: 'kwb.csv', levels: { ...levels, cells: null } });
        await engine.loadSource(gm, new TextEncoder().encode(kwbCsv));
        const byCode: DimensionIR = { name: 'sd', title: null, span, bindings: [{ source: 'gm', column: { column: 'regiocode', lookup: null } }] };
        const rows = await run(program({ sources: [gm], dimensions: [byCode], grain: 'year', range: ['2021', '2021'], indicators: [indicator('n', sumOf('gm', 'clienten'), { grain: 'year', by: ['sd'] })] }));
        // (Cells come from the whole source, so 2022's codes are cells without rows in 2021.)
        expect(pick(rows, 'n').filter((r) => r.numerator !== null).map((r) => [r.cell, r.numerator]))
            .toEqual([[null, 105], ['BU0101', 60], ['BU0201', 40], ['WK01', 60], ['WK02', 40]]);
    });
});

describe('a code mapping together with a lookup or names', () => {
    it('maps the codes first and then looks them up, so a reused code gets its new meaning', async () => {
        // Failure 3 of issue 13: the lookup ran first, so 2022's WK01 (now part of WK02, "Stad") was named "Haven".
        const sd: DimensionIR = { name: 'sd', title: null, span, mapping,
            bindings: [{ source: 'kwb', column: { column: 'regiocode', lookup: { source: 'namen', field: 'naam' } } }] };
        const rows = await run(program({ sources: [kwb, indeling, namen], dimensions: [sd], grain: 'year', range: ['2021', '2022'],
            indicators: [indicator('n', sumOf('kwb', 'inwoners'), { grain: 'year', by: ['sd'] })] }));
        expect(pick(rows, 'n').filter((r) => r.period === '2022').map((r) => [r.cell, r.numerator])).toEqual([[null, 1100], ['Haven', 650], ['Stad', 450]]);
    });

    it('keys cells by the mapped code and labels them by name (`names via`) in rows, JSON and CSV', async () => {
        const sd: DimensionIR = { name: 'sd', title: null, span, mapping, names: { table: 'namen', field: 'naam' },
            bindings: [{ source: 'kwb', column: { column: 'regiocode', lookup: null } }] };
        const rows = await run(program({ sources: [kwb, indeling, namen], dimensions: [sd], grain: 'year', range: ['2022', '2022'],
            indicators: [indicator('n', sumOf('kwb', 'inwoners'), { grain: 'year', by: ['sd'] })] }));
        expect(rows.map((r) => [r.dimensions.sd, cellLabel(r, 'sd'), r.numerator])).toEqual([[undefined, null, 1100], ['WK01', 'Haven', 650], ['WK02', 'Stad', 450]]);
        expect(flattenRow(rows[1])).toMatchObject({ sd: 'WK01', sd_label: 'Haven' });
    });
});

describe('the cell of rows without a value', () => {
    const ev = source('ev', { kind: 'events', date: 'datum', key: null }, [col('datum', 'date'), col('wijk', 'text', true)], { coverage: { from: '2024-01-01', to: '2024-12-31' } });
    const csv = `datum,wijk\n${'2024-03-01,\n'.repeat(70)}${'2024-03-01,A\n'.repeat(20)}`;

    it('is labelled "(unknown)" / "(onbekend)" and is never the total', async () => {
        await engine.loadSource(ev, new TextEncoder().encode(csv));
        const wijk: DimensionIR = { name: 'wijk', title: null, span, bindings: [{ source: 'ev', column: { column: 'wijk', lookup: null } }] };
        const rows = await run(program({ sources: [ev], dimensions: [wijk], grain: 'year', range: ['2024', '2024'],
            indicators: [indicator('n', measure({ source: 'ev', time: 'event' }), { grain: 'year', by: ['wijk'] })] }));
        const total = rows.filter(isTotalRow);
        expect(total.map((r) => r.value)).toEqual([90]);
        const unknown = rows.find((r) => !isTotalRow(r) && r.dimensions.wijk === null)!;
        expect(unknown.value).toBe(70);
        expect([cellLabel(unknown, 'wijk'), cellLabel(unknown, 'wijk', 'nl')]).toEqual(['(unknown)', '(onbekend)']);
        expect(flattenRow(unknown, 'nl')).toMatchObject({ wijk: null, wijk_label: '(onbekend)' });
        expect(flattenRow(total[0])).not.toHaveProperty('wijk_label');
    });
});
