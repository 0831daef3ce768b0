/**
 * Secondary suppression across indicators: one count published by two indicators (a count by wijk and
 * a share whose denominator is that count; a breakdown and a plain total) must not give away a cell
 * that one of them hides. The expectations are worked out by hand next to each case.
 */
import { describe, expect, it } from 'vitest';
import type { ConditionIR, ResultRow } from '@monitor/ir';
import { applyDisclosure } from '../src/disclosure.js';
import { indicator, measure, program } from './helpers/program.js';
import { row } from './helpers/rows.js';

const soort = (value: string): ConditionIR => ({ kind: 'in', operand: { kind: 'column', ref: { column: 'v', lookup: null } }, values: [{ kind: 'text', value }], negated: false });
// Two measures that differ only in where they sit in the file are one count (spans are ignored).
const verblijf = measure({ source: 's', time: 'active-at-end', filter: soort('verblijf') });
const pleeg = measure({ source: 's', time: 'active-at-end', filter: soort('pleeg') });
const verblijfElders = { ...verblijf, span: { uri: 'test://other.monitor', offset: 99, length: 7 } };
const cell = (ind: string, n: number, wijk?: string, denominator: number | null = null): ResultRow =>
    row(ind, 'Q', n, { dimensions: wijk === undefined ? {} : { wijk }, denominator });
const shown = (rows: ResultRow[], ind: string) => new Map(rows.filter((r) => r.indicator === ind && !r.suppressed).map((r) => [r.dimensions.wijk ?? 'total', r]));

describe('secondary suppression across indicators', () => {
    // verblijf by wijk: A 4, B 15, C 20, D 30, total 69; pleegzorg by wijk: A 2, B 14, C 5, D 12, total 33.
    const count = indicator('aantal', verblijf, { by: ['wijk'] });
    const share = indicator('aandeel', { kind: 'rate', numerator: pleeg, denominator: verblijfElders, scale: 100, percent: true }, { by: ['wijk'] });
    const p = program({ sources: [], indicators: [count, share], privacy: { minimum: 10, round: 1 } });
    const rows = [
        cell('aantal', 69), cell('aantal', 4, 'A'), cell('aantal', 15, 'B'), cell('aantal', 20, 'C'), cell('aantal', 30, 'D'),
        cell('aandeel', 33, undefined, 69), cell('aandeel', 2, 'A', 4), cell('aandeel', 14, 'B', 15), cell('aandeel', 5, 'C', 20), cell('aandeel', 12, 'D', 30),
    ];

    it('hides a cell of a count in the share whose denominator it is, when the count hides it', async () => {
        // Alone, `aantal` hides A (4) and B (15, the next-smallest); `aandeel` hides A and C (small
        // numerators) and D (the next-smallest numerator), so it shows B's denominator 15. Together:
        // A = 69 − 15 (aandeel) − 20 − 30 (aantal) = 4. The monitor-wide pass hides B in both.
        const out = await applyDisclosure(p, rows);
        const a = shown(out, 'aantal');
        const s = shown(out, 'aandeel');
        expect([...a.keys()].sort()).toEqual(['C', 'D', 'total']);
        expect([...s.keys()].sort()).toEqual(['total']);
        // Whatever either output shows, the verblijf count of A stays one of at least two unknowns.
        const known = new Map<string, number>();
        for (const [w, r] of a) known.set(w, r.numerator!);
        for (const [w, r] of s) known.set(w, r.denominator!);
        expect(['A', 'B', 'C', 'D'].filter((w) => !known.has(w)).length).toBeGreaterThanOrEqual(2);
    });

    it('shows the leak without the share: each indicator alone was already safe', async () => {
        const alone = await applyDisclosure(program({ sources: [], indicators: [share], privacy: { minimum: 10, round: 1 } }), rows.slice(5));
        // The share alone shows B's denominator; this is the cell the monitor-wide pass takes back.
        expect(shown(alone, 'aandeel').get('B')).toMatchObject({ denominator: 15 });
        const countAlone = await applyDisclosure(program({ sources: [], indicators: [count], privacy: { minimum: 10, round: 1 } }), rows.slice(0, 5));
        expect([...shown(countAlone, 'aantal').keys()].sort()).toEqual(['C', 'D', 'total']);
    });

    it('hides a total another indicator publishes when the breakdown had to hide it', async () => {
        // A distinct count: 4 + 5 < 12 (one client in both wijken). The breakdown hides all three rows,
        // since 12 − 0 would pin the small pair; the plain count of the same clients must go too.
        const byWijk = indicator('x', verblijf, { by: ['wijk'] });
        const plain = indicator('y', verblijfElders);
        const q = program({ sources: [], indicators: [byWijk, plain], privacy: { minimum: 10, round: 5 } });
        const out = await applyDisclosure(q, [cell('x', 12), cell('x', 4, 'A'), cell('x', 5, 'B'), cell('y', 12)]);
        expect(out.map((r) => r.suppressed)).toEqual([true, true, true, true]);
        // Another count (different filter) is left alone.
        const other = indicator('z', pleeg);
        const r = program({ sources: [], indicators: [byWijk, other], privacy: { minimum: 10, round: 5 } });
        expect((await applyDisclosure(r, [cell('x', 12), cell('x', 4, 'A'), cell('x', 5, 'B'), cell('z', 12)]))[3]).toMatchObject({ suppressed: false, value: 10 });
    });

    it('hides nothing more where the shared count is already safe everywhere', async () => {
        // x by wijk and w by wijk over the same count agree; z publishes the same total. Nothing derivable
        // before, nothing hidden extra: the pass changes no row that was already safe.
        const x = indicator('x', verblijf, { by: ['wijk'] });
        const z = indicator('z', verblijf);
        const q = program({ sources: [], indicators: [x, z], privacy: { minimum: 10, round: 1 } });
        const out = await applyDisclosure(q, [cell('x', 60), cell('x', 3, 'A'), cell('x', 12, 'B'), cell('x', 45, 'C'), cell('z', 60)]);
        expect(out.map((r) => r.suppressed)).toEqual([false, true, true, false, false]);
    });
});
