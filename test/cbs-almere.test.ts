/**
 * The example on real CBS data (examples-cbs/almere) reads ../shared/data/cbs without copying it: the
 * CLI runs with `--root ..`, so the workspace holds both the project and shared/. Skipped, with the
 * reason printed, where ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { monitor, ROOT } from './cli-helpers.js';

const CBS = path.join(ROOT, '..', 'shared', 'data', 'cbs', 'almere_kwb_2018_2025_zorg_tidy.csv');
const EXAMPLE = path.join(ROOT, 'examples-cbs', 'almere', 'almere.monitor');
const present = fs.existsSync(CBS);
if (!present) console.warn(`SKIP the CBS Almere example: ${CBS} is absent (the shared data folder is not beside this checkout).`);

type Row = Record<string, string | number | boolean | null>;

/** The tidy CBS file as objects, blanks as null. */
function cbsRows(): Record<string, string | null>[] {
    const [head, ...lines] = fs.readFileSync(CBS, 'utf8').trim().split(/\r?\n/);
    const cols = head.split(',');
    return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v === '' || v === '.' ? null : v])));
}

/** New 2022 wijk code → old stadsdeel code, from the example's own mapping table. */
function mapping(): Map<string, string> {
    const text = fs.readFileSync(path.join(ROOT, 'examples-cbs/almere/data/wijkindeling_2022.csv'), 'utf8').trim().split('\n').slice(1);
    return new Map(text.map((l) => l.split(',') as [string, string]));
}

const temporary: string[] = [];
afterAll(() => { for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true }); });

describe.skipIf(!present)('the CBS Almere example', () => {
    test('checks clean with the parent folder as workspace root', () => {
        const r = monitor(['check', 'examples-cbs', '--root', '..']);
        expect(r.stdout + r.stderr).toContain('0 error(s), 0 warning(s)');
        expect(r.code).toBe(0);
    });

    test('keeps the six stadsdelen comparable across the 2022 boundary change, with CBS blanks left out', () => {
        const r = monitor(['run', path.relative(ROOT, EXAMPLE), '--root', '..', '--format', 'json']);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toContain('data-breakdown-changed');
        const rows = JSON.parse(r.stdout) as Row[];
        const map = mapping();
        // Independent sums per stadsdeel and year: wijk rows with a published Wmo count, new codes mapped from 2022.
        const expected = new Map<string, { n: number; d: number }>();
        for (const c of cbsRows()) {
            const year = Number(c.kwb_jaar);
            if (c.soort_regio !== 'Wijk' || year > 2024 || c.WmoClienten === null) continue;
            const stadsdeel = year >= 2022 ? map.get(c.regiocode!) ?? c.regiocode! : c.regiocode!;
            const cell = expected.get(`${year}|${stadsdeel}`) ?? { n: 0, d: 0 };
            cell.n += Number(c.WmoClienten);
            cell.d += Number(c.AantalInwoners);
            expected.set(`${year}|${stadsdeel}`, cell);
        }
        const haven = rows.filter((x) => x.indicator === 'wmo_per_1000' && x.series === 'actual' && x.stadsdeel === 'WK003401');
        expect(haven.map((x) => x.period)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
        for (const x of rows.filter((y) => y.indicator === 'wmo_per_1000' && y.series === 'actual' && typeof y.stadsdeel === 'string' && y.stadsdeel.startsWith('WK'))) {
            const want = expected.get(`${x.period}|${x.stadsdeel}`);
            expect([x.numerator, x.denominator], `${x.period} ${x.stadsdeel}`).toEqual(want ? [want.n, want.d] : [null, null]);
        }
        // No jump at the boundary change: Haven 2022 within 10 % of 2021.
        const [y2021, y2022] = [haven[3].value as number, haven[4].value as number];
        expect(Math.abs(y2022 / y2021 - 1)).toBeLessThan(0.1);
        // The reference series is CBS's own municipal figure.
        const reference = rows.filter((x) => x.series === 'Almere (CBS)' && x.stadsdeel === undefined).map((x) => x.value);
        const gemeente = cbsRows().filter((c) => c.soort_regio === 'Gemeente' && Number(c.kwb_jaar) <= 2024).map((c) => Number(c.WmoClientenRelatief));
        expect(reference).toEqual(gemeente);
    });

    test('without the mapping, the run warns that wijk codes appear and disappear mid-series', () => {
        const dir = fs.mkdtempSync(path.join(ROOT, 'examples-cbs', 'almere', '.tmp-'));
        temporary.push(dir);
        const text = fs.readFileSync(EXAMPLE, 'utf8')
            .replace(/^\s*map via .*$/m, '')
            .replace('"../../../shared/', '"../../../../shared/')
            .replace('"data/wijkindeling_2022.csv"', '"../data/wijkindeling_2022.csv"');
        const file = path.join(dir, 'zonder-indeling.monitor');
        fs.writeFileSync(file, text);
        const r = monitor(['run', path.relative(ROOT, file), '--root', '..', '--indicator', 'wmo_per_1000', '--format', 'csv']);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/warning data-breakdown-changed The breakdown of indicator wmo_per_1000 by stadsdeel changes mid-series: WK003406, WK003407, .*\(44\) first appear in 2022/);
        // The old codes WK003401–05 were reused for new wijken, so they never disappear: only the mapping catches that.
        expect(r.stderr).not.toMatch(/WK003401[^\n]*last appear/);
    });
});
