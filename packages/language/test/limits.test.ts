/**
 * The gate before the parser (source-limits.ts, gated-parser.ts): each limit has a trigger test and
 * a test at the limit, which must pass every language stage (validation, lowering, formatting).
 */
import { EmptyFileSystem, createLangiumParser } from 'langium';
import { validationHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createMonitorServices } from '../src/monitor-module.js';
import { gatedParse, stoppedAtGate } from '../src/gated-parser.js';
import { lowerProgram } from '../src/lower-program.js';
import { LIMITS, scanLimits } from '../src/source-limits.js';
import { formatDocumentText } from '../src/monitor-formatter.js';
import type { Model } from '../src/generated/ast.js';
import { PRELUDE, codes, expectCode, expectNoCode, span, validate } from './helpers.js';

const head = PRELUDE + "indicator a { value count from trajecten active at end }\n";
const condition = (where: string) => `${head}indicator b { value count from trajecten active at end where ${where} }\n`;
const arithmetic = (value: string) => `${head}indicator b { value ${value} }\n`;
const nested = (depth: number, inner = 'wijk = "a"') => '('.repeat(depth) + inner + ')'.repeat(depth);
const chain = (n: number, op: string, term = 'wijk = "a"') => Array(n + 1).fill(term).join(` ${op} `);

/** Every language stage on a text at a limit: no limit code, no exception, a program and a layout. */
async function passesEveryStage(text: string): Promise<void> {
    const result = await validate(text);
    for (const code of ['file-too-large', 'literal-too-long', 'too-deeply-nested', 'expression-too-long', 'parse-failed']) expectNoCode(result, code);
    expect(codes(result.document).filter(c => c !== 'unused-source')).toEqual([]);
    const program = lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value as Model }, []);
    expect(program.indicators.map(i => i.name)).toContain('b');
    const formatted = formatDocumentText(result.document);
    expect(codes((await validate(formatted)).document).filter(c => c !== 'unused-source')).toEqual([]);
}

describe('file size', () => {
    test('a file over the limit is not parsed: file-too-large where the limit is passed', async () => {
        const text = head + `// ${'x'.repeat(LIMITS.fileChars)}\n`;
        const result = await validate(text);
        expectCode(result, 'file-too-large', 'error', { offset: LIMITS.fileChars, length: 0 });
        expect(result.document.parseResult.value.elements).toEqual([]);
        expect(stoppedAtGate(result.document.parseResult)).toBe(true);
    });
    test('a file at the limit is parsed', async () => {
        const text = head + '//' + 'x'.repeat(LIMITS.fileChars - head.length - 3) + '\n';
        expect(text.length).toBe(LIMITS.fileChars);
        const result = await validate(text);
        expectNoCode(result, 'file-too-large');
        expect(result.document.parseResult.value.elements.length).toBeGreaterThan(0);
    });
});

describe('statements per file', () => {
    test('a statement more than the limit: file-too-large at its keyword', async () => {
        const many = (n: number) => Array.from({ length: n }, (_, i) => `indicator i${i} { value ${i === 0 ? 'a' : `i${i - 1}`} + 1 }\n`).join('');
        const text = head + many(LIMITS.statements);
        const result = await validate(text);
        const keyword = [...text.matchAll(/^(monitor|source|dimension|indicator)\b/gm)][LIMITS.statements];
        expectCode(result, 'file-too-large', 'error', { offset: keyword.index, length: keyword[0].length }, /statements/);
    });
    test('a chain of indicators at the limit that refer to each other passes every stage', async () => {
        const statements = (head.match(/^(monitor|source|dimension|indicator)\b/gm) ?? []).length;
        const chained = Array.from({ length: LIMITS.statements - statements }, (_, i) => `indicator b${i === 0 ? '' : i} { value ${i === 0 ? 'a' : i === 1 ? 'b' : `b${i - 1}`} + 1 }\n`);
        await passesEveryStage(head + chained.join(''));
    });
});

describe('text literals', () => {
    test('a literal over the limit: literal-too-long at its opening quote', async () => {
        const text = `${head}indicator b { title "${'x'.repeat(LIMITS.literalChars)}" value count from trajecten active at end }\n`;
        const result = await validate(text);
        expectCode(result, 'literal-too-long', 'error', { offset: text.indexOf('"x'), length: 1 });
    });
    test('an unterminated quote that runs over the limit is one too', async () => {
        const text = `${head}indicator b { title "${'x '.repeat(LIMITS.literalChars)}`;
        expectCode(await validate(text), 'literal-too-long', 'error', { offset: text.indexOf('"x'), length: 1 });
    });
    test('a literal at the limit, with escaped quotes, passes', async () => {
        const body = '\\"' + 'x'.repeat(LIMITS.literalChars - 4);
        await passesEveryStage(`${head}indicator b { title "${body}" value count from trajecten active at end }\n`);
    });
});

