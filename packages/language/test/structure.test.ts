/** Declaration checks: header, names, properties, sources, periods, dates and privacy (check-structure.ts). */
import { describe, expect, test } from 'vitest';
import {
    isColumn, isDateLiteral, isEpisodesShape, isIndicator, isMonitorDecl, isNote, isPrivacy, isSource,
    isSnapshotShape, isDimension,
} from '../src/generated/ast.js';
import { PRELUDE, expectClean, expectCode, expectNoCode, named, nodes, one, span, validate } from './helpers.js';

const HEADER = `monitor jeugd { title "Jeugdhulp" grain quarter range 2019-Q1 .. 2026-Q4 }\n`;
const SOURCE = `source aanvragen from "a.csv" { events on datum columns { datum date wijk text } }\n`;

describe('the monitor header', () => {
    test('a file with indicators but no monitor header is reported at the first indicator', async () => {
        const result = await validate(SOURCE + `indicator aantal { value count from aanvragen }`);
        expectCode(result, 'missing-monitor', 'error', { node: named(result, isIndicator, 'aantal'), property: 'name' });
    });
    test('a file with a monitor header and indicators needs no other header', async () => {
        expectClean(await validate(HEADER.replace(" }", " privacy { minimum 10 } }") + SOURCE + `indicator aantal { value count from aanvragen }`));
    });
    test('a NUL character in a string is reported at that property', async () => {
        const result = await validate(HEADER + `source aanvragen from "a\u0000.csv" { events on datum columns { datum date wijk text } }`);
        expectCode(result, 'nul-in-text', 'error', { node: one(result, isSource), property: 'path' },
            'This text contains a NUL character (\\0), which no data file or code list can hold. Remove it.');
    });
    test('text without a NUL character is not reported', async () => {
        expectNoCode(await validate(HEADER + SOURCE), 'nul-in-text');
    });
    test('a file with only sources needs no monitor header', async () => {
        expectClean(await validate(SOURCE));
    });

    test('a second monitor header is reported at its name', async () => {
        const result = await validate(HEADER + `monitor tweede { range 2020 .. 2021 }`);
        expectCode(result, 'duplicate-monitor', 'error', { node: named(result, isMonitorDecl, 'tweede'), property: 'name' });
    });
    test('one monitor header is not a duplicate', async () => {
        expectNoCode(await validate(HEADER), 'duplicate-monitor');
    });

    test('a monitor without range is reported at its name', async () => {
        const result = await validate(`monitor jeugd { title "Jeugdhulp" grain quarter }`);
        expectCode(result, 'missing-range', 'error', { node: one(result, isMonitorDecl), property: 'name' });
    });
    test('a monitor with a range has no missing-range issue', async () => {
        expectClean(await validate(`monitor jeugd { title "Jeugdhulp" range 2019 .. 2026 }`));
    });

    test('a range whose start lies after its end is reported at the start', async () => {
        const result = await validate(`monitor jeugd { range 2026-Q4 .. 2019-Q1 }`);
        expectCode(result, 'range-reversed', 'error', { node: one(result, isMonitorDecl), property: 'from' }, /starts at 2026-Q4/);
    });
    test('a range of one period is not reversed', async () => {
        expectClean(await validate(`monitor jeugd { range 2026-Q4 .. 2026-Q4 }`));
    });

    test('a range bound that is a number but not a year is an invalid period', async () => {
        const result = await validate(`monitor jeugd { range 24 .. 2026-Q4 }`);
        expectCode(result, 'invalid-period', 'error', { node: one(result, isMonitorDecl), property: 'from' }, /'24' is not a period/);
    });
    test('a range bound that is a year is a valid period', async () => {
        expectClean(await validate(`monitor jeugd { range 2024 .. 2026-Q4 }`));
    });

    test('a privacy minimum below the rounding base is reported at the minimum', async () => {
        const result = await validate(`monitor jeugd { range 2019 .. 2026 privacy { minimum 3 round 5 } }`);
        expectCode(result, 'privacy-minimum-below-round', 'error', { node: one(result, isPrivacy), property: 'minimum' });
    });
    test('a privacy minimum equal to the rounding base is allowed', async () => {
        expectClean(await validate(`monitor jeugd { range 2019 .. 2026 privacy { minimum 5 round 5 } }`));
    });
});

describe('bounds on work', () => {
    test('a range of more than 1,200 periods is reported at its start', async () => {
        const result = await validate(`monitor m { title "T" grain month range 0001-01 .. 9999-12 }\n`);
        expectCode(result, 'too-many-periods', 'error', { node: one(result, isMonitorDecl), property: 'from' }, /119988 periods by month/);
    });
    test('a century by month is within the bound', async () => {
        expectNoCode(await validate(`monitor m { title "T" grain month range 1950-01 .. 2049-12 }\n`), 'too-many-periods');
    });
});

