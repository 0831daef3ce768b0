/**
 * The second example on real CBS data (examples/cbs-gemeenten): Almere's housing stock per 1,000
 * inhabitants and its density next to the other municipalities of its CBS size class (150,000–250,000
 * inhabitants) in 2024, as proper rates (sum of dwellings, or inhabitants, over sum of inhabitants, or
 * land) from the one-period file of all 342 municipalities. It reads ../shared/data/cbs with `--root ..` and is marked `.monitor-skip` like
 * examples/cbs-almere. Skipped with a printed reason where ../shared is absent; with
 * MONITOR_REQUIRE_ALL=1 (CI) its absence is a failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ResultRow } from '@monitor/ir';
import { renderSvg, trendSpec } from '@monitor/render';
import { monitorInProcess, ROOT } from './cli-helpers.js';
import { programOf } from './example-runs.js';

const CBS = path.join(ROOT, '..', 'shared', 'data', 'cbs');
const GEMEENTEN = path.join(CBS, 'kwb2024_gemeenten_inwoners.csv');
const ALMERE = path.join(CBS, 'almere_kwb_2018_2025_raw.csv');
const EXAMPLE = path.join(ROOT, 'examples', 'cbs-gemeenten', 'gemeenten.monitor');
const SERIES = 'Andere gemeenten 150.000–250.000 inwoners';
const present = fs.existsSync(GEMEENTEN) && fs.existsSync(ALMERE);
if (!present) {
    const reason = `the CBS files in ${CBS} are absent (the shared data folder is not beside this checkout)`;
    if (process.env.MONITOR_REQUIRE_ALL === '1') throw new Error(`The CBS gemeenten example is required (MONITOR_REQUIRE_ALL=1), but ${reason}.`);
    console.warn(`SKIP the CBS gemeenten example: ${reason}.`);
}

type Row = Record<string, string | number | boolean | null>;

/** The 2024 file of all municipalities as objects (a plain comma-separated file, numbers only). */
function municipalities(): Record<string, string>[] {
    const [head, ...lines] = fs.readFileSync(GEMEENTEN, 'utf8').trim().split(/\r?\n/);
    const cols = head.split(',');
    return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

/** Almere's municipality row of one KWB edition in the raw file (`;`, BOM, padded text). */
function almereRow(year: number): Record<string, string> {
    const [head, ...lines] = fs.readFileSync(ALMERE, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const cols = head.split(';');
    const rows = lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [cols[i], v])));
    return rows.find((r) => r.SoortRegio_2.trim() === 'Gemeente' && r.Peildatum === `1-1-${year}`)!;
}

