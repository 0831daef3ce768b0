import { describe, expect, it } from 'vitest';
import { breakdownChanges } from '../src/breakdown-changes.js';
import { indicator, measure, program } from './helpers/program.js';
import { row } from './helpers/rows.js';

const count = measure({ source: 's', time: 'event' });
const p = program({ sources: [], indicators: [indicator('x', count, { by: ['wijk'] })] });
const cell = (period: string, n: number | null, wijk?: string) => row('x', period, n, { dimensions: wijk === undefined ? {} : { wijk } });

describe('breakdown values that come and go', () => {
    it('warns when codes disappear and others appear mid-series, naming values and periods but no count', () => {
        const rows = [
            cell('2021', 40), cell('2021', 40, 'OUD1'), cell('2021', 0, 'NIEUW1'),
            cell('2022', 50), cell('2022', 0, 'OUD1'), cell('2022', 37, 'NIEUW1'),
        ];
        const [issue, ...more] = breakdownChanges(p, rows);
        expect(more).toEqual([]);
        expect(issue).toMatchObject({ code: 'data-breakdown-changed', severity: 'warning' });
        expect(issue.message).toBe('The breakdown of indicator x by wijk changes mid-series: NIEUW1 first appear in 2022; OUD1 last appear in 2021.');
        expect(issue.messageNl).toMatch(/NIEUW1 komen voor het eerst voor in 2022/);
        expect(issue.message + issue.hint).not.toMatch(/37|40|50/);
    });
    it('stays silent when every value is there in every covered period, and ignores uncovered periods', () => {
        const rows = [cell('2021', 40), cell('2021', 12, 'A'), cell('2022', 50), cell('2022', 3, 'A'), cell('2023', null), cell('2023', null, 'A')];
        expect(breakdownChanges(p, rows)).toEqual([]);
    });
});
