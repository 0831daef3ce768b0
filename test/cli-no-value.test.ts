/**
 * An indicator without a value in any period is said, not shown as an empty chart (code
 * `data-no-value`, a warning at the indicator): in `run`, in `check`, in English and in Dutch. A
 * series with a value, or with a cell hidden by disclosure control, gets no such warning.
 */
import { describe, expect, test } from 'vitest';
import { fixture, monitorInProcess } from './cli-helpers.js';

const monitorText = `monitor m {
    grain quarter
    range 2024-Q1 .. 2024-Q4
    privacy { minimum 5 }
}
source t from "t.csv" {
    episodes start start end end key id
    columns { id text  start date  end date?  wijk text }
}
indicator n {
    value count from t active at end
}
`;

/** The files of a fixture whose episodes are the given CSV data rows. */
const files = (rows: string[]) => fixture({ '.monitor-root': '', 'm.monitor': monitorText, 't.csv': `id,start,end,wijk\n${rows.join('\n')}\n` });

interface Diagnostic { code: string; severity: string; line: number; message: string }

describe('an indicator without any value', () => {
    test('one open episode: the data cover no whole quarter, so every period is empty, and run and check say so at the indicator', async () => {
        const dir = files(['A,2024-01-01,,X']);
        const run = await monitorInProcess(['run', 'm.monitor', '--format', 'csv'], dir);
        expect(run.code).toBe(0);
        expect(run.stdout.trim().split('\n').slice(1).every(l => l.split(',')[3] === '')).toBe(true);
        expect(run.stderr).toMatch(/m\.monitor:10:1: warning data-no-value Indicator n has no value in any period of 2024-Q1 … 2024-Q4\. .*`coverage <from> \.\. <to>`/);
        const check = await monitorInProcess(['check', '--format', 'json', 'm.monitor'], dir);
        const found = JSON.parse(check.stdout) as Diagnostic[];
        expect(found.map(d => [d.code, d.severity, d.line])).toEqual([['data-no-value', 'warning', 10]]);
        const dutch = await monitorInProcess(['check', 'm.monitor', '--lang', 'nl'], dir);
        expect(dutch.stdout).toContain('Indicator n heeft in geen enkele periode van 2024-Q1 … 2024-Q4 een waarde.');
        expect(dutch.stderr).toContain('1 bestand(en) gecontroleerd: 0 fout(en), 1 waarschuwing(en).');
    });
    test('data covering the year give values and no warning; hidden cells alone give no warning either', async () => {
        const covered = files(['A,2024-01-01,,X', 'B,2024-01-01,,X', 'C,2024-01-01,,X', 'D,2024-01-01,,X', 'E,2024-01-01,,X', 'F,2024-01-01,2024-12-31,X']);
        const run = await monitorInProcess(['run', 'm.monitor', '--format', 'json'], covered);
        expect((JSON.parse(run.stdout) as { value: number | null }[]).map(r => r.value)).toEqual([6, 6, 6, 6]);
        expect(run.stderr).not.toContain('data-no-value');
        // Two people the whole year: every value under the minimum is hidden, which is no "no value" to report.
        const hidden = await monitorInProcess(['check', '--format', 'json', 'm.monitor'], files(['A,2024-01-01,,X', 'B,2024-01-01,2024-12-31,X']));
        expect(JSON.parse(hidden.stdout)).toEqual([]);
    });
});