describe('nesting depth', () => {
    test('one parenthesis more than the limit: too-deeply-nested at that parenthesis', async () => {
        const text = condition(nested(LIMITS.nesting + 1));
        expectCode(await validate(text), 'too-deeply-nested', 'error', { offset: text.indexOf('where ') + 6 + LIMITS.nesting, length: 1 });
    });
    test('300 parentheses (the file that killed the language server) are stopped before the parser', async () => {
        const text = arithmetic(nested(300, 'a'));
        const result = await validate(text);
        expectCode(result, 'too-deeply-nested', 'error', span(text, '(', LIMITS.nesting));
        expectNoCode(result, 'parse-failed');
    });
    test('parentheses at the limit, in conditions and arithmetic, pass every stage', async () => {
        await passesEveryStage(condition(nested(LIMITS.nesting)));
        await passesEveryStage(arithmetic(nested(LIMITS.nesting, 'a') + ' + ' + nested(LIMITS.nesting, 'a')));
    });
    test('a closing parenthesis ends a level: many groups side by side are not deep', () => {
        expect(scanLimits(condition(chain(40, 'or', '(wijk = "a")')))).toEqual([]);
    });
});

describe('expression length', () => {
    test('an operator more than the limit in one statement: expression-too-long at that operator', async () => {
        const text = condition(chain(LIMITS.operators + 1, 'or'));
        const result = await validate(text);
        const at = span(text, ' or ', LIMITS.operators).offset + 1;
        expectCode(result, 'expression-too-long', 'error', { offset: at, length: 2 });
    });
    test('5,000 + terms and 20,000 or are stopped before the parser', async () => {
        for (const text of [arithmetic(chain(5_000, '+', 'a')), condition(chain(20_000, 'or'))]) {
            const result = await validate(text);
            expect(codes(result.document)).toEqual(['expression-too-long']);
        }
    });
    test('more not and parentheses than the limit in one statement: expression-too-long', async () => {
        const text = condition('not '.repeat(LIMITS.prefixes + 1) + 'wijk = "a"');
        const result = await validate(text);
        expectCode(result, 'expression-too-long', 'error', span(text, 'not', LIMITS.prefixes));
    });
    test('chains at the limit pass every stage: or, and with not, + - * /', async () => {
        await passesEveryStage(condition('not '.repeat(LIMITS.prefixes) + 'wijk = "b" or ' + chain(LIMITS.operators - 1, 'or')));
        await passesEveryStage(condition(chain(LIMITS.operators - 1, 'and') + ' and ' + 'not '.repeat(LIMITS.prefixes) + 'wijk = "b"'));
        await passesEveryStage(arithmetic(chain(LIMITS.operators / 2 - 1, '*', 'a') + ' / ' + chain(LIMITS.operators / 2, '-', 'a')));
    });
    test('the count starts again at each statement, and dates and periods hold no operators', () => {
        const many = Array.from({ length: 5 }, (_, i) => `indicator c${i} { value count from trajecten active at end where ${chain(LIMITS.operators - 1, 'or')} }\n`).join('');
        expect(scanLimits(head + many)).toEqual([]);
        const dates = `${head}target a { baseline 2022 ${Array(600).fill('2026-Q4 <= 5').join(' ')} }\nnote 2024-01-01 "x"\n`;
        expect(scanLimits(dates)).toEqual([]);
        expect(scanLimits('// ' + '('.repeat(100) + '\n/* ' + '+'.repeat(1000) + ' */ "' + '(or '.repeat(100) + '"')).toEqual([]);
    });
});

describe('a parser that throws anyway', () => {
    test('gives parse-failed on the file instead of an exception, and the next parse works', async () => {
        const { Monitor } = createMonitorServices(EmptyFileSystem, {
            parser: {
                LangiumParser: services => {
                    const parser = createLangiumParser(services);
                    const parse = parser.parse.bind(parser);
                    parser.parse = ((input: string) => gatedParse(input, text => {
                        if (text.includes('BOOM')) throw new RangeError('Maximum call stack size exceeded');
                        return parse(text);
                    })) as typeof parser.parse;
                    return parser;
                },
            },
        });
        const check = validationHelper<Model>(Monitor);
        const result = await check(head + '// BOOM\n');
        expectCode(result, 'parse-failed', 'error', { offset: 0, length: 0 }, /Maximum call stack size exceeded/);
        const next = await check(head);
        expect(next.document.parseResult.value.elements.length).toBeGreaterThan(0);
    });
});
