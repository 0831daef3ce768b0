/**
 * The ten attacks of issue 14, each on its fixture in test/fixtures/privacy-attacks/: the real
 * `monitor run --format json` (and its stderr), and the attacker's arithmetic on what it publishes.
 * An attack the engine stops is asserted stopped: a value the arithmetic needs is no longer published,
 * or the monitor is refused with its diagnostic code. An attack that still works (a residual risk,
 * docs/privacy.md) is asserted to recover the hidden raw value of the fixture's leak.json, so that the
 * day a rule stops it, its test fails and is turned around. `perturb cellkey` against attacks 4 and
 * 10: test/privacy-cellkey-attacks.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { monitorInProcess, ROOT } from './cli-helpers.js';

type Row = Record<string, string | number | boolean | null>;
const DIR = path.join(ROOT, 'test/fixtures/privacy-attacks');
/** Tests that run the CLI twice get room for a busy machine. */
const TWO_RUNS = 240_000;

interface Leak { raw: number; estimate?: number; interval?: { low: number; high: number } }
const leaks = (name: string): Leak[] => JSON.parse(fs.readFileSync(path.join(DIR, name, 'leak.json'), 'utf8')).leaks;

/** Runs the fixture's monitor (in this process, as `monitor run` would: cli-helpers.ts) and returns its published rows and stderr. */
async function publish(name: string, file = 'attack.monitor'): Promise<{ rows: Row[]; stderr: string }> {
    const result = await monitorInProcess(['run', '--format', 'json', path.join(DIR, name, file)]);
    expect(result.code, result.stderr).toBe(0);
    return { rows: JSON.parse(result.stdout) as Row[], stderr: result.stderr };
}

/** The row of an indicator, series, period and breakdown cell: every breakdown field must match `cell`. */
function rowAt(rows: Row[], indicator: string, period: string, cell: Record<string, string>, series: string): Row {
    const fixed = new Set(['indicator', 'series', 'period', 'value', 'numerator', 'denominator', 'target', 'status', 'suppressed', 'provisional']);
    const row = rows.find((r) => r.indicator === indicator && r.series === series && r.period === period
        && Object.keys(r).filter((k) => !fixed.has(k) && !k.endsWith('_label')).every((k) => (r[k] ?? undefined) === cell[k])
        && Object.keys(cell).every((k) => r[k] === cell[k]));
    expect(row, `${indicator} ${series} ${period} ${JSON.stringify(cell)}`).toBeDefined();
    return row!;
}

/** The published value of one row, which must be published. */
function at(rows: Row[], indicator: string, period: string, cell: Record<string, string> = {}, series = 'actual', field = 'value'): number {
    const row = rowAt(rows, indicator, period, cell, series);
    expect(row.suppressed, `${indicator} ${period} ${JSON.stringify(cell)} is published`).toBe(false);
    return row[field] as number;
}

const hidden = (rows: Row[], indicator: string, period: string) =>
    rows.some((r) => r.indicator === indicator && r.period === period && r.series === 'actual' && r.suppressed === true);

/** Like `at`, but null when the row is hidden: what the reader has for the attacker's arithmetic. */
function shown(rows: Row[], indicator: string, period: string, cell: Record<string, string> = {}, field = 'value'): number | null {
    const row = rowAt(rows, indicator, period, cell, 'actual');
    return row.suppressed ? null : row[field] as number;
}

/** Runs a monitor that the rules must refuse, and returns the diagnostic codes it printed. */
async function refused(name: string, file: string): Promise<string> {
    const result = await monitorInProcess(['run', '--format', 'json', path.join(DIR, name, file)]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout.trim()).toBe('');
    return result.stderr;
}

