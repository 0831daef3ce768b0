/**
 * Attacks 5, 6 (first half), 7 (second half), 8 and 9 of issue 14, on hand-made data through the real
 * pipeline (DuckDB-WASM): each derivation below gives the hidden raw value from what the rules of
 * before published, and nothing now.
 */
import { describe, expect, test } from 'vitest';
import { flattenRow } from '@monitor/ir';
import { diagnosticCodes, rowsOf, runMonitor } from './privacy-run.js';

const HEADER = (privacy: string) => `monitor m { grain year  range 2024 .. 2024  ${privacy} }\n`;

// 40 events in 2024: 3 flagged (vlag = 1); one huge cost (P7, 10,000 against 10 for the rest).
const EVENTS_CSV = ['id,datum,wijk,vlag,kosten',
    ...Array.from({ length: 40 }, (_, i) => `P${i},2024-0${1 + (i % 9)}-1${i % 9},${i < 20 ? 'A' : 'B'},${i < 3 ? 1 : 0},${i === 7 ? 10000 : 10}`)].join('\n') + '\n';
const EVENTS = `source ev from "ev.csv" { events on datum key id  coverage 2024-01-01 .. 2024-12-31
    columns { id text  datum date  wijk text  vlag integer  kosten decimal } }\n`;

/** The published value of an indicator's total in 2024, or undefined when hidden. */
const total = (rows: ReturnType<typeof rowsOf>, name: string) => {
    const r = rows.find((x) => x.indicator === name && x.period === '2024' && x.series === 'actual' && !('wijk' in x && x.wijk !== null));
    return r && !r.suppressed ? (r.value as number) : undefined;
};

describe('attack 5: non-count aggregates over person-level rows', () => {
    const text = HEADER('privacy { minimum 10  round 5 }') + EVENTS + `
indicator gevlagd { value count from ev where vlag = 1 }
indicator som_vlag { value sum vlag from ev }
indicator gem_vlag { value avg vlag from ev }
indicator alle { value count from ev }
indicator kosten { value sum kosten from ev }
`;
    // Before, a sum or an average over 40 rows (at least the minimum) was published as it was: the raw value.
    test('before, the sum and the average of a 0/1 flag give the hidden count; now both are hidden', async () => {
        const now = await runMonitor(text, { ev: EVENTS_CSV });
        const old = { published: now.raw.map(flattenRow) };
        expect(now.raw.find((r) => r.indicator === 'gevlagd')?.value).toBe(3);
        expect(total(now.published, 'gevlagd')).toBeUndefined();
        // The derivations: the sum itself, and average × the published number of rows.
        const derive = (rows: typeof now.published) => [total(rows, 'som_vlag'), (total(rows, 'gem_vlag') ?? NaN) * (total(rows, 'alle') ?? NaN)];
        expect(derive(old.published).map((x) => Math.round(x ?? NaN))).toEqual([3, 3]);
        expect(derive(now.published).filter((x) => x !== undefined && Number.isFinite(x))).toEqual([]);
        expect(total(now.published, 'alle')).toBe(40);
    });

    test('a sum dominated by one person (P7: 10,000 of 10,390) is hidden; before it was shown', async () => {
        const now = await runMonitor(text, { ev: EVENTS_CSV });
        expect(total(now.raw.map(flattenRow), 'kosten')).toBe(10390);
        expect(total(now.published, 'kosten')).toBeUndefined();
        // Without P7's outlier the sum passes: 40 rows of 10, none more than half.
        const even = await runMonitor(text, { ev: EVENTS_CSV.replace(',10000\n', ',10\n') });
        expect(total(even.published, 'kosten')).toBe(400);
    });

    test('a flag average with enough flagged rows is shown from rounded parts', async () => {
        const many = EVENTS_CSV.split('\n').map((l, i) => (i >= 1 && i <= 12 ? l.replace(/,0,(\d+)$/, ',1,$1') : l)).join('\n');
        const now = await runMonitor(text, { ev: many });
        // 12 flagged of 40: the sum 12 rounds to 10, so 10 / 40.
        expect(total(now.published, 'gem_vlag')).toBeCloseTo(10 / 40, 10);
        expect(total(now.published, 'som_vlag')).toBe(10);
    });

    test('min and max of person-level rows are refused under privacy rules; of aggregated data they are fine', async () => {
        const persons = `source p from "p.csv" { snapshot at d  one row per person  columns { d date  id text  leeftijd integer } }\n`;
        const codes = await diagnosticCodes(HEADER('privacy { minimum 10 }') + persons + `indicator oud { value max leeftijd from p where id = "P7" }`);
        expect(codes).toContain('privacy-min-max-person');
        const aggregated = `source p from "p.csv" { snapshot at d  columns { d date  id text  leeftijd integer } }\n`;
        expect(await diagnosticCodes(HEADER('privacy { minimum 10 }') + aggregated + `indicator oud { value max leeftijd from p }`)).not.toContain('privacy-min-max-person');
        expect(await diagnosticCodes(HEADER('privacy { minimum 10 }') + persons + `indicator oud { value median leeftijd from p }`)).toEqual([]);
    });
});

