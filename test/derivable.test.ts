/**
 * The privacy audit of test/derivable.ts can fail: two indicators that publish one count, disclosed
 * one at a time (each safe alone), give a hidden cell away together; the same rows through one
 * `applyDisclosure` with the monitor-wide pass do not.
 */
import { describe, expect, it } from 'vitest';
import { flattenRow, type ConditionIR, type ResultRow } from '@monitor/ir';
import { applyDisclosure } from '@monitor/engine';
import { indicator, measure, program } from '../packages/engine/test/helpers/program.js';
import { row } from '../packages/engine/test/helpers/rows.js';
import { derivableCounts } from './derivable.js';

const soort = (value: string): ConditionIR => ({ kind: 'in', operand: { kind: 'column', ref: { column: 'v', lookup: null } }, values: [{ kind: 'text', value }], negated: false });
const verblijf = measure({ source: 's', time: 'active-at-end', filter: soort('verblijf') });
const pleeg = measure({ source: 's', time: 'active-at-end', filter: soort('pleeg') });
const cell = (ind: string, n: number, wijk?: string, denominator: number | null = null): ResultRow =>
    row(ind, 'Q', n, { dimensions: wijk === undefined ? {} : { wijk }, denominator });

describe('the cross-indicator privacy audit', () => {
    const count = indicator('aantal', verblijf, { by: ['wijk'] });
    const share = indicator('aandeel', { kind: 'rate', numerator: pleeg, denominator: verblijf, scale: 100, percent: true }, { by: ['wijk'] });
    const privacy = { minimum: 10, round: 1 };
    const both = program({ sources: [], indicators: [count, share], privacy });
    const counts = [cell('aantal', 69), cell('aantal', 4, 'A'), cell('aantal', 15, 'B'), cell('aantal', 20, 'C'), cell('aantal', 30, 'D')];
    const shares = [cell('aandeel', 33, undefined, 69), cell('aandeel', 2, 'A', 4), cell('aandeel', 14, 'B', 15), cell('aandeel', 5, 'C', 20), cell('aandeel', 12, 'D', 30)];
    const raw = [...counts, ...shares];

    it('finds the cell two separately disclosed indicators give away together', async () => {
        const separately = [
            ...await applyDisclosure(program({ sources: [], indicators: [count], privacy }), counts),
            ...await applyDisclosure(program({ sources: [], indicators: [share], privacy }), shares),
        ].map(flattenRow);
        expect(derivableCounts(both, raw, separately)).toEqual([expect.stringMatching(/^derivable from the published rows: aantal numerator Q \[\["wijk","A"\]\] = 4$/)]);
    });

    it('finds nothing after one applyDisclosure over the whole monitor', async () => {
        expect(derivableCounts(both, raw, (await applyDisclosure(both, raw)).map(flattenRow))).toEqual([]);
    });

    it('finds an expression shown over a hidden part', async () => {
        const a = indicator('a', verblijf);
        const b = indicator('b', pleeg);
        const d = indicator('d', { kind: 'expression', expression: { kind: 'binary', op: '-', left: { kind: 'indicator', name: 'a' }, right: { kind: 'indicator', name: 'b' } } });
        const p = program({ sources: [], indicators: [a, b, d], privacy });
        const rows = [cell('a', 23), cell('b', 4), cell('d', 19)];
        const leaky = rows.map((r) => flattenRow(r.indicator === 'b' ? { ...r, value: null, numerator: null, suppressed: true } : r));
        expect(derivableCounts(p, rows, leaky)).toEqual(['d Q is shown although its part b is hidden']);
        expect(derivableCounts(p, rows, (await applyDisclosure(p, rows)).map(flattenRow))).toEqual([]);
    });
});
