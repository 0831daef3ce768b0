/** `monitor diff` in words: a table of (old text, new text) → expected summary lines. */
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createMonitorServices, lowerProgram, type ast } from '@monitor/language';
import { diffPrograms } from '../src/diff/compare-program.js';
import { diffMarkdown } from '../src/diff/render-diff.js';

const parse = parseHelper<ast.Model>(createMonitorServices(EmptyFileSystem).Monitor);

const BASE = `monitor m { grain quarter range 2022-Q1 .. 2026-Q4 privacy { minimum 10 round 5 } }
source trajecten from "data/t.csv" {
    episodes start begindatum end einddatum key client_id
    columns { client_id text  voorziening text  begindatum date  einddatum date?  wijk text }
}
source jongeren from "data/j.csv" { snapshot at peildatum  columns { peildatum date  wijk text  aantal integer } }
dimension wijk { trajecten.wijk  jongeren.wijk }
indicator verblijf {
    title "Verblijf"
    value count distinct client_id from trajecten active at end where voorziening in ("verblijf", "pleegzorg")
          per 1000 sum aantal from jongeren
    desired down
    by wijk
}
indicator instroom { value count from trajecten started where voorziening = "verblijf"  desired down }
target verblijf { baseline 2022  2026-Q4 -10%  tolerance 5% }
`;

async function lines(before: string, after: string, lang: 'en' | 'nl' = 'en'): Promise<string[]> {
    const lower = async (text: string) => lowerProgram({ uri: 'memory:/m.monitor', model: (await parse(text)).parseResult.value });
    const diff = diffPrograms('m.monitor', await lower(before), await lower(after), lang);
    return diffMarkdown({ old: 'a', new: 'b', files: diff.indicators.length + diff.other.length ? [diff] : [], skipped: [] }, lang)
        .split('\n').slice(2).map(l => l.trim()).filter(l => l && l !== '**m.monitor**');
}

const edit = (from: string, to: string) => {
    if (!BASE.includes(from)) throw new Error(`not in BASE: ${from}`);
    return BASE.replace(from, to);
};

const CASES: Array<[string, string, string[]]> = [
    ['a value added to an in-list', edit('("verblijf", "pleegzorg")', '("verblijf", "pleegzorg", "gesloten")'), [
        '- **verblijf** — Verblijf — ⚠️ changes past values',
        "- filter on voorziening in the numerator now also includes 'gesloten'",
    ]],
    ['= widened to in', edit('voorziening = "verblijf"', 'voorziening in ("verblijf", "gesloten")'), [
        '- **instroom** — ⚠️ changes past values', "- filter on voorziening now also includes 'gesloten'",
    ]],
    ['a relative target changed', edit('2026-Q4 -10%', '2026-Q4 -15%'), [
        '- **verblijf** — Verblijf', '- target 2026-Q4 changed from −10 % to −15 %',
    ]],
    ['per 1000 became percent of', edit('per 1000 sum', 'percent of sum'), [
        '- **verblijf** — Verblijf — ⚠️ changes past values', '- unit changed from per 1,000 to percent',
    ]],
    ['time meaning changed', edit('trajecten started', 'trajecten ended'), [
        '- **instroom** — ⚠️ changes past values', '- time meaning changed from `started` to `ended`',
    ]],
    ['an indicator renamed keeps its definition', edit('indicator instroom {', 'indicator instroom_verblijf {'), [
        '- renamed indicator **instroom** → **instroom_verblijf** (same definition)',
    ]],
    ['an indicator added and one removed', edit('indicator instroom { value count from trajecten started', 'indicator uitstroom { value count from trajecten ended'), [
        '- added indicator **uitstroom**', '- removed indicator **instroom**',
    ]],
    ['a breakdown removed and the title changed, no flag', edit('title "Verblijf"', 'title "Jeugd met verblijf"').replace('    by wijk\n', ''), [
        '- **verblijf** — Jeugd met verblijf', '- title changed from "Verblijf" to "Jeugd met verblijf"', '- breakdown by wijk removed',
    ]],
    ['a source reads another file', edit('"data/t.csv"', '"data/t2.csv"'), [
        '- **verblijf** — Verblijf — ⚠️ changes past values', '- its source trajecten changed (see below)',
        '- **instroom** — ⚠️ changes past values', '- its source trajecten changed (see below)',
        '- source trajecten now reads `data/t2.csv` instead of `data/t.csv` — ⚠️ changes past values',
    ]],
    ['a text column trimmed from now on', edit('wijk text }', 'wijk text trim }'), [
        '- **verblijf** — Verblijf — ⚠️ changes past values', '- its source trajecten changed (see below)',
        '- **instroom** — ⚠️ changes past values', '- its source trajecten changed (see below)',
        '- source trajecten: column wijk is read or computed differently — ⚠️ changes past values',
    ]],
    ['privacy minimum lowered', edit('minimum 10 round 5', 'minimum 5 round 5'), [
        '- **verblijf** — Verblijf — ⚠️ changes past values', '- privacy rules changed (see below)',
        '- **instroom** — ⚠️ changes past values', '- privacy rules changed (see below)',
        '- privacy changed from minimum 10, round 5 to minimum 5, round 5 — ⚠️ changes past values',
    ]],
    ['grain of an indicator changed', edit('"verblijf"  desired down }', '"verblijf"  desired down  grain month }'), [
        '- **instroom** — ⚠️ changes past values', '- grain changed from quarter to month',
    ]],
    ['decimals declared: the published precision changes, not the definition', edit('    desired down\n    by wijk', '    desired down\n    decimals 2\n    by wijk'), [
        '- **verblijf** — Verblijf', '- decimals changed from 1 to 2',
    ]],
    ['layout and comments only', BASE.replace(/\n/g, '\n\n// opmerking\n').replace('source', '\nsource'), [
        'No changes in meaning.',
    ]],
];

describe('monitor diff summaries', () => {
    test.each(CASES)('%s', async (_name, after, expected) => {
        expect(await lines(BASE, after)).toEqual(expected);
    });

    test('the summary is in Dutch with --lang nl', async () => {
        expect(await lines(BASE, edit('2026-Q4 -10%', '2026-Q4 -15%'), 'nl')).toEqual([
            '- **verblijf** — Verblijf', '- doel 2026-Q4 gewijzigd van −10 % in −15 %',
        ]);
    });
});
