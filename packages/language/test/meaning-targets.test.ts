/** Meaning-stage checks on targets: periods, baselines, directions (check-indicators.ts). */
import { describe, test } from 'vitest';
import { isTarget, isTargetPoint } from '../src/generated/ast.js';
import { PRELUDE, expectClean, expectCode, expectNoCode, nodes, one, validate } from './helpers.js';

/** PRELUDE (quarterly, range 2019-Q1 .. 2026-Q4) plus indicators to set targets on. */
const BASE = PRELUDE + `
indicator verblijf { value count from trajecten active at end desired down }
indicator jaarlijks { value count from trajecten started grain year desired down }
indicator zonder_richting { value count from trajecten ended }
`;

const withTarget = (target: string) => validate(BASE + target);
const point = (result: Awaited<ReturnType<typeof withTarget>>, label: string) =>
    one(result, isTargetPoint, p => String(p.period) === label);

describe('target periods', () => {
    test('a quarterly target on a yearly indicator is reported at the period', async () => {
        const result = await withTarget(`target jaarlijks { 2026-Q4 <= 100 }`);
        expectCode(result, 'period-finer-than-grain', 'error', { node: point(result, '2026-Q4'), property: 'period' },
            /Period 2026-Q4 is finer than the grain 'year' of 'jaarlijks'/);
    });
    test('a monthly target is finer than the monitor grain an indicator inherits', async () => {
        const result = await withTarget(`target verblijf { 2026-07 <= 100 }`);
        expectCode(result, 'period-finer-than-grain', 'error', { node: point(result, '2026-07'), property: 'period' }, /grain 'quarter'/);
    });
    test('a quarterly baseline on a yearly indicator is reported at the baseline', async () => {
        const result = await withTarget(`target jaarlijks { baseline 2022-Q1 2026 -10% }`);
        expectCode(result, 'period-finer-than-grain', 'error', { node: one(result, isTarget), property: 'baseline' });
    });
    test('a yearly target on a quarterly indicator is accepted', async () => {
        expectClean(await withTarget(`target verblijf { baseline 2022 2026 -10% }`));
    });

    test('a target after the monitor range is reported at the period', async () => {
        const result = await withTarget(`target verblijf { 2030-Q4 <= 100 }`);
        expectCode(result, 'target-outside-range', 'error', { node: point(result, '2030-Q4'), property: 'period' },
            /2030-Q4 lies outside the monitor's range 2019-Q1 .. 2026-Q4/);
    });
    test('a target on the last period of the range is accepted', async () => {
        expectClean(await withTarget(`target verblijf { 2026-Q4 <= 100 }`));
    });

    test('a target period that is a number but not a year is an invalid period', async () => {
        const result = await withTarget(`target verblijf { baseline 22 2026-Q4 -10% }`);
        expectCode(result, 'invalid-period', 'error', { node: one(result, isTarget), property: 'baseline' }, /'22' is not a period/);
    });
});

describe('baselines', () => {
    test('a baseline year that contains the target period is reported at the target period', async () => {
        const result = await withTarget(`target verblijf { baseline 2026 2026-Q4 -10% }`);
        expectCode(result, 'baseline-after-target', 'error', { node: point(result, '2026-Q4'), property: 'period' },
            /The baseline 2026 does not lie before target period 2026-Q4/);
    });
    test('a baseline in the year before the target is accepted', async () => {
        expectClean(await withTarget(`target verblijf { baseline 2025 2026-Q4 -10% }`));
    });

    test('a relative target without baseline is reported at its period', async () => {
        const result = await withTarget(`target verblijf { 2026-Q4 -10% }`);
        expectCode(result, 'relative-target-needs-baseline', 'error', { node: point(result, '2026-Q4'), property: 'period' });
    });
    test('a direction-only target without baseline is reported at its period', async () => {
        const result = await withTarget(`target verblijf { 2026-Q4 down }`);
        expectCode(result, 'relative-target-needs-baseline', 'error', { node: point(result, '2026-Q4'), property: 'period' });
    });
    test('an absolute target needs no baseline', async () => {
        expectNoCode(await withTarget(`target verblijf { 2026-Q4 <= 6.5 tolerance 5% }`), 'relative-target-needs-baseline');
    });
});

describe('directions', () => {
    test('a lower-bound target on a desired-down indicator contradicts it', async () => {
        const result = await withTarget(`target verblijf { 2026-Q4 >= 60 }`);
        expectCode(result, 'target-contradicts-desired', 'error', { node: point(result, '2026-Q4') },
            /asks the value to go up, but indicator 'verblijf' is 'desired down'/);
    });
    test('a relative increase on a desired-down indicator contradicts it', async () => {
        const result = await withTarget(`target verblijf { baseline 2022 2026-Q4 10% }`);
        expectCode(result, 'target-contradicts-desired', 'error', { node: point(result, '2026-Q4') });
    });
    test('a relative decrease on a desired-down indicator agrees with it', async () => {
        expectClean(await withTarget(`target verblijf { baseline 2022 2026-Q4 -10% }`));
    });
    test('an exact target asks no direction', async () => {
        expectNoCode(await withTarget(`target verblijf { 2026-Q4 = 60 }`), 'target-contradicts-desired');
    });

    test('a relative target on an indicator without desired direction is a warning at the point', async () => {
        const result = await withTarget(`target zonder_richting { baseline 2022 2026-Q4 -10% }`);
        expectCode(result, 'target-needs-desired', 'warning', { node: point(result, '2026-Q4') }, /'zonder_richting' has a target but no 'desired up\|down'/);
    });
    test('a relative target on an indicator with a desired direction has no warning', async () => {
        expectNoCode(await withTarget(`target verblijf { baseline 2022 2026-Q4 -10% }`), 'target-needs-desired');
    });
});

describe('target blocks', () => {
    test('a second target block for one indicator is reported at its indicator name', async () => {
        const result = await withTarget(`target verblijf { 2025-Q4 <= 100 }\ntarget verblijf { 2026-Q4 <= 90 }`);
        const second = nodes(result, isTarget)[1];
        expectCode(result, 'duplicate-target', 'error', { node: second, property: 'indicator' }, /'verblijf' has more than one target block/);
    });
    test('two target points in one block are accepted', async () => {
        expectClean(await withTarget(`target verblijf { 2025-Q4 <= 100 2026-Q4 <= 90 }`));
    });
    test('target blocks for two different indicators are not duplicates', async () => {
        expectClean(await withTarget(`target verblijf { 2026-Q4 <= 90 }\ntarget jaarlijks { 2026 <= 90 }`));
    });
});
