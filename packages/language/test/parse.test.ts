import { describe, expect, test } from 'vitest';
import { PRELUDE, codes, validate } from './helpers.js';

describe('parsing', () => {
    test('the baseline example parses and validates without errors', async () => {
        const { document, diagnostics } = await validate(PRELUDE + `
indicator verblijf {
    title "Jeugdigen met verblijf per 1.000 jongeren"
    description "Unieke jeugdigen met jeugdhulp met verblijf op de laatste dag van het kwartaal,
                 per 1.000 inwoners van 0 tot en met 17 jaar."
    value count distinct client_id from trajecten active at end where voorziening = "verblijf"
          per 1000 sum aantal from jongeren
    desired down
    by wijk
}
indicator aandeel_pleegzorg {
    title "Aandeel pleegzorg"
    value count from trajecten active at end where voorziening = "pleegzorg"
          percent of count from trajecten active at end where voorziening in ("pleegzorg", "verblijf")
    desired up
}
indicator stapeling {
    value count distinct client_id from trajecten active at end having distinct voorziening >= 2
    desired down
}
indicator instroom { value count from trajecten started where voorziening = "verblijf" }
indicator uitstroom { value count from trajecten ended where voorziening = "verblijf" }
indicator netto { value instroom - uitstroom  desired down }
indicator duur { value median duration from trajecten ended }
indicator doorstroom {
    value transitions from trajecten where voorziening = "verblijf"
          to where voorziening in ("pleegzorg", "ambulant") within 90 days
    desired up
}
target verblijf { baseline 2022  2026-Q4 -10%  tolerance 5% }
target aandeel_pleegzorg { 2026-Q4 >= 60 }
note 2023-07-01 "Nieuw inkoopbeleid jeugdhulp" on verblijf
`);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        expect(codes(document)).toEqual([]);
    });
});
