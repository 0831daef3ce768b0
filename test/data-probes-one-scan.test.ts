/**
 * The data stage looks for every text value of a table's conditions in one scan of that table
 * (packages/server/src/data-probes.ts), not one scan per value: on a million rows each scan costs
 * about as much as a query of the monitor. A value that is not found is still a warning at its
 * measure, once, and a value that is found is none. Real DuckDB-WASM; the SQL it was sent is recorded.
 */
import path from 'node:path';
import { expect, test } from 'vitest';
import { createNodeEngine, type Engine } from '@monitor/engine';
import { analyse } from '../packages/cli/src/analyse.js';
import { loadSources } from '../packages/cli/src/data-stage.js';
import { fixture } from './cli-helpers.js';

const MONITOR = `monitor m { grain year  range 2024 .. 2024  privacy { minimum 10  round 5 } }
source meldingen from "meldingen.csv" {
    events on datum
    coverage 2024-01-01 .. 2024-12-31
    columns { datum date  soort text  wijk text }
}
indicator a { value count from meldingen where soort = "geluid" }
indicator b { value count from meldingen where soort in ("afval", "zwerfvuil") }
indicator c { value count from meldingen where wijk = "Noord" and soort <> "geluid" }
`;
const CSV = 'datum,soort,wijk\n2024-02-01,geluid,Noord\n2024-03-01,afval,Zuid\n2024-04-01,afval,Noord\n';

test('every value of a table is looked for in one scan; only the one not found is a warning', async () => {
    const dir = fixture({ 'm.monitor': MONITOR, 'meldingen.csv': CSV });
    const monitor = (await analyse([path.join(dir, 'm.monitor')])).monitors[0];
    const real = await createNodeEngine();
    const sent: string[] = [];
    const engine: Engine = { ...real, query: (sql) => { sent.push(sql); return real.query(sql); } };
    try {
        const findings = await loadSources(engine, monitor, dir);
        expect(findings.map(f => [f.code, f.severity, f.line])).toEqual([['data-value-not-found', 'warning', 8]]);
        expect(findings[0].message).toContain('"zwerfvuil"');
        // geluid, afval, zwerfvuil and Noord: counted in one query over the table, which names each.
        const counting = sent.filter(sql => /count\(\*\) FILTER/.test(sql) && /"src_meldingen"/.test(sql));
        const first = counting[0];
        for (const value of ['geluid', 'afval', 'zwerfvuil', 'Noord']) expect(first).toContain(`'${value}'`);
        // Then only the value not found, for its trimmed match.
        expect(counting.slice(1).every(sql => sql.includes("'zwerfvuil'") && !sql.includes("'afval'"))).toBe(true);
        expect(counting.length).toBeLessThanOrEqual(2);
    } finally {
        await real.close();
    }
}, 120_000);