describe('names and repeated properties', () => {
    test('two sources with one name are reported at the second name', async () => {
        const text = PRELUDE + `source jongeren from "b.csv" { table columns { x text } }`;
        const result = await validate(text);
        const second = nodes(result, isSource).filter(s => s.name === 'jongeren')[1];
        expectCode(result, 'duplicate-name', 'error', { node: second, property: 'name' }, /'jongeren' is declared more than once as source/);
    });
    test('a dimension named like an output field (period, series) is reported at its name', async () => {
        for (const name of ['period', 'series', 'Numerator']) {
            const result = await validate(PRELUDE + `dimension ${name} { trajecten.voorziening }`);
            expectCode(result, 'dimension-name-reserved', 'error', { node: one(result, isDimension, d => d.name === name), property: 'name' }, new RegExp(`'${name}'`));
        }
    });
    test('a dimension named otherwise is no reserved name', async () => {
        expectNoCode(await validate(PRELUDE + `dimension periode { trajecten.voorziening }`), 'dimension-name-reserved');
    });
    test('a dimension may share its name with a column', async () => {
        expectClean(await validate(PRELUDE + `dimension voorziening { trajecten.voorziening }`));
    });
    test('a column declared twice in one source is reported at the second column', async () => {
        const result = await validate(`source s from "s.csv" { table columns { code text code integer } }`);
        const second = nodes(result, isColumn)[1];
        expectCode(result, 'duplicate-name', 'error', { node: second, property: 'name' }, /as column/);
    });
    test('the same column name in two sources is not a duplicate', async () => {
        expectClean(await validate(`source s from "s.csv" { table columns { code text } }\nsource t from "t.csv" { table columns { code text } }`));
    });

    test('a title given twice is a warning at the second title keyword', async () => {
        const text = HEADER + SOURCE + `indicator aantal { title "Een" value count from aanvragen title "Twee" }`;
        const result = await validate(text);
        expectCode(result, 'duplicate-property', 'warning', span(text, 'title', 2), /'title' is given more than once/);
    });
    test('a column named like a property keyword does not count as a repeated property', async () => {
        expectClean(await validate(PRELUDE));
    });
    test('a source that names its delimiter twice gets a warning at the second one', async () => {
        const text = `source s from "s.csv" { table delimiter ";" delimiter "," columns { x text } }`;
        const result = await validate(text);
        expectCode(result, 'duplicate-property', 'warning', span(text, 'delimiter', 1));
    });

    test('a breakdown list split over two by clauses adds up without a warning', async () => {
        const result = await validate(PRELUDE + `dimension soort { trajecten.voorziening }
indicator x { value count from trajecten started by wijk by soort }`);
        expectClean(result);
        expect(named(result, isIndicator, 'x').by.map(b => b.$refText)).toEqual(['wijk', 'soort']);
    });

    test('an indicator without value is reported at its name', async () => {
        const result = await validate(PRELUDE + `indicator leeg { title "Leeg" desired down }`);
        expectCode(result, 'missing-value', 'error', { node: named(result, isIndicator, 'leeg'), property: 'name' });
    });
    test('an indicator with a value has no missing-value issue', async () => {
        expectClean(await validate(PRELUDE + `indicator vol { title "Vol" value count from trajecten started desired down }`));
    });
});

describe('sources', () => {
    test('a source without shape is reported at its name', async () => {
        const result = await validate(`source s from "s.csv" { columns { x text } }`);
        expectCode(result, 'missing-shape', 'error', { node: one(result, isSource), property: 'name' });
    });
    test('a lookup table without key has a shape', async () => {
        expectClean(await validate(`source s from "s.csv" { table columns { x text } }`));
    });

    test('a snapshot date column declared as text is reported at the date reference', async () => {
        const result = await validate(`source s from "s.csv" { snapshot at peildatum columns { peildatum text } }`);
        expectCode(result, 'column-not-date', 'error', { node: one(result, isSnapshotShape), property: 'date' }, /declared as text/);
    });
    test('an episode start column declared as integer is reported at the start reference', async () => {
        const result = await validate(`source s from "s.csv" { episodes start van end tot key id columns { id text van integer tot date? } }`);
        expectCode(result, 'column-not-date', 'error', { node: one(result, isEpisodesShape), property: 'start' });
    });
    test('a snapshot date column declared as date is accepted', async () => {
        expectClean(await validate(`source s from "s.csv" { snapshot at peildatum columns { peildatum date } }`));
    });

    test('an episode end column that is not nullable is a warning at the end reference', async () => {
        const result = await validate(`source s from "s.csv" { episodes start van end tot key id columns { id text van date tot date } }`);
        expectCode(result, 'end-not-nullable', 'warning', { node: one(result, isEpisodesShape), property: 'end' }, /'tot' is not nullable/);
    });
    test('a nullable episode end column is accepted', async () => {
        expectClean(await validate(`source s from "s.csv" { episodes start van end tot key id columns { id text van date tot date? } }`));
    });
});

describe('dates', () => {
    test('a note on a day that does not exist is reported at the date', async () => {
        const result = await validate(PRELUDE + `note 2023-02-30 "Nieuw beleid"`);
        expectCode(result, 'invalid-date', 'error', { node: one(result, isNote), property: 'date' }, /'2023-02-30' is not a calendar date/);
    });
    test('a note on a leap day is accepted', async () => {
        expectClean(await validate(PRELUDE + `note 2024-02-29 "Nieuw beleid"`));
    });
    test('a coverage end that does not exist is reported at that date', async () => {
        const result = await validate(`source s from "s.csv" { table coverage 2020-01-01 .. 2024-13-01 columns { x text } }`);
        expectCode(result, 'invalid-date', 'error', { node: one(result, isSource), property: 'coverageTo' });
    });
    test('a date literal in a filter that does not exist is reported at the literal', async () => {
        const result = await validate(PRELUDE + `indicator x { value count from trajecten started where begindatum >= 2023-04-31 }`);
        expectCode(result, 'invalid-date', 'error', { node: one(result, isDateLiteral), property: 'value' });
    });
    test('a valid date literal in a filter is accepted', async () => {
        expectClean(await validate(PRELUDE + `indicator x { value count from trajecten started where begindatum >= 2023-04-30 }`));
    });
});
