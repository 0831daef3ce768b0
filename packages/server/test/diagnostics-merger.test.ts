import { describe, expect, test } from 'vitest';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsMerger } from '../src/diagnostics-merger.js';

const at = (line: number, code: string): Diagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 4 } }, code, message: code });

function merger(): { sent: PublishDiagnosticsParams[]; m: DiagnosticsMerger } {
    const sent: PublishDiagnosticsParams[] = [];
    return { sent, m: new DiagnosticsMerger(p => sent.push(p)) };
}

describe('DiagnosticsMerger', () => {
    test('data findings are published together with the language findings of the same document', () => {
        const { sent, m } = merger();
        m.fromLanguage({ uri: 'a', version: 3, diagnostics: [at(1, 'unknown-column')] });
        m.fromData('a', new Map([['a', [at(5, 'data-missing-column')]]]));
        expect(sent.at(-1)).toEqual({ uri: 'a', version: 3, diagnostics: [at(1, 'unknown-column'), at(5, 'data-missing-column')] });
    });

    test('a syntax error gets its code from its data, so editors can show it', () => {
        const { sent, m } = merger();
        m.fromLanguage({ uri: 'a', diagnostics: [{ ...at(1, 'x'), code: undefined, data: { code: 'parsing-error' } }] });
        expect(sent.at(-1)?.diagnostics[0].code).toBe('parsing-error');
    });

    test('a new language list keeps the data findings', () => {
        const { sent, m } = merger();
        m.fromData('a', new Map([['a', [at(5, 'data-missing-column')]]]));
        m.fromLanguage({ uri: 'a', version: 4, diagnostics: [] });
        expect(sent.at(-1)?.diagnostics.map(d => d.code)).toEqual(['data-missing-column']);
    });

    test('findings in an imported file reach that file once, even when two documents report them', () => {
        const { sent, m } = merger();
        m.fromData('a', new Map([['lib', [at(2, 'data-file-missing')]]]));
        m.fromData('b', new Map([['lib', [at(2, 'data-file-missing')]]]));
        expect(sent.filter(p => p.uri === 'lib').at(-1)?.diagnostics).toHaveLength(1);
    });

    test('an unchanged data list is not published again', () => {
        const { sent, m } = merger();
        m.fromData('a', new Map([['a', [at(5, 'data-empty')]]]));
        const count = sent.length;
        m.fromData('a', new Map([['a', [at(5, 'data-empty')]]]));
        expect(sent.length).toBe(count);
    });

    test('forgetting a closed document clears what it contributed', () => {
        const { sent, m } = merger();
        m.fromData('a', new Map([['lib', [at(2, 'data-empty')]]]));
        m.forget('a');
        expect(sent.at(-1)).toMatchObject({ uri: 'lib', diagnostics: [] });
    });
});
