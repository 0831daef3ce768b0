/**
 * The data stage's probes in `monitor check` and `monitor run` (issue 13, failures 2 and 4): a
 * measure that sums several levels of a pre-aggregated table is an error (`data-levels-summed`), a
 * text value that matches no row a warning (`data-value-not-found`) with the nearest values, but never
 * values of a key column or of a person-level source under privacy. Every output format carries them.
 */
import { describe, expect, test } from 'vitest';
import { fixture, monitorInProcess } from './cli-helpers.js';

// A CBS-style table: the municipality row, its wijk rows and buurt rows; CBS pads text with spaces.
const KWB = `jaar,regiocode,soort,clienten,inwoners
2021,GM0034,Gemeente  ,105,1000
2021,WK003401,Wijk      ,60,600
2021,WK003402,Wijk      ,40,400
2021,BU00340101,Buurt     ,60,600
`;
const source = (levels = '') => `monitor m { grain year  range 2021 .. 2021 }
source kwb from "kwb.csv" {
    snapshot at jaar
    dateformat "%Y"
    ${levels}
    columns { jaar date  regiocode text  soort text  clienten integer  inwoners integer }
}
`;
const rate = (where = '') => `indicator wmo { value sum clienten from kwb ${where} per 1000 sum inwoners from kwb ${where} }\n`;
type Finding = { code: string; severity: string; line: number; message: string };
const check = async (text: string, files: Record<string, string> = {}) => {
    const dir = fixture({ 'm.monitor': text, 'kwb.csv': KWB, ...files });
    const r = await monitorInProcess(['check', '--format', 'json', 'm.monitor'], dir);
    return { findings: JSON.parse(r.stdout) as Finding[], code: r.code, dir };
};