describe('attack 6: a reference over person-level rows prints one person\'s value', () => {
    test('refused under privacy rules; a reference from aggregated data is not', async () => {
        const persons = `source p from "p.csv" { snapshot at d  one row per person  columns { d date  id text  leeftijd integer } }\n`;
        const ind = `indicator n { value count from p }\n`;
        const codes = await diagnosticCodes(HEADER('privacy { minimum 10 }') + persons + ind + `reference n "P7" from p where id = "P7" value leeftijd`);
        expect(codes).toContain('privacy-reference-person-level');
        const kwb = `source kwb from "k.csv" { snapshot at d  columns { d date  regio text  aantal integer } }\n`;
        const clean = await diagnosticCodes(HEADER('privacy { minimum 10 }') + persons + kwb + ind + `reference n "Nederland" from kwb where regio = "NL" value aantal`);
        expect(clean).not.toContain('privacy-reference-person-level');
    });
});

describe('attack 9: sums of pre-aggregated counts, and tiny populations', () => {
    const KWB_CSV = 'd,wijk,clienten,inwoners\n2024-01-01,A,3,80\n2024-01-01,B,40,900\n2024-01-01,C,25,40\n2024-01-01,D,12,600\n';
    const text = (privacy: string, counts: boolean) => HEADER(privacy)
        + `source kwb from "k.csv" { snapshot at d  columns { d date  wijk text  clienten integer${counts ? ' count' : ''}  inwoners integer${counts ? ' count' : ''} } }
dimension wijk { kwb.wijk }
indicator clienten { value sum clienten from kwb  by wijk }
indicator per100 { value sum clienten from kwb per 100 sum inwoners from kwb  by wijk }
`;
    const cell = (rows: ReturnType<typeof rowsOf>, name: string, wijk: string) => rows.find((r) => r.indicator === name && r.wijk === wijk);

    test('undeclared, the 3 clients of wijk A are published; declared `integer count`, they are hidden with the cell that gives them away', async () => {
        const old = await runMonitor(text('privacy { minimum 10  round 5 }', false), { kwb: KWB_CSV });
        expect(cell(old.published, 'clienten', 'A')?.value).toBe(3);
        const now = await runMonitor(text('privacy { minimum 10  round 5 }', true), { kwb: KWB_CSV });
        expect(cell(now.published, 'clienten', 'A')).toMatchObject({ value: null, suppressed: true });
        // The count rules apply in full: rounded, and a second cell hidden so A does not follow from the total.
        const shown = rowsOf(now.published, 'clienten').filter((r) => !r.suppressed);
        expect(shown.every((r) => (r.value as number) % 5 === 0)).toBe(true);
        expect(cell(now.published, 'clienten', 'D')).toMatchObject({ value: null, suppressed: true });
        expect(shown.map((r) => r.value)).toEqual([80, 40, 25]); // total (3+40+25+12 = 80), B, C
        expect(cell(now.published, 'per100', 'A')).toMatchObject({ value: null, suppressed: true });
    });

    test('`denominator 50` hides the rate of wijk C (40 inhabitants) although its 25 clients pass the minimum', async () => {
        const loose = await runMonitor(text('privacy { minimum 10  round 5 }', true), { kwb: KWB_CSV });
        expect(cell(loose.published, 'per100', 'C')?.suppressed).toBe(false);
        const strict = await runMonitor(text('privacy { minimum 10  round 5  denominator 50 }', true), { kwb: KWB_CSV });
        expect(cell(strict.published, 'per100', 'C')).toMatchObject({ value: null, suppressed: true });
        expect(cell(strict.published, 'per100', 'B')?.suppressed).toBe(false);
    });
});

describe('attack 7 (second half): a hidden cell says nothing about its records', () => {
    test('a hidden row has provisional null, not true', async () => {
        const text = HEADER('privacy { minimum 10 }') + `source ev from "ev.csv" { events on datum  status st  coverage 2024-01-01 .. 2024-12-31  columns { datum date  st text } }
indicator n { value count from ev }\n`;
        const run = await runMonitor(text, { ev: 'datum,st\n2024-03-01,voorlopig\n' });
        expect(run.raw[0].provisional).toBe(true);
        expect(rowsOf(run.published, 'n')[0]).toMatchObject({ suppressed: true, provisional: null });
    });
});
