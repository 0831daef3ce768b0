/** Privacy declarations (check-privacy.ts): fail closed over person-level data, sound rules, count columns. */
import { describe, expect, test } from 'vitest';
import { isColumn, isMeasure, isMonitorDecl, isPrivacy, isReference, isValueAggregation, type Model } from '../src/generated/ast.js';
import { lowerProgram } from '../src/lower-program.js';
import { expectClean, expectCode, expectNoCode, one, validate } from './helpers.js';

const lowerOf = (result: { document: { uri: { toString(): string }; parseResult: { value: Model } } }) =>
    lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value });
const header = (privacy: string) => `monitor m { range 2024 .. 2025 ${privacy} }\n`;
const EVENTS = `source aanvragen from "a.csv" { events on datum columns { datum date wijk text } }\n`;
const COUNT = `indicator n { value count from aanvragen desired down }\n`;

describe('a monitor over person-level data needs privacy rules (fail closed)', () => {
    test('events without a privacy block are refused at the monitor name', async () => {
        const result = await validate(header('') + EVENTS + COUNT);
        expectCode(result, 'privacy-missing', 'error', { node: one(result, isMonitorDecl), property: 'name' }, /aanvragen/);
    });
    test('episodes and a snapshot declared `one row per person` are person-level too', async () => {
        const episodes = `source t from "t.csv" { episodes start b end e key k columns { b date e date? k text } }\nindicator n { value count from t active at end }`;
        expectCode(await validate(header('') + episodes), 'privacy-missing', 'error', { node: one(await validate(header('') + episodes), isMonitorDecl), property: 'name' });
        const persons = `source p from "p.csv" { snapshot at d  one row per person  columns { d date leeftijd integer } }\nindicator n { value avg leeftijd from p }`;
        const result = await validate(header('') + persons);
        expectCode(result, 'privacy-missing', 'error', { node: one(result, isMonitorDecl), property: 'name' });
    });
    test('aggregated data (a snapshot of counts) needs no privacy block', async () => {
        const snapshot = `source bev from "b.csv" { snapshot at d columns { d date aantal integer } }\nindicator n { value sum aantal from bev }`;
        expectClean(await validate(header('') + snapshot));
    });
    test('a privacy block, or `privacy none "reason"`, satisfies it', async () => {
        expectClean(await validate(header('privacy { minimum 10 round 5 }') + EVENTS + COUNT));
        expectClean(await validate(header('privacy none "openbare cijfers"') + EVENTS + COUNT));
    });
    test('the header in an imported file: reported at the first person-level source use', async () => {
        await validate(header('') + EVENTS, { documentUri: 'file:///p/kop.monitor' });
        const result = await validate(`import "kop.monitor"\n` + COUNT, { documentUri: 'file:///p/main.monitor' });
        expectCode(result, 'privacy-missing', 'error', { node: one(result, isMeasure), property: 'source' });
        await validate(header('privacy { minimum 10 }') + EVENTS, { documentUri: 'file:///p/kop2.monitor' });
        expectNoCode(await validate(`import "kop2.monitor"\n` + COUNT, { documentUri: 'file:///p/main2.monitor' }), 'privacy-missing');
    });
    test('`privacy none` is lowered visibly: no rules, and the reason in the IR', async () => {
        const result = await validate(header('privacy none "openbare CBS-cijfers"') + EVENTS + COUNT);
        const program = lowerOf(result);
        expect(program.monitor.privacy).toBeNull();
        expect(program.monitor.privacyNone).toBe('openbare CBS-cijfers');
    });
    test('`privacy none` needs a reason', async () => {
        const result = await validate(header('privacy none " "') + EVENTS + COUNT);
        expectCode(result, 'privacy-none-needs-reason', 'error', { node: one(result, isPrivacy), property: 'reason' });
    });
});

describe('a privacy block states sound rules', () => {
    test('`privacy { round 5 }` without a minimum is refused (it must not mean minimum 0)', async () => {
        const result = await validate(header('privacy { round 5 }'));
        expectCode(result, 'privacy-minimum-missing', 'error', { node: one(result, isPrivacy) }, /minimum 10/);
    });
    test('`minimum 0` is refused the same with and without `round 1`', async () => {
        for (const rules of ['minimum 0', 'minimum 0 round 1']) {
            const result = await validate(header(`privacy { ${rules} }`));
            expectCode(result, 'privacy-minimum-zero', 'error', { node: one(result, isPrivacy), property: 'minimum' });
            expectNoCode(result, 'privacy-minimum-below-round');
        }
        expectClean(await validate(header('privacy { minimum 1 }')));
        expectClean(await validate(header('privacy { minimum 1 round 1 }')));
    });
    test('a minimum denominator below the minimum is refused; at or above it is fine', async () => {
        const result = await validate(header('privacy { minimum 10 denominator 5 }'));
        expectCode(result, 'privacy-denominator-below-minimum', 'error', { node: one(result, isPrivacy), property: 'denominator' });
        expectClean(await validate(header('privacy { minimum 10 round 5 denominator 50 }')));
    });
    test('a dominance share outside 1..99 is refused', async () => {
        const result = await validate(header('privacy { minimum 10 dominance 100 % }'));
        expectCode(result, 'privacy-dominance-range', 'error', { node: one(result, isPrivacy), property: 'dominance' });
        expectClean(await validate(header('privacy { minimum 10 dominance 60 % }')));
    });
    test('denominator and dominance are lowered only when stated (the IR of older files is unchanged)', async () => {
        const stated = lowerOf(await validate(header('privacy { minimum 10 round 5 denominator 50 dominance 60% }')));
        expect(stated.monitor.privacy).toEqual({ minimum: 10, round: 5, denominator: 50, dominance: 60 });
        const plain = lowerOf(await validate(header('privacy { minimum 10 round 5 }')));
        expect(plain.monitor.privacy).toEqual({ minimum: 10, round: 5 });
    });
});

