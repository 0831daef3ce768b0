/**
 * Real CBS data as it comes (issue 13): a file as downloaded from StatLine — BOM, `;`, `.` markers,
 * text padded with spaces, one column per edition — read with `trim` and derived columns. Real
 * DuckDB-WASM, checked against hand-written SQL over the loaded file columns and against figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSql, planIndicators } from '@monitor/compiler';
import type { ColumnExprIR, ColumnIR, ConditionIR, ProgramIR, ResultRow, SourceIR } from '@monitor/ir';
import type { Engine } from '../src/engine-types.js';
import { executePlan } from '../src/execute-plan.js';
import { createNodeEngine } from '../src/create-node-engine.js';
import { col, indicator, measure, program, source, span } from './helpers/program.js';

// Edition 2018 fills WmoClienten_86, editions 2019–2020 fill WmoClienten_89: one measure, two columns.
const RAW = '\uFEFFID;Peildatum;WijkenEnBuurten;SoortRegio_2;AantalInwoners_5;WmoClienten_86;WmoClienten_89;Postcode_1\n'
    + '1;1-1-2018;GM0034    ;Gemeente  ;1000;100;;1316\n'
    + '2;1-1-2018;WK003401  ;Wijk      ;600;60;;         .\n'
    + '3;1-1-2018;WK003402  ;Wijk      ;400;.;;1325\n'
    + '4;1-1-2019;GM0034    ;Gemeente  ;1100;;120;1316\n'
    + '5;1-1-2019;WK003401  ;Wijk      ;650;;70;1354\n'
    + '6;1-1-2019;WK003402  ;Wijk      ;450;;45;\n'
    + '7;1-1-2020;GM0034    ;Gemeente  ;1200;;;1316\n';

const derived = (name: string, type: ColumnIR['type'], nullable: boolean, expression: ColumnExprIR): ColumnIR => ({ ...col(name, type, nullable), expression });
const ref = (name: string): ColumnExprIR => ({ kind: 'column', name });

/** The source as the language lowers it, with or without `trim`. */
function kwb(trim: boolean): SourceIR {
    const text = (name: string) => ({ ...col(name, 'text'), ...(trim ? { trim: true } : {}) });
    return source('kwb', { kind: 'snapshot', date: 'Peildatum', valid: null }, [
        col('Peildatum', 'date'), text('WijkenEnBuurten'), text('SoortRegio_2'), col('AantalInwoners_5', 'integer'),
        col('WmoClienten_86', 'integer', true), col('WmoClienten_89', 'integer', true), { ...text('Postcode_1'), nullable: true },
        derived('regiocode', 'text', false, ref('WijkenEnBuurten')),
        derived('soort', 'text', false, ref('SoortRegio_2')),
        derived('WmoClienten', 'integer', true, { kind: 'call', function: 'coalesce', args: [ref('WmoClienten_86'), ref('WmoClienten_89')] }),
        // A derived column of a derived column, and a division by a constant.
        derived('tiende', 'decimal', true, { kind: 'binary', op: '/', left: ref('WmoClienten'), right: { kind: 'number', value: 10 } }),
        // trim() in the expression itself, on the untrimmed file column.
        derived('code', 'text', false, { kind: 'call', function: 'trim', args: [ref('WijkenEnBuurten')] }),
    ], { csv: { delimiter: ';', decimalComma: false, header: true, nulls: ['.'], dateFormat: '%d-%m-%Y' } });
}

const is = (column: string, value: string): ConditionIR => ({
    kind: 'compare', op: '=', left: { kind: 'column', ref: { column, lookup: null } }, right: { kind: 'literal', literal: { kind: 'text', value } },
});

function monitor(s: SourceIR): ProgramIR {
    const sum = (column: string, filter: ConditionIR) => measure({ source: 'kwb', time: 'snapshot', aggregate: 'sum', column: { column, lookup: null }, filter });
    return program({
        sources: [s], grain: 'year', range: ['2018', '2020'],
        dimensions: [{ name: 'wijk', title: null, span, bindings: [{ source: 'kwb', column: { column: 'code', lookup: null }, filter: is('soort', 'Wijk') }] }],
        indicators: [
            indicator('wmo', sum('WmoClienten', is('soort', 'Wijk')), { grain: 'year', by: ['wijk'] }),
            indicator('tiende', sum('tiende', is('soort', 'Gemeente')), { grain: 'year' }),
        ],
    });
}

let engine: Engine;
beforeAll(async () => { engine = await createNodeEngine(); });
afterAll(async () => { await engine.close(); });