describe('the attacks of issue 14 against today\'s engine', () => {
    test('1 stopped: a 2-D breakdown beside its 1-D margin no longer gives the hidden cell', async () => {
        const { rows } = await publish('01-margin-beside-2d');
        expect(hidden(rows, 'per_wijk_soort', '2024')).toBe(true);
        // The margin and the shown cell: one of them is hidden with the cell (linked tables).
        expect([shown(rows, 'per_wijk', '2024', { wijk: 'A' }), shown(rows, 'per_wijk_soort', '2024', { wijk: 'A', soort: 's2' })]).toContain(null);
    });

    test('2 stopped: the rows outside a binding\'s where are no longer total minus cells', async () => {
        const { rows } = await publish('02-rows-outside-where');
        expect([shown(rows, 'per_wijk', '2024'), shown(rows, 'per_wijk', '2024', { wijk: 'A' }), shown(rows, 'per_wijk', '2024', { wijk: 'B' })]).toContain(null);
    });

    test('3 stopped: neither a year minus three quarters nor the stock/flow identity gives a hidden count', async () => {
        const { rows } = await publish('03-periods-and-grains');
        expect(hidden(rows, 'per_kwartaal', '2024-Q3')).toBe(true);
        const parts = [shown(rows, 'per_jaar', '2024'), ...['2024-Q1', '2024-Q2', '2024-Q4'].map((p) => shown(rows, 'per_kwartaal', p))];
        expect(parts).toContain(null);
        // Stock/flow is one of the linked relations: one of stock Q1, stock Q2, outflow Q2 is hidden with the inflow.
        expect(hidden(rows, 'instroom', '2024-Q2')).toBe(true);
        expect([shown(rows, 'bestand', '2024-Q2'), shown(rows, 'bestand', '2024-Q1'), shown(rows, 'uitstroom', '2024-Q2')]).toContain(null);
    });

    test('4 stopped: neither the expression nor the focus indicator publishes a hidden count', async () => {
        const { rows } = await publish('04-expressions-and-focus');
        expect(hidden(rows, 'zeldzaam', '2024')).toBe(true);
        // alle - zonder_zeldzaam is a count of people (the rows outside the narrower filter): not published.
        expect(shown(rows, 'verschil', '2024')).toBeNull();
        expect([shown(rows, 'alle', '2024'), shown(rows, 'zonder_zeldzaam', '2024')]).toContain(null);
        // wijk_b is the cell wijk=B of per_wijk: hidden with it, so total − C − B is not there to take.
        expect(hidden(rows, 'per_wijk', '2024')).toBe(true);
        expect([shown(rows, 'per_wijk', '2024'), shown(rows, 'per_wijk', '2024', { wijk: 'C' }), shown(rows, 'wijk_b', '2024')]).toContain(null);
    });

    test('11 stopped: no hidden count is bounded to an interval narrower than the minimum', async () => {
        const { rows } = await publish('11-interval');
        const [a] = leaks('11-interval');
        expect(hidden(rows, 'per_wijk', '2024')).toBe(true);
        // The exact-only passes left A + B = total − C and B ≥ (B, s1): A in 0..4. One of those three is hidden now.
        const parts = [shown(rows, 'per_wijk', '2024'), shown(rows, 'per_wijk', '2024', { wijk: 'C' }), shown(rows, 'per_wijk_soort', '2024', { wijk: 'B', soort: 's1' })];
        expect(parts).toContain(null);
        expect(a.interval!.high - a.interval!.low + 1).toBeLessThan(10);
    });

    test('5: the sum of a 0/1 flag is a count and hidden; the max of one person is refused once the source is declared per person', async () => {
        const { rows } = await publish('05-non-count-aggregates');
        const [, age] = leaks('05-non-count-aggregates');
        expect(hidden(rows, 'met_vlag', '2024')).toBe(true);
        expect(shown(rows, 'som_vlag', '2024')).toBeNull();
        expect(shown(rows, 'gemiddelde_vlag', '2024')).toBeNull();
        // Undeclared, a snapshot of people is aggregated data to the tool: the age still prints.
        expect(at(rows, 'leeftijd_p7', '2024')).toBe(age.raw);
        expect(await refused('05-non-count-aggregates', 'declared.monitor')).toContain('privacy-min-max-person');
    }, TWO_RUNS);

    test('6: references over a source declared per person are refused; undeclared they still print', async () => {
        const { rows } = await publish('06-references');
        const [age] = leaks('06-references');
        expect(hidden(rows, 'aandeel_zeldzaam', '2024')).toBe(true);
        expect(at(rows, 'aandeel_zeldzaam', '2024', {}, 'P7')).toBe(age.raw);
        expect(await refused('06-references', 'declared.monitor')).toContain('privacy-reference-person-level');
    }, TWO_RUNS);

    test('7 stopped: neither the warning nor the provisional flag tells about a hidden cell', async () => {
        const { rows, stderr } = await publish('07-side-channels');
        expect(rows.filter((r) => r.indicator === 'per_persoon').every((r) => r.suppressed === true)).toBe(true);
        expect(stderr).not.toContain('data-breakdown-changed');
        expect(stderr).not.toMatch(/P9/);
        const p9 = rows.find((r) => r.persoon === 'P9' && r.period === '2024-Q3');
        expect(p9).toBeDefined();
        expect(p9!.provisional).toBeNull();
        expect(rows.filter((r) => r.suppressed === true && r.provisional !== null)).toEqual([]);
    });

    test('8 stopped: no privacy block and round without minimum are refused (fail closed)', async () => {
        expect(await refused('08-fail-open', 'attack.monitor')).toContain('privacy-missing');
        expect(await refused('08-fail-open', 'round-only.monitor')).toContain('privacy-minimum-missing');
    }, TWO_RUNS);

    test('9: a sum of pre-aggregated counts publishes 3 clients, with a warning, until the column is declared `integer count`', async () => {
        const raw = leaks('09-sum-of-counts')[0].raw;
        const undeclared = await publish('09-sum-of-counts');
        expect(at(undeclared.rows, 'clienten_per_100', '2024', { wijk: 'A' }, 'actual', 'numerator')).toBe(raw);
        // …but the analyst is told, at the line: the column reads like a count of people.
        expect(undeclared.stderr).toContain('privacy-sum-looks-count');
        const declared = (await publish('09-sum-of-counts', 'declared.monitor')).rows;
        expect(shown(declared, 'clienten_per_100', '2024', { wijk: 'A' }, 'numerator')).toBeNull();
        expect(declared.filter((r) => r.indicator === 'clienten_per_100' && r.numerator === raw)).toEqual([]);
    }, TWO_RUNS);

    test('10: pairs of nested filters are linked and hidden; the same sweep with filters not written as nested still leaks (residual: perturbation)', async () => {
        const [rare] = leaks('10-threshold-sweep');
        // `datum <= D and groep <> "zeldzaam"` is `datum <= D` and one more condition: their difference
        // is a count of people below the minimum, so one of each pair is hidden (linked tables).
        const nested = (await publish('10-threshold-sweep')).rows;
        const names = nested.filter((r) => String(r.indicator).startsWith('alle_')).map((r) => String(r.indicator).slice(5));
        expect(names.length).toBe(60);
        expect(names.filter((k) => shown(nested, `alle_${k}`, '2024') !== null && shown(nested, `gewoon_${k}`, '2024') !== null)).toEqual([]);
        // Written as `not (datum > D or groep = "zeldzaam")` the subset is not recognised (docs/privacy.md, residual risks).
        const { rows } = await publish('10-threshold-sweep', 'unnested.monitor');
        expect(hidden(rows, 'zeldzaam', '2024')).toBe(true);
        const differences = names.map((k) => at(rows, `alle_${k}`, '2024') - at(rows, `gewoon_${k}`, '2024'));
        // No single pair gives the count (each difference is a multiple of 5) …
        expect(differences.every((d) => d % 5 === 0)).toBe(true);
        // … but their mean is within half a person of it.
        const mean = differences.reduce((s, d) => s + d, 0) / differences.length;
        expect(Math.abs(mean - rare.raw)).toBeLessThan(0.5);
        expect(mean).toBeCloseTo(rare.estimate!, 2);
    }, TWO_RUNS);
});