describe('summing across levels', () => {
    test('is an error at the measure when a region-code column mixes GM, WK and BU rows', async () => {
        const { findings, code } = await check(source() + rate());
        expect(findings.filter((f) => f.code === 'data-levels-summed')).toMatchObject([{ severity: 'error', line: 8 }]);
        expect(findings[0].message).toContain('GM…, WK…');
        expect(code).toBe(1);
    });
    test('is refused by `monitor run` too', async () => {
        const dir = fixture({ 'm.monitor': source() + rate(), 'kwb.csv': KWB });
        const r = await monitorInProcess(['run', 'm.monitor'], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('data-levels-summed');
    });
    test('is no error with declared levels, nor when the measure keeps one level', async () => {
        expect((await check(source('levels soort { total "Gemeente  "  cells "Wijk      " }') + rate())).findings).toEqual([]);
        expect((await check(source() + rate('where regiocode <> "GM0034" and soort <> "Buurt     "'))).findings).toEqual([]);
    });
    test('is found for a "Totaal" category beside its parts', async () => {
        const text = `monitor m { grain year  range 2021 .. 2021 }
source t from "t.csv" { snapshot at jaar  dateformat "%Y"  columns { jaar date  geslacht text  n integer } }
indicator n { value sum n from t }
`;
        const { findings } = await check(text, { 't.csv': 'jaar,geslacht,n\n2021,Totaal,10\n2021,Man,4\n2021,Vrouw,6\n' });
        expect(findings.map((f) => f.code)).toEqual(['data-levels-summed']);
    });
});

describe('a text value that matches no row', () => {
    test('is a warning at the measure with a hint to trim when only spaces differ', async () => {
        const { findings, code } = await check(source('levels soort { total "Gemeente  "  cells "Wijk      " }') + rate('where soort = "Wijk"'));
        expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual([['data-value-not-found', 'warning', 8]]);
        expect(findings[0].message).toMatch(/"Wijk".*trim/);
        expect(code).toBe(0);
    });
    test('names the nearest values found', async () => {
        const { findings } = await check(source('levels soort { total "Gemeente  "  cells "Wijk      " }') + rate('where regiocode in ("WK003401", "WK03402")'));
        expect(findings.map((f) => f.code)).toEqual(['data-value-not-found']);
        expect(findings[0].message).toContain('"WK003402"');
    });
    test('in a binding where is found too, and a value that is there is not', async () => {
        const ok = source('levels soort { total "Gemeente  "  cells "Wijk      " }') + rate() + 'dimension w { kwb.regiocode where soort = "Wijk      " }\n';
        expect((await check(ok)).findings).toEqual([]);
        const { findings } = await check(ok.replace('where soort = "Wijk      " }', 'where soort = "Wijk" }'));
        expect(findings.map((f) => f.code)).toEqual(['data-value-not-found']);
    });
    test('in the levels of a source is found too (a total that matches no row would be missing)', async () => {
        const { findings } = await check(source('levels soort { total "Gemeente"  cells "Wijk      " }') + rate());
        expect(findings.map((f) => [f.code, f.line])).toEqual([['data-value-not-found', 5]]);
        expect(findings[0].message).toContain('trim');
    });
    test('never names values of a person-level source under privacy, nor of a key column', async () => {
        const text = `monitor m { grain year  range 2021 .. 2021  privacy { minimum 10 } }
source ev from "ev.csv" { events on datum key bsn  columns { datum date  bsn text  wijk text } }
indicator n { value count from ev where wijk = "Noord" or bsn = "123456780" }
`;
        const { findings } = await check(text, { 'ev.csv': 'datum,bsn,wijk\n2021-03-01,123456789,Nord\n' });
        expect(findings.map((f) => f.code)).toEqual(['data-value-not-found', 'data-value-not-found']);
        const all = findings.map((f) => f.message).join('\n');
        expect(all).not.toContain('Nord"');
        expect(all).not.toContain('123456789');
    });
    test('reaches GitHub annotations and SARIF with its position', async () => {
        const dir = fixture({ 'm.monitor': source('levels soort { total "Gemeente  "  cells "Wijk      " }') + rate('where soort = "Wijk"'), 'kwb.csv': KWB });
        const github = (await monitorInProcess(['check', '--format', 'github', 'm.monitor'], dir)).stdout;
        expect(github).toMatch(/^::warning file=m\.monitor,line=8,.*title=data-value-not-found/m);
        const sarif = JSON.parse((await monitorInProcess(['check', '--format', 'sarif', 'm.monitor'], dir)).stdout);
        const result = sarif.runs[0].results[0];
        expect(result.ruleId).toBe('data-value-not-found');
        expect(result.locations[0].physicalLocation.region.startLine).toBe(8);
    });
});

describe('the breakdown-change warning in `monitor check`', () => {
    const KWB3 = 'jaar,wijk,clienten\n2021,WK01,60\n2021,WK03,.\n2022,WK01,61\n2022,WK03,.\n2023,WK01,62\n2023,WK03,12\n2023,WK04,30\n';
    const text = (known = '') => `monitor m { grain year  range 2021 .. 2023 }
source kwb from "kwb.csv" { snapshot at jaar  dateformat "%Y"  nulls "."  columns { jaar date  wijk text  clienten integer? } }
dimension wijk { ${known} kwb.wijk }
indicator n { value sum clienten from kwb  by wijk }
`;
    test('is reported by the data stage of check, not for cells CBS suppressed, and silent after a known change', async () => {
        const warned = (await check(text(), { 'kwb.csv': KWB3 })).findings;
        expect(warned.map((f) => [f.code, f.line])).toEqual([['data-breakdown-changed', 4]]);
        expect(warned[0].message).toContain('WK04 first appear in 2023');
        expect(warned[0].message).not.toContain('WK03');
        expect((await check(text('known change 2023-01-01'), { 'kwb.csv': KWB3 })).findings).toEqual([]);
    });
});

describe('codes that a mapping, lookup or names table does not have', () => {
    const text = (table: string) => `monitor m { grain year  range 2021 .. 2021 }
source kwb from "kwb.csv" {
    snapshot at jaar  dateformat "%Y"
    levels soort { total "Gemeente  "  cells "Wijk      " }
    columns { jaar date  regiocode text  soort text  clienten integer  inwoners integer }
}
source namen from "${table}" { table key code  columns { code text  naam text } }
dimension w { names via namen.naam  kwb.regiocode }
indicator n { value sum clienten from kwb  by w }
`;
    test('are a warning at the dimension when none is found, with a hint to trim', async () => {
        const { findings } = await check(text('namen.csv'), { 'namen.csv': 'code,naam\n WK003401,Haven\n' });
        expect(findings.map((f) => [f.code, f.line])).toEqual([['data-codes-not-found', 8]]);
        expect(findings[0].message).toContain('trim');
        expect((await check(text('namen.csv'), { 'namen.csv': 'code,naam\nWK003401,Haven\n' })).findings).toEqual([]);
    });
});
