/** Meaning-stage checks on measures: time meanings, types, transitions, stacking, lookups (check-measures.ts). */
import { describe, test } from 'vitest';
import {
    isColumnRef, isLiteral, isMeasure, isOperand, isTransitionAggregation, isValueAggregation,
} from '../src/generated/ast.js';
import { PRELUDE, expectClean, expectCode, expectNoCode, one, validate } from './helpers.js';

/** PRELUDE plus an events source and a keyed lookup table. */
const BASE = PRELUDE + `
source aanvragen from "data/aanvragen.csv" {
    events on datum key client_id
    columns { client_id text datum date product text wijk text }
}
source groepen from "data/groepen.csv" {
    table key code
    columns { code text groep text gewicht integer }
}
source regios from "data/regios.csv" {
    table
    columns { code text regio text }
}
`;

/** Validates BASE with one indicator whose value is `value`. */
const withValue = (value: string) => validate(BASE + `indicator x {\n    value ${value}\n}\n`);

describe('time meanings', () => {
    test('a time meaning on a snapshot source is reported at the time meaning', async () => {
        const result = await withValue('sum aantal from jongeren active at end');
        expectCode(result, 'time-meaning-needs-episodes', 'error', { node: one(result, isMeasure), property: 'time' },
            /'active at end' only applies to episodes, and source 'jongeren' is snapshot/);
    });
    test('a snapshot source without time meaning is accepted', async () => {
        expectClean(await withValue('sum aantal from jongeren'));
    });

    test('counting episodes without a time meaning is reported at the source', async () => {
        const result = await withValue('count from trajecten where voorziening = "verblijf"');
        expectCode(result, 'episodes-need-time-meaning', 'error', { node: one(result, isMeasure), property: 'source' });
    });
    test('counting episodes active during the period is accepted', async () => {
        expectClean(await withValue('count from trajecten active during where voorziening = "verblijf"'));
    });

    test('a duration of episodes that started is reported at the duration keyword', async () => {
        const result = await withValue('median duration from trajecten started');
        expectCode(result, 'duration-needs-ended', 'error', { node: one(result, isValueAggregation), property: 'duration' });
    });
    test('a duration of events is reported even without a time meaning', async () => {
        const result = await withValue('median duration from aanvragen');
        expectCode(result, 'duration-needs-ended', 'error', { node: one(result, isValueAggregation), property: 'duration' });
    });
    test('a duration of episodes that ended is accepted', async () => {
        expectClean(await withValue('median duration from trajecten ended'));
    });
});

describe('column types in aggregations', () => {
    test('summing a text column is reported at the column', async () => {
        const result = await withValue('sum voorziening from trajecten active at end');
        expectCode(result, 'column-not-numeric', 'error', { node: one(result, isValueAggregation), property: 'column' },
            /'sum' needs a number, but column 'voorziening' is text/);
    });
    test('summing a decimal column is accepted', async () => {
        expectClean(await withValue('sum kosten from trajecten active at end'));
    });
    test('the average of a date column is not numeric', async () => {
        const result = await withValue('avg begindatum from trajecten ended');
        expectCode(result, 'column-not-numeric', 'error', { node: one(result, isValueAggregation), property: 'column' });
    });
    test('the latest date of a date column is accepted', async () => {
        // Of aggregated rows: under privacy rules a min or max of person-level rows is refused (check-privacy.ts).
        expectClean(await withValue('max peildatum from jongeren'));
    });
    test('summing a looked-up text field names the field, not the key column', async () => {
        const result = await withValue('sum voorziening via groepen.groep from trajecten active at end');
        expectCode(result, 'column-not-numeric', 'error', { node: one(result, isValueAggregation), property: 'column' },
            /column 'groep' is text/);
    });
    test('summing a looked-up integer field is accepted', async () => {
        expectClean(await withValue('sum voorziening via groepen.gewicht from trajecten active at end'));
    });
});

