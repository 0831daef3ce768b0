/**
 * The reference stage: names that do not resolve become coded 'unknown-*' errors at the name, with a
 * "did you mean" from what is in scope (monitor-document-validator.ts, monitor-scope-provider.ts).
 */
import { describe, expect, test } from 'vitest';
import {
    isBinding, isColumnRef, type ColumnRef, isEpisodesShape, isIndicator, isIndicatorArith, isMeasure, isNote, isReference, isSnapshotShape, isTarget,
} from '../src/generated/ast.js';
import { PRELUDE, expectClean, expectCode, named, one, validate } from './helpers.js';

/** PRELUDE plus a keyed lookup table and a comparison series. */
const BASE = PRELUDE + `
source groepen from "data/groepen.csv" { table key code columns { code text groep text } }
source cbs from "data/cbs.csv" { snapshot at peildatum columns { peildatum date regio text per_1000 decimal } }
indicator verblijf { value count from trajecten active at end desired down }
`;
const withIndicator = (value: string) => validate(BASE + `indicator x { value ${value} }`);
/** A column reference by the column name written in it. */
const columnNamed = (name: string) => (r: ColumnRef) => r.column.$refText === name;

describe('unknown sources', () => {
    test('a misspelt source in a measure is reported at the name with a suggestion', async () => {
        const result = await withIndicator('count from trajectn started');
        expectCode(result, 'unknown-source', 'error', { node: one(result, isMeasure, m => m.source.$refText === 'trajectn'), property: 'source' },
            "There is no source named 'trajectn'. Did you mean 'trajecten'? Declare it with 'source trajectn from \"…\" { … }' or import the file that declares it.");
    });
    test('a correctly spelt source in a measure resolves', async () => {
        expectClean(await withIndicator('count from trajecten started'));
    });
    test('a misspelt source in a dimension binding is reported at the source name', async () => {
        const result = await validate(BASE + `dimension regio { jongern.wijk }`);
        expectCode(result, 'unknown-source', 'error', { node: one(result, isBinding, b => b.source.$refText === 'jongern'), property: 'source' },
            /Did you mean 'jongeren'\?/);
    });
    test('the candidates of an unknown source list each visible source once', async () => {
        const result = await withIndicator('count from trajectn started');
        const data = result.diagnostics.find(d => d.code === 'unknown-source')?.data as { candidates: string[] };
        expect([...data.candidates].sort()).toEqual(['cbs', 'groepen', 'jongeren', 'trajecten']);
    });
    test('a name far from every source gets no suggestion', async () => {
        const result = await withIndicator('count from aanvragen');
        expectCode(result, 'unknown-source', 'error', { node: one(result, isMeasure, m => m.source.$refText === 'aanvragen'), property: 'source' },
            /^There is no source named 'aanvragen'\. Declare it/);
    });
});

