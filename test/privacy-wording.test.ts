/**
 * No promise the engine does not keep (docs/privacy.md, "What the report and preview promise"): a
 * hidden cell reads "hidden" / "verborgen" in the report table, the chart legend and the chart tooltip,
 * never "< N" — a cell hidden by secondary suppression holds N or more — and the report's privacy
 * sentence names exactly the rules that apply to the monitor: minimum, rounding, secondary suppression,
 * the denominator minimum only with a rate, the contributor and dominance rules only with a non-count
 * over person-level rows, the cell key method only under `perturb`, and `privacy none "reason"`.
 */
import { describe, expect, test } from 'vitest';
import { applyDisclosure } from '@monitor/engine';
import { LIGHT_THEME, legendEntries, trendData, trendSpec } from '@monitor/render';
import type { ProgramIR, ResultRow } from '@monitor/ir';
import { reportHtml } from '../packages/cli/src/report/report-html.js';
import { privacySentence } from '../packages/cli/src/report/privacy-sentence.js';
import { rowsTable } from '../packages/cli/src/report/rows-table.js';
import { runMonitor } from './privacy-run.js';

const monitorText = (privacy: string, indicators: string) => `
monitor woorden {
    grain year
    range 2024 .. 2024
    ${privacy}
}
source aanvragen from "aanvragen.csv" {
    events on datum key id
    coverage 2024-01-01 .. 2024-12-31
    columns { id text  datum date  wijk text  bedrag decimal }
}
dimension wijk { aanvragen.wijk }
indicator per_wijk {
    value count from aanvragen
    by wijk
}
${indicators}
`;

/** Wijk A 3 rows (hidden: below 10), B 12 rows (hidden by secondary suppression: 12 ≥ 10), C 20 rows. */
const CSV = ['id,datum,wijk,bedrag', ...[...'A'.repeat(3), ...'B'.repeat(12), ...'C'.repeat(20)].map((w, i) => `P${i},2024-03-01,${w},${i + 1}.5`)].join('\n');

async function run(privacy: string, indicators = ''): Promise<{ program: ProgramIR; raw: ResultRow[]; rows: ResultRow[] }> {
    const { program, raw } = await runMonitor(monitorText(privacy, indicators), { aanvragen: CSV });
    return { program, raw, rows: await applyDisclosure(program, raw) };
}

const cell = (rows: ResultRow[], wijk: string) => rows.find(r => r.indicator === 'per_wijk' && r.dimensions.wijk === wijk)!;

describe('hidden cells read "hidden", not "< N"', () => {
    test('a cell hidden by secondary suppression holds the minimum or more, and the report and chart call it hidden', async () => {
        const { program, raw, rows } = await run('privacy { minimum 10 }');
        // The premise: B is hidden with a raw count of 12, so "< 10" would be untrue.
        expect(cell(raw, 'B').numerator).toBe(12);
        expect(cell(rows, 'A').suppressed).toBe(true);
        expect(cell(rows, 'B').suppressed).toBe(true);
        for (const [lang, word] of [['en', 'hidden'], ['nl', 'verborgen']] as const) {
            const table = rowsTable(program.indicators[0], rows, 'wijk', lang).text;
            const hiddenCells = [...table.matchAll(/<tr class="suppressed">.*?<td class="num value">([^<]*)<\/td>/g)].map(m => m[1]);
            expect(hiddenCells.length).toBeGreaterThanOrEqual(2);
            expect(new Set(hiddenCells)).toEqual(new Set([word]));
            expect(table).not.toMatch(/&lt; ?10|< ?10\b/);
            const html = reportHtml([{ program, file: 'woorden.monitor', rows, charts: [] }], { lang, version: 'test' });
            expect(html).not.toMatch(/&lt; ?10|< ?10\b/);
            expect(html).toContain(privacySentence(program, lang));
            const indicator = program.indicators[0];
            const spec = JSON.stringify(trendSpec(indicator, rows, { lang, breakdown: 'wijk' }));
            expect(spec).not.toMatch(/< ?10\b/);
            const data = trendData(indicator, rows, { lang, breakdown: 'wijk' });
            const legend = legendEntries(indicator, data, LIGHT_THEME, lang).find(e => e.key === 'hidden');
            expect(legend?.label).toBe(word);
            expect(data.filter(d => d.kind === 'suppressed').map(d => d.tip)).toContain(`2024: ${word}`);
        }
    });
});

describe('the privacy sentence names exactly the rules applied', () => {
    test('a count breakdown: minimum, rounding, secondary suppression; no denominator, dominance or cell key', async () => {
        const { program } = await run('privacy { minimum 10  round 5 }');
        const en = privacySentence(program, 'en');
        expect(en).toMatch(/A count below 10, before or after rounding, is hidden\./);
        expect(en).toMatch(/rounded to a multiple of 5/);
        expect(en).toMatch(/such a cell can hold 10 or more/);
        expect(en).toMatch(/Hidden cells read “hidden”/);
        expect(en).not.toMatch(/denominator|single row|cell key|computed from a hidden value/);
        expect(en).not.toMatch(/< ?10/);
        const nl = privacySentence(program, 'nl');
        expect(nl).toMatch(/Een aantal onder 10, vóór of na afronding, is verborgen\./);
        expect(nl).toMatch(/veelvoud van 5/);
        expect(nl).toMatch(/zo’n cel kan 10 of meer bevatten/);
        expect(nl).not.toMatch(/noemer|enkele rij|celsleutel/);
    });
    test('without rounding the sentence claims none', async () => {
        const { program } = await run('privacy { minimum 10 }');
        expect(privacySentence(program, 'en')).not.toMatch(/rounded to a multiple/);
    });
    test('a rate adds the denominator minimum; an average over people adds the contributor and dominance rules; an expression adds its rule', async () => {
        const { program } = await run('privacy { minimum 10  denominator 25  dominance 40% }', `
indicator aandeel_a {
    value count from aanvragen where wijk = "A" percent of count from aanvragen
}
indicator gemiddeld_bedrag {
    value avg bedrag from aanvragen
}
indicator verschil {
    value per_wijk - aandeel_a
}`);
        const en = privacySentence(program, 'en');
        expect(en).toMatch(/A rate is hidden when its denominator is below 25\./);
        expect(en).toMatch(/at least 10 rows stand behind it, and a sum or average only when no single row is more than 40% of its total/);
        expect(en).toMatch(/A value computed from a hidden value is hidden\./);
        const nl = privacySentence(program, 'nl');
        expect(nl).toMatch(/noemer kleiner is dan 25/);
        expect(nl).toMatch(/meer dan 40% van het totaal/);
    });
    test('perturb cellkey adds the cell key method; privacy none states its reason', async () => {
        const perturbed = (await run('privacy { minimum 10  perturb cellkey max 2 }')).program;
        expect(privacySentence(perturbed, 'en')).toMatch(/deviation of at most 2 \(the cell key method/);
        const none = (await run('privacy none "openbare gegevens"')).program;
        expect(privacySentence(none, 'en')).toBe('Published without disclosure control on purpose (privacy none): openbare gegevens');
        expect(privacySentence(none, 'nl')).toMatch(/^Bewust gepubliceerd zonder onthullingscontrole \(privacy none\): openbare gegevens$/);
    });
});
