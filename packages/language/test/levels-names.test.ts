/**
 * `levels` on a pre-aggregated source, `names via` on a dimension, and dimension properties in any
 * order (issue 13, failures 3 and 4): parsing, validation codes and lowering.
 */
import { describe, expect, test } from 'vitest';
import { isDimension, isDimensionNames, isLevels, isSource } from '../src/generated/ast.js';
import { lowerProgram } from '../src/lower-program.js';
import { PRELUDE, expectClean, expectCode, expectNoCode, one, validate } from './helpers.js';

const BASE = PRELUDE + `
source kwb from "data/kwb.csv" {
    snapshot at jaar
    levels soort_regio { total "Gemeente"  cells "Wijk" }
    columns { jaar date regiocode text soort_regio text inwoners integer }
}
source indeling from "data/indeling.csv" {
    table key nieuw
    columns { nieuw text oud text }
}
source namen from "data/namen.csv" {
    table key code
    columns { code text naam text }
}
`;
const lower = (result: Awaited<ReturnType<typeof validate>>) =>
    lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value });

describe('levels of a pre-aggregated source', () => {
    test('are lowered with the total and the cell level', async () => {
        const result = await validate(BASE);
        expectClean(result);
        expect(lower(result).sources.find(s => s.name === 'kwb')?.levels).toMatchObject({ column: 'soort_regio', total: 'Gemeente', cells: 'Wijk' });
    });
    test('without a total value are an error at the column', async () => {
        const result = await validate(BASE.replace('total "Gemeente"  ', ''));
        expectCode(result, 'levels-needs-total', 'error', { node: one(result, isLevels), property: 'column' });
    });
    test('with one value for both levels are an error', async () => {
        const result = await validate(BASE.replace('cells "Wijk"', 'cells "Gemeente"'));
        expectCode(result, 'levels-same-value', 'error', { node: one(result, isLevels), property: 'cells' });
    });
    test('name a column of the source itself', async () => {
        const result = await validate(BASE.replace('levels soort_regio', 'levels soort'));
        expect(result.diagnostics.map(d => d.message).join('\n')).toMatch(/no column 'soort'/);
    });
    test('leave the words total, cells, levels and names free as column names', async () => {
        const result = await validate(PRELUDE + `source t from "t.csv" { table columns { total integer cells text levels text names text } }`);
        expectClean(result);
    });
});

describe('a dimension with a code mapping and names', () => {
    test('accepts its properties in any order: a binding before the mapping is no parse error', async () => {
        // Failure 3 of issue 13: this order gave a parse error and nine follow-on errors.
        const result = await validate(BASE + `dimension sd {
    kwb.regiocode where soort_regio = "Wijk"
    map via indeling from nieuw to oud since 2022-01-01
    names via namen.naam
    title "Stadsdeel"
}`);
        expectClean(result);
        const sd = lower(result).dimensions.find(d => d.name === 'sd')!;
        expect(sd.mapping).toEqual({ table: 'indeling', from: 'nieuw', to: 'oud', since: '2022-01-01' });
        expect(sd.names).toEqual({ table: 'namen', field: 'naam' });
        expect(sd.title).toBe('Stadsdeel');
    });
    test('names through a source that is not a keyed table are an error at the table', async () => {
        const result = await validate(BASE + `dimension sd { names via kwb.regiocode kwb.regiocode }`);
        expectCode(result, 'names-needs-table', 'error', { node: one(result, isDimensionNames), property: 'table' });
    });
    test('names through a keyed table are no error', async () => {
        const result = await validate(BASE + `dimension sd { names via namen.naam kwb.regiocode }`);
        expectNoCode(result, 'names-needs-table');
    });
    test('a second mapping or names is a duplicate property', async () => {
        const result = await validate(BASE + `dimension sd { names via namen.naam map via indeling from nieuw to oud names via namen.code map via indeling from nieuw to oud kwb.regiocode }`);
        expect(result.diagnostics.filter(d => d.data?.code === 'duplicate-property').length).toBe(2);
    });
    test('a name field the table lacks is an unknown column of that table', async () => {
        const result = await validate(BASE + `dimension sd { names via namen.nam kwb.regiocode }`);
        expect(result.diagnostics.map(d => d.message).join('\n')).toMatch(/Source 'namen' has no column 'nam'/);
    });
});

describe('a known change of a dimension', () => {
    test('is lowered as its dates', async () => {
        const result = await validate(BASE + `dimension sd { known change 2022-01-01  kwb.regiocode }`);
        expectClean(result);
        expect(lower(result).dimensions.find(d => d.name === 'sd')?.knownChanges).toEqual(['2022-01-01']);
    });
    test('on a day that does not exist is an error', async () => {
        const result = await validate(BASE + `dimension sd { known change 2022-02-30  kwb.regiocode }`);
        expectCode(result, 'invalid-date', 'error', { node: one(result, isDimension, (d) => d.name === 'sd'), property: 'knownChanges' });
    });
});

describe('a known change of a source', () => {
    const withChange = (date: string) => BASE.replace('    snapshot at jaar\n', `    snapshot at jaar\n    known change ${date}\n`);
    test('is lowered as its dates', async () => {
        const result = await validate(withChange('2022-01-01'));
        expectClean(result);
        expect(lower(result).sources.find(s => s.name === 'kwb')?.knownChanges).toEqual(['2022-01-01']);
        expect(lower(await validate(BASE)).sources.find(s => s.name === 'kwb')?.knownChanges).toBeUndefined();
    });
    test('on a day that does not exist is an error', async () => {
        const result = await validate(withChange('2022-02-30'));
        expectCode(result, 'invalid-date', 'error', { node: one(result, isSource, (s) => s.name === 'kwb'), property: 'knownChanges' });
        expectNoCode(await validate(withChange('2022-02-28')), 'invalid-date');
    });
});
