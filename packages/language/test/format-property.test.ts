/**
 * Property test of the formatter on generated documents: formatting is idempotent, keeps every
 * token and comment in order, and leaves the meaning (the lowered IR without positions) unchanged.
 */
import fc from 'fast-check';
import { CstUtils, isLeafCstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { lowerProgram } from '../src/lower-program.js';
import { formatDocumentText } from '../src/monitor-formatter.js';
import type { Model } from '../src/generated/ast.js';
import { parse } from './helpers.js';

/** Whitespace and comments that may stand between any two tokens. */
const separator = fc.constantFrom(' ', '  ', '\n', '\n\n\n', '\n        ', '\t', ' /* c */ ', ' // note\n', '\n// line\n');

const ident = fc.constantFrom('wijk', 'client_id', 'status', 'voorziening', 'leeftijd');
const text = fc.constantFrom('"a"', '"verblijf"', '"lang \\"quoted\\" text"', '"regel één\n    regel twee"');
const condition = fc.oneof(
    fc.tuple(ident, fc.constantFrom('=', '<>', '>='), text).map(([c, op, v]) => [c, op, v]),
    fc.tuple(ident, fc.array(text, { minLength: 1, maxLength: 3 })).map(([c, vs]) => [c, 'in', '(', ...vs.flatMap((v, i) => (i ? [',', v] : [v])), ')']),
    fc.tuple(ident, fc.boolean()).map(([c, not]) => [c, 'is', ...(not ? ['not'] : []), 'missing']),
);
const measure = fc.tuple(
    fc.constantFrom(['count'], ['count', 'distinct', 'client_id'], ['sum', 'aantal'], ['median', 'duration']),
    fc.constantFrom([], ['active', 'at', 'end'], ['started'], ['ended']),
    fc.option(condition, { nil: undefined }),
).map(([agg, time, where]) => [...agg, 'from', 'trajecten', ...time, ...(where ? ['where', ...where] : [])]);
const value = fc.oneof(
    measure,
    fc.tuple(measure, fc.constantFrom(['per', '1000'], ['percent', 'of']), measure).map(([a, op, b]) => [...a, ...op, ...b]),
    fc.constantFrom(['a', '-', 'b'], ['(', 'a', '+', 'b', ')', '/', '2']),
);
const indicator = fc.tuple(fc.constantFrom('i1', 'i2'), value, fc.subarray(['title', 'desired', 'by'])).map(([name, v, props]) => [
    'indicator', name, '{', 'value', ...v,
    ...props.flatMap(p => (p === 'title' ? ['title', '"Titel"'] : p === 'desired' ? ['desired', 'down'] : ['by', 'wijk', ',', 'leeftijd'])), '}',
]);
const fixed: string[][] = [
    ['monitor', 'm', '{', 'title', '"M"', 'grain', 'quarter', 'range', '2020-Q1', '..', '2024-Q4', 'privacy', '{', 'minimum', '10', 'round', '5', '}', '}'],
    ['source', 'trajecten', 'from', '"t.csv"', '{', 'episodes', 'start', 'b', 'end', 'e', 'key', 'client_id', 'status', 'status', 'nulls', '"."', ',', '"-9"',
        'columns', '{', 'client_id', 'text', 'b', 'date', 'e', 'date', '?', 'status', 'text', 'aantal', 'integer', '}', '}'],
    ['dimension', 'wijk', '{', 'title', '"Wijk"', 'trajecten', '.', 'wijk', 'jongeren', '.', 'wijk', 'via', 'codes', '.', 'naam', '}'],
    ['target', 'i1', '{', 'baseline', '2022', '2026-Q4', '-', '15', '%', 'tolerance', '5', '%', '}'],
    ['note', '2023-07-01', '"Nieuw beleid"', 'on', 'i1'],
    ['reference', 'i1', '"NL"', 'from', 'cbs', 'where', 'regio', '=', '"NL"', 'value', 'waarde'],
];
const documentTokens = fc.tuple(fc.subarray(fixed), fc.array(indicator, { minLength: 1, maxLength: 3 })).map(([f, inds]) => [...f, ...inds]);

/** A document: the elements' tokens joined by generated whitespace and comments. */
const document = documentTokens.chain(elements => {
    const tokens = elements.flat();
    return fc.array(separator, { minLength: tokens.length, maxLength: tokens.length })
        .map(seps => tokens.map((t, i) => (i ? seps[i] : '') + t).join(''));
});

async function parsed(source: string) {
    const doc = await parse(source);
    const leaves = CstUtils.streamCst(doc.parseResult.value.$cstNode!).filter(isLeafCstNode).map(l => l.text).filter(t => t.trim() !== '').toArray();
    const meaning = JSON.stringify(lowerProgram({ uri: 'memory:/x.monitor', model: doc.parseResult.value as Model }),
        (key, v) => (key === 'span' || key === 'pathSpan' ? undefined : v));
    return { doc, leaves, meaning, errors: doc.parseResult.parserErrors.length + doc.parseResult.lexerErrors.length };
}

describe('formatting generated documents', () => {
    test('format(format(x)) equals format(x), and tokens, comments and meaning are kept', async () => {
        let checked = 0;
        await fc.assert(fc.asyncProperty(document, async source => {
            const before = await parsed(source);
            expect(before.errors, source).toBe(0);
            const once = formatDocumentText(before.doc);
            const after = await parsed(once);
            expect(after.errors, once).toBe(0);
            expect(after.leaves).toEqual(before.leaves);
            expect(after.meaning).toBe(before.meaning);
            expect(formatDocumentText(after.doc)).toBe(once);
            checked++;
        }), { numRuns: 150, seed: 20261 });
        expect(checked).toBe(150);
    });
});
