/** Meaning-stage checks on dimension mappings, references, transition shares and stacking (check-domain.ts). */
import { describe, expect, test } from 'vitest';
import { isDimensionMapping, isMeasure, isRate, isReference } from '../src/generated/ast.js';
import { lowerProgram } from '../src/lower-program.js';
import { PRELUDE, expectClean, expectCode, expectNoCode, one, validate } from './helpers.js';

/** PRELUDE plus a mapping table, a non-table source, a reference source and a sheltered-housing source. */
const BASE = PRELUDE + `
source indeling from "data/indeling.csv" {
    table key oud
    columns { oud text nieuw text }
}
source cbs from "data/cbs.csv" {
    snapshot at peildatum
    columns { peildatum date regio text per_1000 decimal }
}
source bw from "data/bw.csv" {
    episodes start begin end eind key client
    columns { client text soort text begin date eind date? }
}
indicator verblijf {
    unit "per 1.000 jongeren"
    value count from trajecten active at end per 1000 sum aantal from jongeren
    desired down
}
`;

describe('dimension mappings', () => {
    test('a mapping through a source that is not a table is reported at the table name', async () => {
        const result = await validate(BASE + `dimension w2 { map via cbs from regio to regio2 trajecten.wijk }`.replace('regio2', 'per_1000'));
        expectCode(result, 'mapping-needs-table', 'error', { node: one(result, isDimensionMapping), property: 'table' });
    });
    test('a mapping through a table with old and new codes is accepted and lowered', async () => {
        const result = await validate(BASE + `dimension w2 { title "Wijk (indeling 2022)" map via indeling from oud to nieuw since 2022-01-01 trajecten.wijk jongeren.wijk }`);
        expectClean(result);
        const program = lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value });
        expect(program.dimensions.find(d => d.name === 'w2')?.mapping).toEqual({ table: 'indeling', from: 'oud', to: 'nieuw', since: '2022-01-01' });
    });
    test('a mapping column that the table lacks is an unknown column of the table', async () => {
        const result = await validate(BASE + `dimension w2 { map via indeling from oud to nieuwe trajecten.wijk }`);
        expect(result.diagnostics.map(d => d.message).join('\n')).toMatch(/Source 'indeling' has no column 'nieuwe'.*Did you mean 'nieuw'/);
    });
    test('a mapping from a column to itself is a warning at the target column', async () => {
        const result = await validate(BASE + `dimension w2 { map via indeling from oud to oud trajecten.wijk }`);
        expectCode(result, 'mapping-same-column', 'warning', { node: one(result, isDimensionMapping), property: 'to' });
    });
    test('a mapping since a day that does not exist is reported at the date', async () => {
        const result = await validate(BASE + `dimension w2 { map via indeling from oud to nieuw since 2022-02-30 trajecten.wijk }`);
        expectCode(result, 'invalid-date', 'error', { node: one(result, isDimensionMapping), property: 'since' });
    });
});

describe('references', () => {
    test('a reference in another unit than its indicator is reported at the unit', async () => {
        const result = await validate(BASE + `reference verblijf "Nederland" from cbs where regio = "NL" value per_1000 unit "per 100 jongeren"`);
        expectCode(result, 'reference-unit-mismatch', 'error', { node: one(result, isReference), property: 'unit' }, /per 100 jongeren.*per 1\.000 jongeren/);
    });
    test('a reference in the same unit, written with other spacing and case, is accepted', async () => {
        expectClean(await validate(BASE + `reference verblijf "Nederland" from cbs where regio = "NL" value per_1000 unit "Per 1.000  jongeren"`));
    });
    test('a reference value on a text column is reported at the value', async () => {
        const result = await validate(BASE + `reference verblijf "Nederland" from cbs value regio`);
        expectCode(result, 'column-not-numeric', 'error', { node: one(result, isReference), property: 'value' }, /'value' needs a number, but column 'regio' is text/);
    });
    test('a reference value on a date column is reported at the value', async () => {
        const result = await validate(BASE + `reference verblijf "Nederland" from cbs value peildatum`);
        expectCode(result, 'column-not-numeric', 'error', { node: one(result, isReference), property: 'value' });
    });
    test('a reference value on a decimal column is accepted', async () => {
        expectNoCode(await validate(BASE + `reference verblijf "Nederland" from cbs value per_1000`), 'column-not-numeric');
    });
    test('a reference series named actual is reported at the series name', async () => {
        const result = await validate(BASE + `reference verblijf "actual" from cbs value per_1000`);
        expectCode(result, 'reference-series-reserved', 'error', { node: one(result, isReference), property: 'series' });
    });
    test('two references of one indicator with one series name are reported at the second', async () => {
        const result = await validate(BASE + `reference verblijf "NL" from cbs value per_1000\nreference verblijf "NL" from cbs where regio = "NL" value per_1000`);
        const second = one(result, isReference, r => r.where !== undefined);
        expectCode(result, 'reference-series-duplicate', 'error', { node: second, property: 'series' });
    });
    test('two references with their own series names are accepted', async () => {
        expectClean(await validate(BASE + `reference verblijf "NL" from cbs where regio = "NL" value per_1000\nreference verblijf "G40" from cbs where regio = "G40" value per_1000`));
    });
});

/** The rate of the indicator `uitstroom`. */
const shareRate = (r: { $container?: unknown }) => (r.$container as { name?: string } | undefined)?.name === 'uitstroom';

describe('transition shares', () => {
    const share = (denominator: string) => validate(BASE + `indicator uitstroom {
        value transitions from bw where soort = "bw" to where soort = "ambulant" within 90 days
              percent of ${denominator}
        desired up
    }`);
    test('a share of transitions over the same ended episodes is accepted', async () => {
        expectClean(await share('count from bw ended where soort = "bw"'));
    });
    test('a share of transitions over episodes active at the end is a warning at the denominator', async () => {
        const result = await share('count from bw active at end where soort = "bw"');
        expectCode(result, 'transition-share-denominator', 'warning', { node: one(result, isRate, shareRate), property: 'denominator' });
    });
    test('a share of transitions cut off after "percent of" is a syntax error, not a crash of the check', async () => {
        const result = await validate(BASE + `indicator uitstroom { value transitions from bw where soort = "bw" to where soort = "a" within 9 days percent of }`);
        expect(result.diagnostics.some(d => d.message.startsWith('An error occurred'))).toBe(false);
        expect(result.diagnostics.length).toBeGreaterThan(0);
    });
    test('a share of transitions over ended episodes with another filter is a warning', async () => {
        const result = await share('count from bw ended');
        expectCode(result, 'transition-share-denominator', 'warning', { node: one(result, isRate, shareRate), property: 'denominator' });
    });
});

describe('stacking', () => {
    test('stacking with a minimum of one is a warning at the minimum', async () => {
        const result = await validate(BASE + `indicator s { value count distinct client_id from trajecten active at end having distinct voorziening >= 1 }`);
        expectCode(result, 'stacking-min-too-low', 'warning', { node: one(result, isMeasure, m => m.havingMin !== undefined), property: 'havingMin' });
    });
    test('stacking of two provisions at any moment during the period is accepted', async () => {
        const result = await validate(BASE + `indicator s { value count distinct client_id from trajecten active during having distinct voorziening >= 2 }`);
        expectNoCode(result, 'stacking-min-too-low');
        expectClean(result);
    });
});
