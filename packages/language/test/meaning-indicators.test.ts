/** Meaning-stage checks on indicators: breakdowns and cycles (check-indicators.ts). */
import { describe, test } from 'vitest';
import { isIndicator } from '../src/generated/ast.js';
import { PRELUDE, expectClean, expectCode, named, validate } from './helpers.js';

/** PRELUDE plus a population source that has no wijk column, and a second dimension. */
const BASE = PRELUDE + `
source inwoners from "data/inwoners.csv" {
    snapshot at peildatum
    columns { peildatum date leeftijd text aantal integer }
}
dimension leeftijd { trajecten.voorziening inwoners.leeftijd }
`;

const RATE = 'count from trajecten active at end per 1000 sum aantal from';

describe('breakdowns', () => {
    test('a rate by wijk needs wijk in both sources', async () => {
        const result = await validate(BASE + `indicator verblijf { value ${RATE} inwoners by wijk }`);
        expectCode(result, 'breakdown-not-in-source', 'error', { node: named(result, isIndicator, 'verblijf'), property: 'by', index: 0 },
            /Breakdown 'wijk' has no column in source 'inwoners'/);
    });
    test('a rate by wijk over two sources that both bind wijk is accepted', async () => {
        expectClean(await validate(BASE + `indicator verblijf { value ${RATE} jongeren by wijk }`));
    });
    test('the second of two breakdowns is reported at its own position', async () => {
        const result = await validate(BASE + `indicator verblijf { value ${RATE} inwoners by leeftijd, wijk }`);
        expectCode(result, 'breakdown-not-in-source', 'error', { node: named(result, isIndicator, 'verblijf'), property: 'by', index: 1 });
    });
    test('a rate by leeftijd over two sources that both bind leeftijd is accepted', async () => {
        expectClean(await validate(BASE + `indicator verblijf { value ${RATE} inwoners by leeftijd }`));
    });

    const PARTS = `
indicator instroom { value count from trajecten started by wijk }
indicator uitstroom { value count from trajecten ended BY_UIT }
`;
    test('an expression by wijk needs wijk in every indicator it uses', async () => {
        const result = await validate(BASE + PARTS.replace('BY_UIT', '') + `indicator netto { value instroom - uitstroom by wijk }`);
        expectCode(result, 'breakdown-on-expression', 'error', { node: named(result, isIndicator, 'netto'), property: 'by', index: 0 },
            /not available in indicator 'uitstroom'/);
    });
    test('an expression by wijk over indicators that are all by wijk is accepted', async () => {
        expectClean(await validate(BASE + PARTS.replace('BY_UIT', 'by wijk') + `indicator netto { value instroom - uitstroom by wijk }`));
    });
});

describe('cycles', () => {
    test('two indicators that use each other are reported at the name with the path', async () => {
        const result = await validate(BASE + `indicator a { value b + 1 }\nindicator b { value a * 2 }`);
        expectCode(result, 'indicator-cycle', 'error', { node: named(result, isIndicator, 'a'), property: 'name' }, /\(a → b → a\)/);
        expectCode(result, 'indicator-cycle', 'error', { node: named(result, isIndicator, 'b'), property: 'name' }, /\(b → a → b\)/);
    });
    test('an indicator that uses itself is a cycle', async () => {
        const result = await validate(BASE + `indicator a { value (a + 1) / 2 }`);
        expectCode(result, 'indicator-cycle', 'error', { node: named(result, isIndicator, 'a'), property: 'name' });
    });
    test('an indicator used twice without a cycle is accepted', async () => {
        const text = BASE + `indicator a { value count from trajecten started }\nindicator b { value a + a }\nindicator c { value b - a }`;
        expectClean(await validate(text));
    });
});