describe('transitions', () => {
    const to = 'where product = "02" to where product = "07" within 90 days';
    test('a transition over events is reported at the source', async () => {
        const result = await withValue(`transitions from aanvragen ${to}`);
        expectCode(result, 'transition-needs-episodes', 'error', { node: one(result, isMeasure), property: 'source' }, /source 'aanvragen' is events/);
    });
    test('a transition over episodes is accepted', async () => {
        expectClean(await withValue('transitions from trajecten where voorziening = "verblijf" to where voorziening = "pleegzorg" within 90 days'));
    });

    test('a transition without a "to where" clause is reported at the transitions keyword', async () => {
        const result = await withValue('transitions from trajecten where voorziening = "verblijf"');
        expectCode(result, 'transition-incomplete', 'error', { node: one(result, isTransitionAggregation) });
    });
    test('a transition with "to where" and "within" is complete', async () => {
        expectNoCode(await withValue('transitions distinct client_id from trajecten where voorziening = "verblijf" to where voorziening = "pleegzorg" within 0 days'), 'transition-incomplete');
    });

    test('a transition of episodes that started is reported at the time meaning', async () => {
        const result = await withValue('transitions from trajecten started where voorziening = "verblijf" to where voorziening = "pleegzorg" within 90 days');
        expectCode(result, 'transition-time-meaning', 'error', { node: one(result, isMeasure), property: 'time' }, /'started' does not apply/);
    });
    test('a transition of episodes that ended is accepted', async () => {
        expectClean(await withValue('transitions from trajecten ended where voorziening = "verblijf" to where voorziening = "pleegzorg" within 90 days'));
    });

    test('a "to where" clause on a count is reported at the clause', async () => {
        const result = await withValue('count from trajecten ended where voorziening = "verblijf" to where voorziening = "pleegzorg" within 90 days');
        expectCode(result, 'transition-clause-misplaced', 'error', { node: one(result, isMeasure), property: 'transitionTo' });
    });
    test('a count with only a "where" clause has no misplaced transition clause', async () => {
        expectClean(await withValue('count from trajecten ended where voorziening = "verblijf"'));
    });
});

describe('stacking', () => {
    test('stacking over events is reported at the stacked column', async () => {
        const result = await withValue('count distinct client_id from aanvragen having distinct product >= 2');
        expectCode(result, 'stacking-needs-episodes', 'error', { node: one(result, isMeasure), property: 'havingColumn' }, /'aanvragen' is events/);
    });
    test('stacking over episodes active at the end is accepted', async () => {
        expectClean(await withValue('count distinct client_id from trajecten active at end having distinct voorziening >= 2'));
    });

    test('stacking of episodes that started is reported at the time meaning', async () => {
        const result = await withValue('count distinct client_id from trajecten started having distinct voorziening >= 2');
        expectCode(result, 'stacking-time-meaning', 'error', { node: one(result, isMeasure), property: 'time' });
    });
    test('stacking of episodes active during the period is accepted', async () => {
        expectClean(await withValue('count distinct client_id from trajecten active during having distinct voorziening >= 2'));
    });
});

describe('lookups', () => {
    test('a lookup through a snapshot source is reported at the lookup source', async () => {
        const result = await withValue('count from trajecten started where voorziening via jongeren.wijk = "Noord"');
        expectCode(result, 'lookup-needs-table-key', 'error', { node: one(result, isColumnRef, r => !!r.lookup), property: 'lookup' },
            /'via jongeren' looks values up by key/);
    });
    test('a lookup through a table without key is reported at the lookup source', async () => {
        const result = await withValue('count from trajecten started where voorziening via regios.regio = "Noord"');
        expectCode(result, 'lookup-needs-table-key', 'error', { node: one(result, isColumnRef, r => !!r.lookup), property: 'lookup' });
    });
    test('a lookup through a keyed table is accepted', async () => {
        expectClean(await withValue('count from trajecten started where voorziening via groepen.groep = "zwaar"'));
    });
});

describe('comparisons', () => {
    test('comparing an integer column with text is an error at the literal', async () => {
        const result = await withValue('sum aantal from jongeren where aantal > "tien"');
        expectCode(result, 'literal-type-mismatch', 'error', { node: one(result, isLiteral) }, /'aantal' is integer, but it is compared with "tien"/);
    });
    test('a number in a list of texts is an error at that number', async () => {
        const result = await withValue('count from trajecten started where voorziening in ("verblijf", 43)');
        expectCode(result, 'literal-type-mismatch', 'error', { node: one(result, isLiteral, l => l.value === 43) });
    });
    test('a shifted date compared with a decimal column is an error at the right side', async () => {
        const result = await withValue('count from trajecten ended where einddatum - 5 days > kosten');
        expectCode(result, 'comparison-type-mismatch', 'error', { node: one(result, isOperand, o => !o.shift && o.$containerProperty === 'right') },
            /'einddatum - 5 days' is date but 'kosten' is decimal/);
    });
    test('a shifted date compared with a date column is no type mismatch', async () => {
        expectNoCode(await withValue('count from trajecten ended where einddatum - 5 days > begindatum'), 'comparison-type-mismatch');
    });
    test('comparing a date column with a date between two dates is accepted', async () => {
        expectClean(await withValue('count from trajecten started where begindatum between 2020-01-01 and 2020-12-31 and voorziening in ("verblijf", "43")'));
    });

    test('shifting a decimal column by days is reported at the shift', async () => {
        const result = await withValue('count from trajecten ended where kosten + 30 days > 10');
        expectCode(result, 'shift-needs-date', 'error', { node: one(result, isOperand, o => !!o.shift), property: 'shift' },
            /'kosten' is shifted by days, which only works on dates, but it is decimal/);
    });
    test('shifting a date column by days is accepted', async () => {
        expectClean(await withValue('count from trajecten ended where einddatum - 30 days <= begindatum'));
    });
});
