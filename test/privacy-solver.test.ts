/**
 * The solver's pass of disclosure control (packages/engine/src/linked-suppression.ts) on hand-made data
 * through the real pipeline (DuckDB-WASM): relations the exact passes did not know — the stock/flow
 * identity, nested filters inside a breakdown, a focus indicator. Each case states the attacker's
 * arithmetic on the rows the exact passes alone published, checks it is gone, and hands the published
 * rows to `monitor audit`'s independent implementation (packages/audit), which must find no leak.
 */
import { describe, expect, test } from 'vitest';
import { auditPublication } from '@monitor/audit';
import { applyDisclosure } from '@monitor/engine';
import { flattenRow, type FlatRow } from '@monitor/ir';
import { runMonitor } from './privacy-run.js';

/** The shown value of a cell, or undefined when hidden. */
function shown(rows: FlatRow[], indicator: string, period: string, cell: Record<string, string> = {}): number | undefined {
    const r = rows.find((x) => x.indicator === indicator && x.period === period && x.series === 'actual'
        && Object.entries(cell).every(([k, v]) => x[k] === v) && (Object.keys(cell).length > 0 || !('wijk' in x) || x.wijk === null));
    return r && !r.suppressed ? (r.value as number) : undefined;
}

/** Runs the monitor, audits what it publishes, and returns the published rows (flat) and the raw ones. */
async function publishAndAudit(text: string, data: Record<string, string>) {
    const run = await runMonitor(text, data);
    const rows = await applyDisclosure(run.program, run.raw);
    const audit = await auditPublication([{ program: run.program, rows }]);
    expect(audit.inconsistent).toEqual([]);
    expect(audit.findings.map((f) => `${f.kind} ${f.subject}`)).toEqual([]);
    return { published: rows.map(flattenRow), raw: run.raw };
}

describe('the stock/flow identity', () => {
    const text = `monitor m { grain quarter  range 2024-Q1 .. 2024-Q2  privacy { minimum 10 } }
source zorg from "zorg.csv" { episodes start begin end eind key client  coverage 2024-01-01 .. 2024-12-31
    columns { client text  begin date  eind date? } }
indicator bestand { value count from zorg active at end }
indicator instroom { value count from zorg started }
indicator uitstroom { value count from zorg ended }
`;
    // 40 active at the end of Q1 (started in Q1), 12 of them end in Q2, 3 start in Q2: 31 at the end of Q2.
    const lines = ['client,begin,eind'];
    for (let i = 0; i < 40; i++) lines.push(`C${i},2024-02-0${1 + (i % 9)},${i < 12 ? '2024-05-10' : ''}`);
    for (let i = 0; i < 3; i++) lines.push(`N${i},2024-05-20,`);

    test('stock Q2 − stock Q1 + outflow Q2 no longer gives the hidden inflow of 3', async () => {
        const { published, raw } = await publishAndAudit(text, { zorg: lines.join('\n') + '\n' });
        expect(raw.find((r) => r.indicator === 'instroom' && r.period === '2024-Q2')?.value).toBe(3);
        expect(shown(published, 'instroom', '2024-Q2')).toBeUndefined();
        const parts = [shown(published, 'bestand', '2024-Q2'), shown(published, 'bestand', '2024-Q1'), shown(published, 'uitstroom', '2024-Q2')];
        expect(parts).toContain(undefined);
    });
});

describe('nested filters and a focus indicator inside a breakdown', () => {
    const text = `monitor m { grain year  range 2024 .. 2024  privacy { minimum 10 } }
source ev from "ev.csv" { events on datum key id  coverage 2024-01-01 .. 2024-12-31  columns { id text  datum date  wijk text  groep text } }
dimension wijk { ev.wijk }
indicator alle { value count from ev  by wijk }
indicator gewoon { value count from ev where groep <> "zeldzaam"  by wijk }
indicator in_b { value count from ev where wijk = "B" }
`;
    // A: 40, of whom 2 rare; B: 30, none rare; C: 25.
    const lines = ['id,datum,wijk,groep'];
    const add = (n: number, wijk: string, groep: string) => { for (let i = 0; i < n; i++) lines.push(`${wijk}${groep}${i},2024-03-0${1 + (i % 9)},${wijk},${groep}`); };
    add(38, 'A', 'gewoon'); add(2, 'A', 'zeldzaam'); add(30, 'B', 'gewoon'); add(25, 'C', 'gewoon');

    test('alle − gewoon per wijk no longer gives the 2 rare people of A; the focus indicator is the cell B', async () => {
        const { published } = await publishAndAudit(text, { ev: lines.join('\n') + '\n' });
        const a = [shown(published, 'alle', '2024', { wijk: 'A' }), shown(published, 'gewoon', '2024', { wijk: 'A' })];
        expect(a).toContain(undefined);
        // Where nothing is hidden, the focus indicator and the cell publish one number.
        const b = shown(published, 'alle', '2024', { wijk: 'B' });
        expect(shown(published, 'in_b', '2024')).toBe(b);
    });
});