async function run(format: 'json' | 'csv'): Promise<string> {
    const r = await monitorInProcess(['run', path.relative(ROOT, EXAMPLE), '--root', '..', '--format', format]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
}

describe.skipIf(!present)('the CBS gemeenten example', () => {
    test('checks clean with the parent folder as root; `monitor check examples` skips it with the reason', async () => {
        const r = await monitorInProcess(['check', 'examples/cbs-gemeenten', '--root', '..']);
        expect(r.stdout + r.stderr).toContain('1 file(s) checked: 0 error(s), 0 warning(s)');
        expect(r.code).toBe(0);
        const all = await monitorInProcess(['check', 'examples']);
        expect(all.stderr).toContain('Skipped examples/cbs-gemeenten: it reads the CBS files in ../shared/data/cbs');
        expect(all.code).toBe(0);
    });

    test('the size class is a proper rate of the 13 other municipalities with 150,000–250,000 inhabitants, in 2024 only', async () => {
        const rows = JSON.parse(await run('json')) as Row[];
        const reference = rows.filter((x) => x.series === SERIES && x.indicator === 'woningen_per_1000');
        expect(reference.map((x) => x.period)).toEqual(['2024']);
        // By hand on the file: every municipality of the class except Almere (GM0034).
        const peers = municipalities().filter((m) => Number(m.AantalInwoners_5) >= 150000 && Number(m.AantalInwoners_5) < 250000 && m.regiocode !== 'GM0034');
        expect(peers).toHaveLength(13);
        const dwellings = peers.reduce((s, m) => s + Number(m.Woningvoorraad_35), 0);
        const inhabitants = peers.reduce((s, m) => s + Number(m.AantalInwoners_5), 0);
        expect([dwellings, inhabitants]).toEqual([1122607, 2407491]);
        expect(reference[0].value).toBe(Math.round((dwellings / inhabitants) * 1000 * 10) / 10);
        expect(reference[0].value).toBe(466.3);
        // The average of the 13 rates would be another number: the reference is not that.
        const average = peers.reduce((s, m) => s + Number(m.Woningvoorraad_35) / Number(m.AantalInwoners_5) * 1000, 0) / peers.length;
        expect(Math.abs(average - 466.3)).toBeGreaterThan(0.5);
    });

    test('density of the class is all inhabitants over all land, far from the average of the published densities', async () => {
        const rows = JSON.parse(await run('json')) as Row[];
        const dichtheid = rows.filter((x) => x.indicator === 'dichtheid' && x.value !== null);
        const peers = municipalities().filter((m) => Number(m.AantalInwoners_5) >= 150000 && Number(m.AantalInwoners_5) < 250000 && m.regiocode !== 'GM0034');
        const inhabitants = peers.reduce((s, m) => s + Number(m.AantalInwoners_5), 0);
        const land = peers.reduce((s, m) => s + Number(m.OppervlakteLand_123), 0);
        const reference = dichtheid.find((x) => x.series === SERIES)!;
        expect([reference.period, reference.value]).toEqual(['2024', Math.round(inhabitants / land * 100)]);
        expect(reference.value).toBe(1478);
        // CBS's own densities of the 13, averaged, say 2,088: a small dense city weighs as much as a large green one.
        const averaged = peers.reduce((s, m) => s + Number(m.Bevolkingsdichtheid_34), 0) / peers.length;
        expect(Math.round(averaged)).toBe(2088);
        // Almere's own density, from its raw file, is CBS's published figure (Bevolkingsdichtheid_34 = 1,753 in 2024).
        const own = dichtheid.find((x) => x.series === 'actual')!;
        expect([own.period, own.value]).toEqual(['2024', Number(almereRow(2024).Bevolkingsdichtheid_34)]);
        expect(own.value).toBe(1753);
    });

    test('Almere\'s own value comes from its own raw CBS file, rounded to one decimal', async () => {
        const rows = JSON.parse(await run('json')) as Row[];
        const own = rows.filter((x) => x.series === 'actual' && x.indicator === 'woningen_per_1000');
        for (const year of [2023, 2024]) {
            const cbs = almereRow(year);
            const row = own.find((x) => x.period === String(year))!;
            expect([row.numerator, row.denominator]).toEqual([Number(cbs.Woningvoorraad_35), Number(cbs.AantalInwoners_5)]);
            expect(row.value).toBe(Math.round(Number(cbs.Woningvoorraad_35) / Number(cbs.AantalInwoners_5) * 10000) / 10);
        }
        // The published CBS figures, by hand: 92,353 dwellings for 226,500 inhabitants on 1 January 2024.
        expect(own.find((x) => x.period === '2024')?.value).toBe(407.7);
        // No value in CSV carries float noise: one decimal at most.
        const csv = await run('csv');
        expect(csv.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[3]).filter((v) => v !== '' && !/^\d+(\.\d)?$/.test(v))).toEqual([]);
    });

    test('the chart marks the one-period reference with a diamond labelled with its period; the report names the period', async () => {
        const program = await programOf(EXAMPLE);
        const rows = JSON.parse(await run('json')).map((x: Row) => ({
            indicator: x.indicator, series: x.series, period: x.period, dimensions: {}, value: x.value, numerator: x.numerator,
            denominator: x.denominator, target: x.target, status: x.status, suppressed: x.suppressed, provisional: x.provisional,
        })) as ResultRow[];
        const svg = await renderSvg(trendSpec(program.indicators[0], rows, { lang: 'nl' }));
        expect(svg).toMatch(/reference_points_marks[^>]*>\s*<path/);
        expect(svg).toContain(`${SERIES} (2024)`);
        const report = await monitorInProcess(['report', path.relative(ROOT, EXAMPLE), '--root', '..', '--lang', 'nl']);
        expect(report.code, report.stderr).toBe(0);
        expect(report.stdout).toContain(`${SERIES} (2024)`);
        expect(report.stdout).toContain('407,7');
    });
});
