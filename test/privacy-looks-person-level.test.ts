/**
 * `privacy-looks-person-level`: a snapshot or table with a key-like column, read one key value or one
 * extreme at a time, but not declared `one row per person` (attacks 5b and 6 of issue 14 on an
 * undeclared source). A warning with a fix, never on aggregated data or a declared source.
 */
import { describe, expect, test } from 'vitest';
import { keyLikeName } from '../packages/language/src/check-undeclared-person-level.js';
import { diagnosticCodes } from './privacy-run.js';

const HEADER = (privacy: string) => `monitor m { grain year  range 2024 .. 2024  ${privacy} }\n`;
const PERSONS = (extra = '') => `source p from "p.csv" { snapshot at d  ${extra}  columns { d date  id text  leeftijd integer } }\n`;
const CODE = 'privacy-looks-person-level';

describe('privacy-looks-person-level', () => {
    test('a filter that selects one key value on an undeclared snapshot warns', async () => {
        const codes = await diagnosticCodes(HEADER('privacy { minimum 10 }') + PERSONS() + `indicator leeftijd_p7 { value avg leeftijd from p where id = "P7" }`);
        expect(codes.filter((c) => c === CODE)).toHaveLength(1);
    });

    test('a max over an undeclared table with a client number warns, and so does a reference selecting one person', async () => {
        const table = `source t from "t.csv" { table  columns { clientnummer text  leeftijd integer } }\n`;
        expect(await diagnosticCodes(HEADER('privacy { minimum 10 }') + table + `indicator oud { value max leeftijd from t }`)).toContain(CODE);
        const ref = `indicator n { value count from q }\nreference n "P7" from p where id = "P7" value leeftijd\n`;
        const events = `source q from "q.csv" { events on datum key id  coverage 2024-01-01 .. 2024-12-31  columns { id text  datum date } }\n`;
        expect(await diagnosticCodes(HEADER('privacy { minimum 10 }') + PERSONS() + events + ref)).toContain(CODE);
    });

    test('no warning on a declared source, on aggregated data, on plain counts, or under privacy none', async () => {
        // Declared: the privacy rules apply (and refuse the max: privacy-min-max-person).
        const declared = await diagnosticCodes(HEADER('privacy { minimum 10 }') + PERSONS('one row per person') + `indicator oud { value max leeftijd from p where id = "P7" }`);
        expect(declared).not.toContain(CODE);
        expect(declared).toContain('privacy-min-max-person');
        // A CBS-style table: no key-like column, so a max and a filter on a wijk are fine.
        const cbs = `source w from "w.csv" { table  columns { wijkcode text  inwoners integer } }\n`;
        expect(await diagnosticCodes(HEADER('privacy { minimum 10 }') + cbs + `indicator grootste { value max inwoners from w where wijkcode = "WK0301" }`)).not.toContain(CODE);
        // A key column that is only counted or averaged over everyone: no sign of one person at a time.
        expect(await diagnosticCodes(HEADER('privacy { minimum 10 }') + PERSONS() + `indicator gem { value avg leeftijd from p }`)).not.toContain(CODE);
        expect(await diagnosticCodes(HEADER('privacy none "openbare gegevens"') + PERSONS() + `indicator oud { value max leeftijd from p where id = "P7" }`)).not.toContain(CODE);
    });

    test('key-like names', () => {
        expect(['id', 'ID', 'bsn', 'clientnummer', 'cliënt_id', 'persoon_id', 'klantnr', 'persoonsnummer'].filter(keyLikeName)).toHaveLength(8);
        expect(['wijk', 'wijkcode', 'gemeente', 'valid', 'grid', 'inwoners', 'datum', 'leeftijd'].filter(keyLikeName)).toEqual([]);
    });
});
