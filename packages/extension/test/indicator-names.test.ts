import { describe, expect, test } from 'vitest';
import { declaredIndicators, indicatorAt } from '../src/indicator-names.js';

const TEXT = `monitor m { title "indicator nep { }" }
// indicator uitgecommentarieerd { }
source s from "a.csv" { columns { x text } }
indicator eerste {
    value count from s
}
/* indicator ook_niet { } */
indicator tweede { value count from s }
target eerste { baseline 2022 }
dimension d { s.x }
`;

describe('indicator names in a monitor text', () => {
    test('lists the declared indicators, not those in comments or strings', () => {
        expect(declaredIndicators(TEXT).map(d => d.name)).toEqual(['eerste', 'tweede']);
    });

    test('the indicator around the cursor is the one whose block it is in', () => {
        expect(indicatorAt(TEXT, TEXT.indexOf('value count from s'))).toBe('eerste');
        expect(indicatorAt(TEXT, TEXT.indexOf('tweede {') + 3)).toBe('tweede');
    });

    test('inside a target the indicator is the one the target is about', () => {
        expect(indicatorAt(TEXT, TEXT.indexOf('baseline'))).toBe('eerste');
    });

    test('inside a source, a dimension or the header there is no indicator', () => {
        expect(indicatorAt(TEXT, TEXT.indexOf('x text'))).toBeUndefined();
        expect(indicatorAt(TEXT, TEXT.indexOf('s.x'))).toBeUndefined();
        expect(indicatorAt(TEXT, 3)).toBeUndefined();
    });
});
