/** A `where` on a dimension binding: parsed, scoped to the binding's source, checked and lowered like a measure's. */
import { describe, expect, test } from 'vitest';
import { isBinding, isColumnRef, isTextLiteral } from '../src/generated/ast.js';
import { lowerProgram } from '../src/lower-program.js';
import { PRELUDE, expectClean, expectCode, one, validate } from './helpers.js';

/** PRELUDE with its `wijk` dimension replaced by one whose trajecten binding has `binding`. */
const withBinding = (binding: string) => validate(PRELUDE.replace('dimension wijk { trajecten.wijk  jongeren.wijk }',
    `dimension wijk {\n    ${binding}\n    jongeren.wijk\n}`));

describe('a where on a dimension binding', () => {
    test('is parsed, validates clean and lowers to the filter of that binding only', async () => {
        const result = await withBinding('trajecten.wijk where voorziening in ("verblijf", "pleegzorg") and not wijk = "Buiten"');
        expectClean(result);
        expect(one(result, isBinding, b => b.source.$refText === 'trajecten').where).toBeDefined();
        const program = lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value });
        const [trajecten, jongeren] = program.dimensions.find(d => d.name === 'wijk')!.bindings;
        expect(trajecten.filter).toEqual({
            kind: 'and',
            left: { kind: 'in', operand: { kind: 'column', ref: { column: 'voorziening', lookup: null } },
                values: [{ kind: 'text', value: 'verblijf' }, { kind: 'text', value: 'pleegzorg' }], negated: false },
            right: { kind: 'not', operand: { kind: 'compare', op: '=', left: { kind: 'column', ref: { column: 'wijk', lookup: null } },
                right: { kind: 'literal', literal: { kind: 'text', value: 'Buiten' } } } },
        });
        // A binding without `where` lowers exactly as before: no filter key at all (golden IR unchanged).
        expect(Object.keys(jongeren)).toEqual(['source', 'column']);
    });

    test('a column the binding source lacks is an unknown column of that source, with a suggestion', async () => {
        const result = await withBinding('trajecten.wijk where voorzeining = "verblijf"');
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnRef, r => r.column.$refText === 'voorzeining'), property: 'column' },
            /^Source 'trajecten' has no column 'voorzeining'\. Did you mean 'voorziening'\?/);
    });

    test('a column of another source is unknown in the binding where', async () => {
        const result = await withBinding('trajecten.wijk where aantal > 10');
        expectCode(result, 'unknown-column', 'error', { node: one(result, isColumnRef, r => r.column.$refText === 'aantal'), property: 'column' },
            /^Source 'trajecten' has no column 'aantal'/);
    });

    test('a literal of the wrong type is an error as in any filter', async () => {
        const result = await withBinding('trajecten.wijk where kosten = "hoog"');
        expectCode(result, 'literal-type-mismatch', 'error', { node: one(result, isTextLiteral, l => l.value === '"hoog"' || l.value === 'hoog') });
    });
});
