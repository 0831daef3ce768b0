/** `decimals N` on an indicator, rate references (`value sum a per N sum b`) and one-period references (`in 2024`). */
import { describe, expect, test } from 'vitest';
import { isIndicator, isReference, isReferenceRate } from '../src/generated/ast.js';
import { lowerProgram } from '../src/lower-program.js';
import { PRELUDE, expectClean, expectCode, expectNoCode, named, one, validate } from './helpers.js';

/** PRELUDE plus a one-period table of municipalities and a rate indicator per 1,000. */
const BASE = PRELUDE + `
source gemeenten from "data/gemeenten.csv" {
    table key regiocode
    columns { regiocode text inwoners integer woningen integer land decimal naam text }
}
indicator verblijf {
    unit "per 1.000 jongeren"
    value count from trajecten active at end per 1000 sum aantal from jongeren
}
indicator aantal {
    value count from trajecten active at end
}
`;

async function lowered(text: string) {
    const result = await validate(text);
    return { result, program: lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value }) };
}

describe('decimals', () => {
    test('a declared number of decimals is lowered; without one, each kind gets its default', async () => {
        const { result, program } = await lowered(BASE + `
indicator kosten { value avg kosten from trajecten active at end }
indicator totaal { value sum kosten from trajecten active at end  decimals 0 }
indicator verschil { value aantal - aantal }
indicator deel { value aantal / aantal * 100 }
indicator precies { value count from trajecten active at end per 1000 sum aantal from jongeren  decimals 3 }`);
        expectClean(result);
        const decimals = Object.fromEntries(program.indicators.map(i => [i.name, i.decimals]));
        expect(decimals).toEqual({ verblijf: 1, aantal: 0, kosten: 1, totaal: 0, verschil: 0, deel: 1, precies: 3 });
    });
    test('more decimals than the data carries is reported at the number', async () => {
        const result = await validate(BASE + `indicator fijn { value count from trajecten active at end  decimals 9 }`);
        expectCode(result, 'decimals-out-of-range', 'error', { node: named(result, isIndicator, 'fijn'), property: 'decimals' }, /decimals 6/);
    });
    test('six decimals is the most that is accepted', async () => {
        expectNoCode(await validate(BASE + `indicator fijn { value avg kosten from trajecten active at end  decimals 6 }`), 'decimals-out-of-range');
    });
    test('a column named decimals can still be declared and read', async () => {
        expectClean(await validate(BASE.replace('naam text }', 'naam text decimals integer }')
            + `reference verblijf "Gemeenten" from gemeenten value decimals`));
    });
});

describe('rate references', () => {
    test('a rate of two sums is lowered with its scale; the period of a one-period table too', async () => {
        const { result, program } = await lowered(BASE + `
reference verblijf "Grote gemeenten" from gemeenten in 2024 where inwoners >= 150000 value sum woningen per 1000 sum inwoners`);
        expectClean(result);
        const reference = program.indicators.find(i => i.name === 'verblijf')!.references[0];
        expect(reference.rate).toEqual({
            numerator: { column: 'woningen', lookup: null }, denominator: { column: 'inwoners', lookup: null }, scale: 1000, percent: false,
        });
        expect(reference.period).toBe('2024');
    });
    test('a plain column reference lowers without rate or period', async () => {
        const { program } = await lowered(BASE + `reference verblijf "Gemeenten" from gemeenten value woningen`);
        const reference = program.indicators.find(i => i.name === 'verblijf')!.references[0];
        expect('rate' in reference || 'period' in reference).toBe(false);
    });
    test('a rate reference on another scale than its indicator is reported at the scale', async () => {
        const result = await validate(BASE + `reference verblijf "Grote gemeenten" from gemeenten value sum woningen per 100 sum inwoners`);
        expectCode(result, 'reference-rate-mismatch', 'error', { node: one(result, isReferenceRate), property: 'scale' }, /per 100.*per 1000/);
    });
    test('a rate reference of a count indicator is reported', async () => {
        const result = await validate(BASE + `reference aantal "Grote gemeenten" from gemeenten value sum woningen percent of sum inwoners`);
        expectCode(result, 'reference-rate-mismatch', 'error', { node: one(result, isReferenceRate), property: 'percent' });
    });
    test('a rate reference of an expression is accepted (it may compute a rate by hand)', async () => {
        expectNoCode(await validate(BASE + `indicator deel { value aantal / aantal * 100 }
reference deel "Grote gemeenten" from gemeenten value sum woningen percent of sum inwoners`), 'reference-rate-mismatch');
    });
    test('summing a text column in a rate reference is reported at the column', async () => {
        const result = await validate(BASE + `reference verblijf "Grote gemeenten" from gemeenten value sum naam per 1000 sum inwoners`);
        expectCode(result, 'column-not-numeric', 'error', { node: one(result, isReferenceRate), property: 'numerator' });
    });
    test('a decimal denominator is a number', async () => {
        expectClean(await validate(BASE + `reference verblijf "Dichtheid" from gemeenten value sum inwoners per 1000 sum land`));
    });
});

describe('one-period references', () => {
    test('a period outside the monitor range is a warning at the period', async () => {
        const result = await validate(BASE + `reference verblijf "Gemeenten" from gemeenten in 2030 value woningen`);
        expectCode(result, 'reference-period-outside-range', 'warning', { node: one(result, isReference), property: 'period' }, /2030.*2019-Q1 \.\. 2026-Q4/);
    });
    test('a period inside the range is accepted', async () => {
        expectNoCode(await validate(BASE + `reference verblijf "Gemeenten" from gemeenten in 2024 value woningen`), 'reference-period-outside-range');
    });
    test('a period that is no period label is reported', async () => {
        const result = await validate(BASE + `reference verblijf "Gemeenten" from gemeenten in 20245 value woningen`);
        expectCode(result, 'invalid-period', 'error', { node: one(result, isReference), property: 'period' });
    });
});
