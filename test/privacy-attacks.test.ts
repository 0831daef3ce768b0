/**
 * The ten attacks of issue 14, each on its fixture in test/fixtures/privacy-attacks/: the real
 * `monitor run --format json` (and its stderr), and the attacker's arithmetic on what it publishes.
 * Each test asserts that the attack recovers the hidden raw value written in the fixture's leak.json —
 * that is, that it LEAKS on today's engine. When the engine's rules stop a leak, its test fails: turn
 * it around then (expect the published rows no longer to give the value away).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { monitorInProcess, ROOT } from './cli-helpers.js';

type Row = Record<string, string | number | boolean | null>;
const DIR = path.join(ROOT, 'test/fixtures/privacy-attacks');

interface Leak { raw: number; estimate?: number }
const leaks = (name: string): Leak[] => JSON.parse(fs.readFileSync(path.join(DIR, name, 'leak.json'), 'utf8')).leaks;

/** Runs the fixture's monitor and returns its published rows and stderr. */
async function publish(name: string, file = 'attack.monitor'): Promise<{ rows: Row[]; stderr: string }> {
    const result = await monitorInProcess(['run', '--format', 'json', path.join(DIR, name, file)]);
    expect(result.code, result.stderr).toBe(0);
    return { rows: JSON.parse(result.stdout) as Row[], stderr: result.stderr };
}

/** The published value of one row: indicator, series, period and breakdown fields must all match. */
function at(rows: Row[], indicator: string, period: string, cell: Record<string, string> = {}, series = 'actual', field = 'value'): number {
    const fixed = new Set(['indicator', 'series', 'period', 'value', 'numerator', 'denominator', 'target', 'status', 'suppressed', 'provisional']);
    const row = rows.find((r) => r.indicator === indicator && r.series === series && r.period === period
        && Object.keys(r).filter((k) => !fixed.has(k) && !k.endsWith('_label')).every((k) => (r[k] ?? undefined) === cell[k])
        && Object.keys(cell).every((k) => r[k] === cell[k]));
    expect(row, `${indicator} ${series} ${period} ${JSON.stringify(cell)}`).toBeDefined();
    expect(row!.suppressed, `${indicator} ${period} ${JSON.stringify(cell)} is published`).toBe(false);
    return row![field] as number;
}

const hidden = (rows: Row[], indicator: string, period: string) =>
    rows.some((r) => r.indicator === indicator && r.period === period && r.series === 'actual' && r.suppressed === true);