describe('unknown columns', () => {
    test('a misspelt column in a filter is reported at the column with a suggestion', async () => {
        const result = await withIndicator('count from trajecten started where voorzeining = "verblijf"');
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnRef, columnNamed('voorzeining')), property: 'column' },
            /^Source 'trajecten' has no column 'voorzeining'\. Did you mean 'voorziening'\?/);
    });
    test('a column of another source is unknown in this measure', async () => {
        const result = await withIndicator('sum aantal from trajecten active at end');
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnRef, columnNamed('aantal')), property: 'column' }, /^Source 'trajecten' has no column 'aantal'/);
    });
    test('the same column resolves in the source that declares it', async () => {
        expectClean(await withIndicator('sum aantal from jongeren'));
    });
    test('a column in the denominator of a rate resolves against the denominator source', async () => {
        const result = await withIndicator('count from trajecten active at end per 1000 sum kosten from jongeren');
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnRef, columnNamed('kosten')), property: 'column' }, /^Source 'jongeren' has no column 'kosten'/);
    });
    test('a field after "via" must be a column of the lookup table', async () => {
        const result = await withIndicator('count from trajecten started where voorziening via groepen.soort = "zwaar"');
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnRef, columnNamed('voorziening')), property: 'field' },
            /^Source 'groepen' has no column 'soort'/);
    });
    test('the column before "via" belongs to the measure source, not the lookup table', async () => {
        const result = await withIndicator('count from trajecten started where code via groepen.groep = "zwaar"');
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnRef, columnNamed('code')), property: 'column' }, /^Source 'trajecten' has no column 'code'/);
    });
    test('a lookup field of the lookup table resolves', async () => {
        expectClean(await withIndicator('count from trajecten started where voorziening via groepen.groep = "zwaar"'));
    });
    test('a dimension binding names a column of its own source', async () => {
        const result = await validate(BASE + `dimension soort { jongeren.voorziening }`);
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnRef, columnNamed('voorziening')), property: 'column' },
            /^Source 'jongeren' has no column 'voorziening'/);
    });
    test('a shape names a column declared in its own source', async () => {
        const result = await validate(`source s from "s.csv" { episodes start begn end einde key id columns { id text begin date einde date? } }`);
        expectCode(result, 'unknown-column', 'error', { node: one(result, isEpisodesShape), property: 'start' },
            /^Source 's' has no column 'begn'\. Did you mean 'begin'\?/);
    });
    test('a shape cannot name a column of another source', async () => {
        const result = await validate(BASE + `source t from "t.csv" { snapshot at peildatum columns { datum date } }`);
        expectCode(result, 'unknown-column', 'error', { node: one(result, isSnapshotShape, s => s.$container.name === 't'), property: 'date' },
            /^Source 't' has no column 'peildatum'/);
    });
    test('a reference series value is a column of the reference source', async () => {
        const result = await validate(BASE + `reference verblijf "Nederland" from cbs where regio = "NL" value per_100`);
        expectCode(result, 'unknown-column', 'error', { node: one(result, isReference), property: 'value' }, /Did you mean 'per_1000'\?/);
    });
    test('a reference series with a declared value column resolves', async () => {
        expectClean(await validate(BASE + `reference verblijf "Nederland" from cbs where regio = "NL" value per_1000`));
    });
});

describe('unknown indicators and dimensions', () => {
    test('a target for a misspelt indicator is reported at the name with a suggestion', async () => {
        const result = await validate(BASE + `target verblijv { 2026-Q4 <= 10 }`);
        expectCode(result, 'unknown-indicator', 'error', { node: one(result, isTarget), property: 'indicator' },
            "There is no indicator named 'verblijv'. Did you mean 'verblijf'?");
    });
    test('an expression that uses an unknown indicator is reported at that name', async () => {
        const result = await withIndicator('verblijf - uitstroom');
        expectCode(result, 'unknown-indicator', 'error', { node: one(result, isIndicatorArith, a => a.indicator.$refText === 'uitstroom'), property: 'indicator' });
    });
    test('a note on an unknown indicator is reported at the name', async () => {
        const result = await validate(BASE + `note 2023-07-01 "Nieuw beleid" on verblyf`);
        expectCode(result, 'unknown-indicator', 'error', { node: one(result, isNote), property: 'indicator' });
    });
    test('a note on a declared indicator resolves', async () => {
        expectClean(await validate(BASE + `note 2023-07-01 "Nieuw beleid" on verblijf`));
    });

    test('a misspelt breakdown is reported at the name with a suggestion', async () => {
        const result = await validate(BASE + `dimension voorziening { trajecten.voorziening }
indicator y { value count from trajecten started by wijk, voorzeining }`);
        expectCode(result, 'unknown-dimension', 'error', { node: named(result, isIndicator, 'y'), property: 'by', index: 1 },
            /Did you mean 'voorziening'\?/);
        const diagnostic = result.diagnostics.find(d => d.code === 'unknown-dimension');
        expect(diagnostic?.data).toMatchObject({ code: 'unknown-dimension', refText: 'voorzeining', suggestion: 'voorziening' });
    });
    test('a declared breakdown resolves', async () => {
        expectClean(await validate(BASE + `dimension voorziening { trajecten.voorziening }
indicator y { value count from trajecten started by wijk, voorziening }`));
    });
});
