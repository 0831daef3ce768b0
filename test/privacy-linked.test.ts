/**
 * Attacks 1–3 of issue 14 (linked tables), on hand-made data through the real pipeline (DuckDB-WASM):
 * a 2-D breakdown beside its 1-D margin, the rows outside a binding's `where`, and a year beside its
 * quarters. Each derivation gives the hidden raw count from the rows the old rules published (the
 * per-indicator and same-cell passes only), and nothing from the rows published now.
 */
import { describe, expect, test } from 'vitest';
import type { FlatRow } from '@monitor/ir';
import { runMonitor } from './privacy-run.js';

const HEADER = `monitor m { grain quarter  range 2024-Q1 .. 2024-Q4  privacy { minimum 10  round 1 } }\n`;
const SOURCE = `source ev from "ev.csv" { events on datum  coverage 2024-01-01 .. 2024-12-31  columns { datum date  wijk text  soort text } }\n`;

/** `n` events in `wijk` of `soort` on one day. */
const events = (n: number, wijk: string, soort: string, datum = '2024-02-10') => Array.from({ length: n }, () => `${datum},${wijk},${soort}`);
const csv = (...lines: string[][]) => ['datum,wijk,soort', ...lines.flat()].join('\n') + '\n';

/** The shown value of a cell, or undefined when hidden. */
function shown(rows: FlatRow[], indicator: string, period: string, cell: Record<string, string> = {}): number | undefined {
    const r = rows.find((x) => x.indicator === indicator && x.period === period && x.series === 'actual'
        && Object.entries(cell).every(([k, v]) => x[k] === v) && (Object.keys(cell).length > 0 || !('wijk' in x) || x.wijk === undefined));
    return r && !r.suppressed ? (r.value as number) : undefined;
}

describe('attack 1: a 2-D breakdown beside its 1-D margin', () => {
    const text = HEADER + SOURCE + `dimension wijk { ev.wijk }
dimension soort { ev.soort }
indicator per_wijk { value count from ev  grain year  by wijk }
indicator per_wijk_soort { value count from ev  grain year  by wijk, soort }
`;
    const data = csv(events(30, 'A', 's2'), events(3, 'A', 's1'), events(20, 'B', 's1'), events(25, 'B', 's2'));

    test('per_wijk A − (A, s2) no longer gives the hidden (A, s1) = 3', async () => {
        const run = await runMonitor(text, { ev: data });
        expect(run.raw.find((r) => r.indicator === 'per_wijk_soort' && r.dimensions.wijk === 'A' && r.dimensions.soort === 's1')?.value).toBe(3);
        const derive = (rows: FlatRow[]) => {
            const a = shown(rows, 'per_wijk', '2024', { wijk: 'A' });
            const as2 = shown(rows, 'per_wijk_soort', '2024', { wijk: 'A', soort: 's2' });
            return a === undefined || as2 === undefined ? undefined : a - as2;
        };
        expect(shown(run.published, 'per_wijk_soort', '2024', { wijk: 'A', soort: 's1' })).toBeUndefined();
        expect(derive(run.published)).toBeUndefined();
        // Nor through B: B − (B, s1) − (B, s2) is 0 only when all are shown, and the total is the sum of both margins.
        const b = [shown(run.published, 'per_wijk', '2024', { wijk: 'B' }), shown(run.published, 'per_wijk_soort', '2024', { wijk: 'B', soort: 's1' })];
        const total = shown(run.published, 'per_wijk', '2024');
        const s2 = shown(run.published, 'per_wijk_soort', '2024', { wijk: 'A', soort: 's2' });
        if (total !== undefined && b[0] !== undefined && s2 !== undefined) expect(total - b[0] - s2).not.toBe(3);
    });
});

describe('attack 2: the rows outside a binding\'s `where`', () => {
    const text = HEADER + SOURCE + `dimension wijk { ev.wijk where wijk <> "X" }
indicator per_wijk { value count from ev  grain year  by wijk }
`;
    const data = csv(events(40, 'A', 's'), events(31, 'B', 's'), events(3, 'X', 's'));

    test('total − A − B no longer gives the 3 rows outside', async () => {
        const run = await runMonitor(text, { ev: data });
        expect(run.raw.find((r) => r.indicator === 'per_wijk' && Object.keys(r.dimensions).length === 0)?.value).toBe(74);
        const parts = [shown(run.published, 'per_wijk', '2024'), shown(run.published, 'per_wijk', '2024', { wijk: 'A' }), shown(run.published, 'per_wijk', '2024', { wijk: 'B' })];
        expect(parts.filter((p) => p === undefined).length).toBeGreaterThan(0);
    });

    test('without rows outside the `where`, nothing extra is hidden', async () => {
        const run = await runMonitor(text, { ev: csv(events(40, 'A', 's'), events(31, 'B', 's')) });
        expect([shown(run.published, 'per_wijk', '2024'), shown(run.published, 'per_wijk', '2024', { wijk: 'A' }), shown(run.published, 'per_wijk', '2024', { wijk: 'B' })]).toEqual([71, 40, 31]);
    });
});

describe('attack 3: a year beside its quarters', () => {
    const text = HEADER + SOURCE + `indicator kwartaal { value count from ev }
indicator jaar { value count from ev  grain year }
`;
    const data = csv(events(30, 'A', 's', '2024-02-10'), events(25, 'A', 's', '2024-05-10'), events(3, 'A', 's', '2024-08-10'), events(20, 'A', 's', '2024-11-10'));

    test('the year minus three shown quarters no longer gives the hidden fourth', async () => {
        const run = await runMonitor(text, { ev: data });
        expect(shown(run.published, 'kwartaal', '2024-Q3')).toBeUndefined();
        const parts = ['2024-Q1', '2024-Q2', '2024-Q4'].map((q) => shown(run.published, 'kwartaal', q));
        const year = shown(run.published, 'jaar', '2024');
        // At least one more of the four is hidden, and what is hidden is at least the minimum together.
        expect([...parts, year].filter((p) => p === undefined).length).toBeGreaterThan(0);
        const hidden = [30, 25, 20].filter((_, i) => parts[i] === undefined).reduce((a, b) => a + b, 3);
        if (year !== undefined) expect(hidden).toBeGreaterThanOrEqual(10);
    });
});
