/**
 * `monitor run --indicator X` computes only what X needs (packages/engine/src/disclosure-closure.ts):
 * X, what its expression uses and what disclosure control links it to. Its rows are exactly a full
 * run's rows for X, for every indicator of the jeugd example (privacy minimum 10, round 5: secondary
 * suppression of the breakdowns by wijk against their totals, and across the indicators that publish
 * the same count), and for a count published twice: a breakdown by wijk and the one wijk on its own,
 * whose cell secondary suppression hides in the breakdown (computed alone, it would be shown and
 * give away the small cell beside it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ResultRow } from '@monitor/ir';
import { indicatorsToCompute } from '@monitor/engine';
import { analyse, type AnalysedMonitor } from '../packages/cli/src/analyse.js';
import { computeMonitor } from '../packages/cli/src/compute.js';
import { workspaceRoot } from '../packages/cli/src/workspace-root.js';

const FILE = path.resolve(import.meta.dirname, '../examples/jeugd/jeugd.monitor');
let monitor: AnalysedMonitor;
let full: ResultRow[];

beforeAll(async () => {
    const analysis = await analyse([FILE]);
    monitor = analysis.monitors[0];
    const computed = await computeMonitor(monitor, workspaceRoot(undefined, FILE));
    expect(computed.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    full = computed.rows;
    // Disclosure control did hide cells here: the comparison below is not between unprotected rows.
    expect(full.some(r => r.suppressed)).toBe(true);
}, 300_000);

describe('run --indicator X', () => {
    test('computes X with what disclosure control links it to, and an expression with its parts only', () => {
        // verblijf and residentieel are rates over the same population count; aandeel_pleegzorg's
        // denominator is verblijf's numerator.
        expect(indicatorsToCompute(monitor.program, ['verblijf'])).toEqual(['verblijf', 'residentieel', 'aandeel_pleegzorg']);
        expect(indicatorsToCompute(monitor.program, ['netto_instroom'])).toEqual(['instroom_verblijf', 'uitstroom_verblijf', 'netto_instroom']);
        expect(indicatorsToCompute(monitor.program, ['instroom_verblijf'])).toEqual(['instroom_verblijf']);
    });

    test('gives, for every indicator, exactly the rows of a full run for it', async () => {
        for (const indicator of monitor.program.indicators) {
            const only = await computeMonitor(monitor, workspaceRoot(undefined, FILE), [indicator.name]);
            expect(only.rows, indicator.name).toEqual(full.filter(r => r.indicator === indicator.name));
        }
    }, 300_000);
});

/** Three wijken of 3, 15 and 40 reports: A fails the minimum, B is hidden beside it in the breakdown. */
const LINKED = `monitor link {
    title "Meldingen"
    grain year
    range 2024 .. 2024
    privacy { minimum 10  round 1 }
}

source meldingen from "data/meldingen.csv" {
    events on datum
    coverage 2024-01-01 .. 2024-12-31
    columns { datum date  wijk text }
}

dimension wijk { title "Wijk"  meldingen.wijk }

indicator per_wijk {
    title "Meldingen per wijk"
    value count from meldingen
    by wijk
}

indicator in_b {
    title "Meldingen in wijk B"
    value count from meldingen where wijk = "B"
}
`;

test('run --indicator of a count another indicator breaks down: computed with it, hidden as in a full run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-subset-'));
    try {
        fs.mkdirSync(path.join(dir, 'data'));
        const rows = [...Array(3).fill('2024-03-01,A'), ...Array(15).fill('2024-03-01,B'), ...Array(40).fill('2024-03-01,C')];
        fs.writeFileSync(path.join(dir, 'data/meldingen.csv'), ['datum,wijk', ...rows, ''].join('\n'));
        const file = path.join(dir, 'link.monitor');
        fs.writeFileSync(file, LINKED);
        const linked = (await analyse([file])).monitors[0];
        expect(indicatorsToCompute(linked.program, ['in_b'])).toEqual(['per_wijk', 'in_b']);
        const all = await computeMonitor(linked, dir);
        const alone = await computeMonitor(linked, dir, ['in_b']);
        expect(alone.rows).toEqual(all.rows.filter(r => r.indicator === 'in_b'));
        expect(alone.rows.map(r => [r.period, r.value, r.suppressed])).toEqual([['2024', null, true]]);
        // The breakdown shows the total and C: B shown on its own would give A = 58 - 40 - B.
        expect(all.rows.filter(r => r.indicator === 'per_wijk' && !r.suppressed).map(r => r.value).sort()).toEqual([40, 58]);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}, 300_000);