async function run(s: SourceIR): Promise<{ rows: ResultRow[]; sql: string }> {
    expect(await engine.loadSource(s, new TextEncoder().encode(RAW))).toEqual([]);
    const plan = planIndicators(monitor(s));
    return { rows: await executePlan(engine, plan), sql: plan.indicators.map((i) => explainSql(plan, i.indicator)).join('\n\n') };
}

const values = (rows: ResultRow[], name: string, cell?: string) => rows
    .filter((r) => r.indicator === name && r.series === 'actual' && (cell === undefined ? !('wijk' in r.dimensions) : r.dimensions.wijk === cell))
    .map((r) => [r.period, r.value]);

describe('a CBS file as downloaded', () => {
    it('merges the per-edition columns into one series, with a trimmed text matching "Wijk" (failures 1 and 2 of issue 13)', async () => {
        const { rows, sql } = await run(kwb(true));
        // Hand-written over the loaded file columns, apart from the compiler's derived-column SQL.
        const hand = await engine.query(`SELECT strftime("Peildatum", '%Y') AS period, CAST(sum(coalesce("WmoClienten_86", "WmoClienten_89")) AS DOUBLE) AS value
            FROM src_kwb WHERE "SoortRegio_2" = 'Wijk' GROUP BY 1 ORDER BY 1`);
        expect(values(rows, 'wmo').slice(0, 2), sql).toEqual(hand.map((h) => [h.period, h.value]));
        // The figures: 2018 60 (WK003402 suppressed), 2019 70 + 45; 2020 has no wijk rows (a sum of none is missing).
        expect(values(rows, 'wmo'), sql).toEqual([['2018', 60], ['2019', 115], ['2020', null]]);
        expect(values(rows, 'wmo', 'WK003402'), sql).toEqual([['2018', null], ['2019', 45], ['2020', null]]);
        expect(values(rows, 'tiende'), sql).toEqual([['2018', 10], ['2019', 12], ['2020', null]]);
    });

    it('trims text on loading and reads a padded missing-value marker as missing', async () => {
        await run(kwb(true));
        expect(await engine.query(`SELECT DISTINCT "SoortRegio_2" AS s FROM src_kwb ORDER BY 1`)).toEqual([{ s: 'Gemeente' }, { s: 'Wijk' }]);
        expect(await engine.query(`SELECT count(*) AS n FROM src_kwb WHERE "Postcode_1" IS NULL`)).toEqual([{ n: 2 }]);
    });

    it('without trim the padded "Wijk      " matches no "Wijk" and the trim() of a derived column still does', async () => {
        const { rows, sql } = await run(kwb(false));
        expect(await engine.query(`SELECT count(*) AS n FROM src_kwb WHERE "SoortRegio_2" = 'Wijk'`)).toEqual([{ n: 0 }]);
        expect(values(rows, 'wmo'), sql).toEqual([['2018', null], ['2019', null], ['2020', null]]);
        // The breakdown reads trim(WijkenEnBuurten): codes without padding even so.
        expect(rows.some((r) => typeof r.dimensions.wijk === 'string' && r.dimensions.wijk.endsWith(' ')), sql).toBe(false);
    });

    it('quotes the names and text of a derived column: quotes in them reach DuckDB as data, not SQL', async () => {
        const s = source('q', { kind: 'table', key: null }, [
            col('na"am', 'text', true),
            derived("x'); DROP TABLE src_q; --", 'text', false, { kind: 'call', function: 'coalesce', args: [ref('na"am'), { kind: 'text', value: "it's \"quoted\"" }] }),
        ]);
        expect(await engine.loadSource(s, new TextEncoder().encode('"na""am"\nA\n\n'))).toEqual([]);
        const plan = planIndicators(program({ sources: [s], grain: 'year', range: ['2018', '2018'], indicators: [
            indicator('n', measure({ source: 'q', time: 'none', aggregate: 'count', filter: is("x'); DROP TABLE src_q; --", 'it\'s "quoted"') }), { grain: 'year' }),
        ] }));
        const rows = await executePlan(engine, plan);
        expect(rows.map((r) => r.value)).toEqual([1]);
        expect(await engine.query('SELECT count(*) AS n FROM src_q')).toEqual([{ n: 2 }]);
    });

    it('loads no derived column from the file: the file need not have it', async () => {
        const s = kwb(true);
        const issues = await engine.loadSource({ ...s, columns: s.columns.filter((c) => c.name !== 'WmoClienten_89') }, new TextEncoder().encode(RAW));
        expect(issues).toEqual([]);
        const missing = await engine.loadSource({ ...s, columns: [...s.columns, col('WmoClienten_93', 'integer', true)] }, new TextEncoder().encode(RAW));
        expect(missing.map((i) => [i.code, i.span])).toEqual([['data-missing-column', col('WmoClienten_93', 'integer', true).span]]);
    });
});