describe('the attacks of issue 14 leak on today\'s engine', () => {
    test('1: a 2-D breakdown beside its 1-D margin gives the hidden cell', async () => {
        const { rows } = await publish('01-margin-beside-2d');
        expect(at(rows, 'per_wijk', '2024', { wijk: 'A' }) - at(rows, 'per_wijk_soort', '2024', { wijk: 'A', soort: 's2' })).toBe(leaks('01-margin-beside-2d')[0].raw);
    });

    test('2: the rows outside a binding\'s where are total minus cells', async () => {
        const { rows } = await publish('02-rows-outside-where');
        const outside = at(rows, 'per_wijk', '2024') - at(rows, 'per_wijk', '2024', { wijk: 'A' }) - at(rows, 'per_wijk', '2024', { wijk: 'B' });
        expect(outside).toBe(leaks('02-rows-outside-where')[0].raw);
    });

    test('3: a year minus three quarters, and stock/flow, give the hidden period', async () => {
        const { rows } = await publish('03-periods-and-grains');
        const [quarter, inflow] = leaks('03-periods-and-grains');
        expect(hidden(rows, 'per_kwartaal', '2024-Q3')).toBe(true);
        expect(at(rows, 'per_jaar', '2024') - ['2024-Q1', '2024-Q2', '2024-Q4'].reduce((s, p) => s + at(rows, 'per_kwartaal', p), 0)).toBe(quarter.raw);
        expect(hidden(rows, 'instroom', '2024-Q2')).toBe(true);
        expect(at(rows, 'bestand', '2024-Q2') - at(rows, 'bestand', '2024-Q1') + at(rows, 'uitstroom', '2024-Q2')).toBe(inflow.raw);
    });

    test('4: an expression and a focus indicator publish hidden counts', async () => {
        const { rows } = await publish('04-expressions-and-focus');
        const [rare, cellA] = leaks('04-expressions-and-focus');
        expect(hidden(rows, 'zeldzaam', '2024')).toBe(true);
        expect(at(rows, 'verschil', '2024')).toBe(rare.raw);
        expect(at(rows, 'per_wijk', '2024') - at(rows, 'per_wijk', '2024', { wijk: 'C' }) - at(rows, 'wijk_b', '2024')).toBe(cellA.raw);
    });

    test('5: sum and avg of a 0/1 flag, and max of one person, publish what counts hide', async () => {
        const { rows } = await publish('05-non-count-aggregates');
        const [flag, age] = leaks('05-non-count-aggregates');
        expect(hidden(rows, 'met_vlag', '2024')).toBe(true);
        expect(at(rows, 'som_vlag', '2024')).toBe(flag.raw);
        // The average leaks the count only with enough decimals: with the default (1, issue 13's
        // rounding) it prints 0, too coarse for avg × all; a `decimals 4` would bring the leak back.
        expect(at(rows, 'gemiddelde_vlag', '2024')).toBe(0);
        expect(at(rows, 'leeftijd_p7', '2024')).toBe(age.raw);
    });

    test('6: references print one person\'s value and a share that gives the hidden count', async () => {
        const { rows } = await publish('06-references');
        const [age, rare] = leaks('06-references');
        expect(hidden(rows, 'aandeel_zeldzaam', '2024')).toBe(true);
        expect(at(rows, 'aandeel_zeldzaam', '2024', {}, 'P7')).toBe(age.raw);
        // The share gives the count away only with enough decimals; rounded to the indicator's default
        // (1) it no longer pins it. `rare` stays in leak.json for the engine's rule (h14b).
        expect(rare.raw).toBeGreaterThan(0);
    });

    test('7: the provisional flag tells about a hidden cell (the breakdown warning no longer does)', async () => {
        const { rows, stderr } = await publish('07-side-channels');
        expect(rows.filter((r) => r.indicator === 'per_persoon').every((r) => r.suppressed === true)).toBe(true);
        // The warning half is stopped: a breakdown value whose cells are hidden is never named (h13b).
        expect(stderr).not.toContain('data-breakdown-changed');
        expect(stderr).not.toMatch(/P9/);
        const p9 = rows.find((r) => r.persoon === 'P9' && r.period === '2024-Q3');
        expect(p9?.provisional).toBe(true);
        // Nobody else holds a provisional record: the flag singles out the cell with P9's record.
        expect(rows.filter((r) => r.persoon && r.provisional === true).map((r) => r.persoon)).toEqual(['P9']);
    });

    test('8: no privacy block publishes everything; round without minimum publishes a small count', async () => {
        const [none, roundOnly] = leaks('08-fail-open');
        expect(at((await publish('08-fail-open')).rows, 'per_wijk', '2024', { wijk: 'A' })).toBe(none.raw);
        const rounded = at((await publish('08-fail-open', 'round-only.monitor')).rows, 'per_wijk', '2024', { wijk: 'A' });
        // Published as 5: the reader knows the true count lies in 3..7 (halves round up).
        expect(rounded).toBe(5);
        expect(roundOnly.raw).toBeGreaterThanOrEqual(rounded - 2.5);
        expect(roundOnly.raw).toBeLessThan(rounded + 2.5);
    });

    test('9: a sum of pre-aggregated counts publishes 3 clients', async () => {
        const { rows } = await publish('09-sum-of-counts');
        expect(at(rows, 'clienten_per_100', '2024', { wijk: 'A' }, 'actual', 'numerator')).toBe(leaks('09-sum-of-counts')[0].raw);
    });

    test('10: a threshold sweep with rounding to 5 estimates the hidden count', async () => {
        const { rows } = await publish('10-threshold-sweep');
        const [rare] = leaks('10-threshold-sweep');
        expect(hidden(rows, 'zeldzaam', '2024')).toBe(true);
        const pairs = rows.filter((r) => String(r.indicator).startsWith('alle_')).map((r) => String(r.indicator).slice(5));
        expect(pairs.length).toBe(60);
        const differences = pairs.map((k) => at(rows, `alle_${k}`, '2024') - at(rows, `gewoon_${k}`, '2024'));
        // No single pair gives the count (each difference is a multiple of 5) …
        expect(differences.every((d) => d % 5 === 0)).toBe(true);
        // … but their mean is within half a person of it.
        const mean = differences.reduce((s, d) => s + d, 0) / differences.length;
        expect(Math.abs(mean - rare.raw)).toBeLessThan(0.5);
        expect(mean).toBeCloseTo(rare.estimate!, 2);
    });
});
