/**
 * The preview's rows (`safeRows` in packages/preview/src/compute-rows.ts, the function the webview runs
 * on DuckDB-WASM) through the same privacy audit as the CLI's output: for every example, no hidden
 * small count follows from the published rows — totals, other cells, other indicators that publish the
 * same count (test/derivable.ts). The hover and code lenses of the language server show rows of the
 * same `applyDisclosure` (packages/server/src/compute-analysis.ts).
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { flattenRow } from '@monitor/ir';
import { safeRows } from '../packages/preview/src/compute-rows.js';
import { derivableCounts } from './derivable.js';
import { exampleMonitors, programOf, rawRows } from './example-runs.js';

describe.each(exampleMonitors())('privacy of the preview of %s', (file) => {
    test(`${path.basename(file)}: no hidden count can be worked out from the preview's rows`, async () => {
        const program = await programOf(file);
        const { rows: raw } = await rawRows(program);
        const shown = await safeRows(program, raw);
        expect(shown.length).toBe(raw.length);
        expect(derivableCounts(program, raw, shown.map(flattenRow))).toEqual([]);
        // Every small count of the raw rows is hidden in the preview (the audit's premise).
        const privacy = program.monitor.privacy!;
        for (const [i, r] of shown.entries()) {
            const n = raw[i].numerator;
            if (raw[i].series === 'actual' && r.numerator !== null) expect(r.numerator >= privacy.minimum || n === null, `${r.indicator} ${r.period}`).toBe(true);
        }
    });
});

describe('one count published twice in the jeugd example', () => {
    test('verblijf (by wijk) counts the same clients as the denominator of aandeel_pleegzorg: one number, shown or hidden together', async () => {
        const file = exampleMonitors().find((f) => path.basename(f) === 'jeugd.monitor')!;
        const program = await programOf(file);
        const { rows: raw } = await rawRows(program);
        const shown = await safeRows(program, raw);
        const totals = (name: string) => raw.map((r, i) => [r, shown[i]] as const)
            .filter(([r]) => r.indicator === name && r.series === 'actual' && Object.keys(r.dimensions).length === 0);
        const verblijf = totals('verblijf');
        const share = totals('aandeel_pleegzorg');
        expect(verblijf.length).toBeGreaterThan(0);
        // The premise of the monitor-wide pass: equal measures give equal counts, period by period.
        expect(verblijf.map(([r]) => [r.period, r.numerator])).toEqual(share.map(([r]) => [r.period, r.denominator]));
        expect(verblijf.map(([, s]) => s.suppressed)).toEqual(share.map(([, s]) => s.suppressed));
        for (const [i, [, s]] of verblijf.entries()) if (!s.suppressed) expect(s.numerator).toBe(share[i][1].denominator);
    });
});