describe('count columns', () => {
    test('`integer count` is lowered as a count column; a source `one row per person` as perPerson', async () => {
        const text = header('') + `source kwb from "k.csv" { snapshot at d columns { d date clienten integer count inwoners integer count? } }\n`
            + `source p from "p.csv" { table one row per person columns { person text row integer } }`;
        const result = await validate(text);
        expectClean(result);
        const program = lowerOf(result);
        expect(program.sources[0].columns.map((c) => [c.name, c.counts ?? false, c.nullable])).toEqual([['d', false, false], ['clienten', true, false], ['inwoners', true, true]]);
        expect(program.sources[1].perPerson).toBe(true);
        expect(program.sources[0].perPerson).toBeUndefined();
    });
    test('a count column must be an integer', async () => {
        const result = await validate(header('') + `source kwb from "k.csv" { snapshot at d columns { d date aandeel decimal count } }`);
        expectCode(result, 'count-column-not-integer', 'error', { node: one(result, isColumn, (c) => c.name === 'aandeel'), property: 'type' });
    });
});

describe('person-level values under privacy rules', () => {
    const PERSONS = `source p from "p.csv" { snapshot at d  one row per person  columns { d date  id text  leeftijd integer } }\n`;
    const KWB = `source kwb from "k.csv" { snapshot at d  columns { d date  regio text  leeftijd integer } }\n`;
    test('max of person-level rows is refused at the function', async () => {
        const result = await validate(header('privacy { minimum 10 }') + PERSONS + `indicator oud { value max leeftijd from p where id = "P7" }`);
        expectCode(result, 'privacy-min-max-person', 'error', { node: one(result, isValueAggregation), property: 'function' });
    });
    test('max of aggregated rows, a median of person-level rows, and max under `privacy none` are fine', async () => {
        expectClean(await validate(header('privacy { minimum 10 }') + KWB + `indicator oud { value max leeftijd from kwb }`));
        expectClean(await validate(header('privacy { minimum 10 }') + PERSONS + `indicator oud { value median leeftijd from p }`));
        expectClean(await validate(header('privacy none "openbaar"') + PERSONS + `indicator oud { value max leeftijd from p }`));
    });
    test('a reference over person-level rows is refused at its source', async () => {
        const result = await validate(header('privacy { minimum 10 }') + PERSONS + `indicator n { value count from p }\nreference n "P7" from p where id = "P7" value leeftijd`);
        expectCode(result, 'privacy-reference-person-level', 'error', { node: one(result, isReference), property: 'source' });
    });
    test('a reference over aggregated rows is fine', async () => {
        expectNoCode(await validate(header('privacy { minimum 10 }') + PERSONS + KWB + `indicator n { value count from p }\nreference n "NL" from kwb where regio = "NL" value leeftijd`), 'privacy-reference-person-level');
    });
});

describe('a source that looks like one row per person but is not declared so', () => {
    const persons = 'source p from "p.csv" { snapshot at d  columns { d date  id text  leeftijd integer } }\n';
    test('a read of one key value warns at the source it reads (privacy-looks-person-level)', async () => {
        const result = await validate(header('privacy { minimum 10 }') + persons + 'indicator p7 { value avg leeftijd from p where id = "P7" }');
        expectCode(result, 'privacy-looks-person-level', 'warning', { node: one(result, isMeasure), property: 'source' }, /one row per person/);
    });
    test('no warning once declared, or when the key is only read over everyone', async () => {
        expectNoCode(await validate(header('privacy { minimum 10 }') + persons.replace('snapshot at d', 'snapshot at d  one row per person')
            + 'indicator p7 { value avg leeftijd from p where id = "P7" }'), 'privacy-looks-person-level');
        expectNoCode(await validate(header('privacy { minimum 10 }') + persons + 'indicator gem { value avg leeftijd from p }'), 'privacy-looks-person-level');
    });
});

describe('a summed column that reads like a count of people but is not declared a count', () => {
    const table = (counts = '') => `source k from "k.csv" { table  columns { wijk text  inwoners integer  clienten integer${counts} } }\n`;
    const rate = 'indicator per_100 { value sum clienten from k per 100 sum inwoners from k }';
    test('its sum as a value or numerator under privacy rules warns at the column (privacy-sum-looks-count, attack 9)', async () => {
        const result = await validate(header('privacy { minimum 10 }') + table() + rate);
        expectCode(result, 'privacy-sum-looks-count', 'warning', { node: one(result, isValueAggregation, a => a.column?.column.$refText === 'clienten'), property: 'column' }, /clienten integer count/);
        // The denominator is not warned about: `denominator N` hides a rate over a small one.
        expect(result.diagnostics.filter(d => d.code === 'privacy-sum-looks-count')).toHaveLength(1);
    });
    test('no warning once declared a count, without privacy rules, under privacy none, or for an amount', async () => {
        expectNoCode(await validate(header('privacy { minimum 10 }') + table(' count') + rate), 'privacy-sum-looks-count');
        expectNoCode(await validate(header('') + table() + rate), 'privacy-sum-looks-count');
        expectNoCode(await validate(header('privacy none "openbare CBS-cijfers"') + table() + rate), 'privacy-sum-looks-count');
        const amounts = 'source b from "b.csv" { table  columns { wijk text  kosten integer } }\nindicator kosten { value sum kosten from b }';
        expectNoCode(await validate(header('privacy { minimum 10 }') + amounts), 'privacy-sum-looks-count');
    });
});
