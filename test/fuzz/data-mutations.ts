/**
 * Mutations of a generated case with data: edits of the `.monitor` text (the token edits of
 * `monitor-text.ts`) and of one data file (a wrong-typed cell, a ragged row, a duplicate or missing
 * header, a cut-off file, CRLF and a BOM, an episode ending before it starts, an empty file).
 */
import fc from 'fast-check';
import type { DataCase } from './data-monitor.js';
import { mutated } from './monitor-text.js';

/** One edit of a CSV text; `n` picks the line or cell. */
function mutateCsv(text: string, kind: number, n: number): string {
    const lines = text.split('\n');
    const body = Math.max(1, lines.length - 1);
    const at = 1 + (n % body);
    const delimiter = lines[0].includes(';') ? ';' : ',';
    switch (kind) {
        case 0: { // a cell of another type
            const cells = (lines[at] ?? '').split(delimiter);
            cells[n % Math.max(1, cells.length)] = ['abc', '2024-13-45', '1e999', '-', '12,5', '"'][n % 6];
            lines[at] = cells.join(delimiter);
            return lines.join('\n');
        }
        case 1: lines.splice(at, 0, 'x'); return lines.join('\n'); // a ragged row
        case 2: lines[0] = `${lines[0]}${delimiter}${lines[0].split(delimiter)[0]}`; return lines.join('\n'); // a header twice
        case 3: lines[0] = lines[0].split(delimiter).slice(0, -1).join(delimiter); return lines.join('\n'); // a column gone
        case 4: return text.slice(0, n % Math.max(1, text.length)); // cut off anywhere
        case 5: return `\uFEFF${text.replace(/\n/g, '\r\n')}`;
        case 6: return '';
        case 7: return lines.slice(0, 1).join('\n') + '\n'; // header only
        default: { // an episode that ends before it starts: swap two dates of a row
            const cells = (lines[at] ?? '').split(delimiter);
            if (cells.length > 3 && cells[3]) [cells[2], cells[3]] = [cells[3], cells[2]];
            lines[at] = cells.join(delimiter);
            return lines.join('\n');
        }
    }
}

/**
 * Edits that keep the text parseable, so the case still reaches the engines: another word where the
 * grammar takes one of a set, another number, a line (a `by`, a `where`, a target) left out.
 */
const SWAPS: [RegExp, string[]][] = [
    [/\b(up|down)\b/g, ['up', 'down']],
    [/\bgrain (month|quarter|half-year|year)\b/g, ['grain month', 'grain quarter', 'grain half-year', 'grain year']],
    [/\b(active at end|active during|started|ended)\b/g, ['active at end', 'active during', 'started', 'ended']],
    [/ (>=|<=|<>|<|>|=) /g, [' >= ', ' < ', ' = ', ' <> ']],
    [/\b\d+(\.\d+)?\b(?![-.\d])/g, ['0', '1', '2', '999999', '0.5']],
    [/\b(20\d\d-\d\d-\d\d)\b/g, ['2024-02-29', '2023-02-28', '2024-12-31', '1999-01-01', '2099-12-31']],
    [/\b(per 1000|per 100|percent of)\b/g, ['per 1000', 'per 100', 'percent of', 'per 1']],
    [/\n\s*(by|decimals|known change|map via|names via|coverage|target|reference|note|privacy)\b[^\n]*/g, ['']],
    [/ where [^\n]*?(?= to where| having|\n)/g, ['']],
];

function swapWord(text: string, which: number, at: number, by: number): string {
    const [pattern, options] = SWAPS[which % SWAPS.length];
    const hits = [...text.matchAll(pattern)];
    if (hits.length === 0) return text;
    const hit = hits[at % hits.length];
    return text.slice(0, hit.index) + options[by % options.length] + text.slice(hit.index + hit[0].length);
}

/** A mutated case: its text edited (by words, or by characters and tokens), or one of its data files, or both. */
export const mutatedCase = (base: fc.Arbitrary<DataCase>): fc.Arbitrary<DataCase> => base.chain((c) => fc.tuple(
    fc.oneof(fc.constant(c.text), mutated(fc.constant(c.text)),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 })
            .map((swaps) => swaps.reduce((t, [which, at, by]) => swapWord(t, which, at, by), c.text))),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 8 }), fc.nat()), { maxLength: 2 }),
).map(([text, edits]) => {
    const files = { ...c.files };
    const names = Object.keys(files);
    for (const [which, kind, n] of edits) {
        if (names.length === 0) break;
        const name = names[which % names.length];
        files[name] = mutateCsv(files[name], kind, n);
    }
    return { text, files };
}));
