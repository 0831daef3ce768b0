import { describe, expect, test } from 'vitest';
import { isHostMessage, isRowsResult, isWebviewMessage, PROGRAM_REQUEST_METHOD, ProgramRequest, RowsRequest } from '@monitor/protocol';

describe('messages from the webview', () => {
    test('a reveal of an indicator name is accepted', () => {
        expect(isWebviewMessage({ type: 'reveal', indicator: 'verblijf' })).toBe(true);
    });

    test('a reveal that smuggles a path instead of a name is refused', () => {
        expect(isWebviewMessage({ type: 'reveal', indicator: '../../etc/passwd' })).toBe(false);
    });

    test('an export with an unknown format is refused', () => {
        expect(isWebviewMessage({ type: 'export', indicator: 'verblijf', format: 'exe', content: 'x' })).toBe(false);
    });

    test('a PNG export must be base64', () => {
        expect(isWebviewMessage({ type: 'export', indicator: 'v', format: 'png', content: 'iVBORw0KGgo=' })).toBe(true);
        expect(isWebviewMessage({ type: 'export', indicator: 'v', format: 'png', content: '<svg/>' })).toBe(false);
    });

    test('extra fields are refused', () => {
        expect(isWebviewMessage({ type: 'ready', command: 'rm -rf' })).toBe(false);
    });

    test('unknown types and non-objects are refused', () => {
        for (const bad of [null, 'ready', 42, [], { type: 'openFile', path: '/x' }]) expect(isWebviewMessage(bad)).toBe(false);
    });

    test('a rendered report needs non-negative counts', () => {
        expect(isWebviewMessage({ type: 'rendered', indicators: 6, rows: 100, millis: 12.5 })).toBe(true);
        expect(isWebviewMessage({ type: 'rendered', indicators: -1, rows: 100, millis: 1 })).toBe(false);
    });
});

describe('messages from the host', () => {
    const update = { type: 'update', uri: 'file:///a.monitor', lang: 'nl', program: null, problem: { message: 'x', line: 1, column: 2 }, files: [{ source: 's', bytes: new Uint8Array([1]) }], unreadable: [] };

    test('an update with bytes is accepted', () => {
        expect(isHostMessage(update)).toBe(true);
    });

    test('an update whose file bytes are not a Uint8Array is refused', () => {
        expect(isHostMessage({ ...update, files: [{ source: 's', bytes: [1, 2] }] })).toBe(false);
    });

    test('the Vega editor flag is a boolean when present', () => {
        expect(isHostMessage({ ...update, vegaEditor: true })).toBe(true);
        expect(isHostMessage({ ...update, vegaEditor: 'yes' })).toBe(false);
    });

    test('a scroll message names one indicator and nothing else', () => {
        expect(isHostMessage({ type: 'scroll', indicator: 'verblijf' })).toBe(true);
        expect(isHostMessage({ type: 'scroll', indicator: 'a b' })).toBe(false);
        expect(isHostMessage({ type: 'scroll', indicator: 'verblijf', extra: 1 })).toBe(false);
    });
});

test('the program request has the agreed method name', () => {
    expect(ProgramRequest.method).toBe('monitor/program');
    expect(PROGRAM_REQUEST_METHOD).toBe('monitor/program');
});

describe('rows computed by the language server (monitor/rows)', () => {
    const row = { indicator: 'actief', series: 'actual', period: '2024-Q4', dimensions: { wijk: 'noord' }, value: 10, numerator: 10, denominator: null, target: 12, status: 'on-track', suppressed: false, provisional: null };
    const problem = { code: 'data-pg-unreachable', severity: 'error', message: 'The PostgreSQL server could not be reached.', line: 21, column: 5 };
    const answer = { program: null, engine: 'postgres', rows: [row], problems: [problem] };

    test('an answer with published rows and problems is accepted', () => {
        expect(RowsRequest.method).toBe('monitor/rows');
        expect(isRowsResult(answer)).toBe(true);
        expect(isRowsResult({ ...answer, rows: null, engine: null })).toBe(true);
    });

    test('a row that still carries an internal field of disclosure control is refused', () => {
        for (const internal of ['units', 'top', 'numeratorKey', 'denominatorKey']) {
            expect(isRowsResult({ ...answer, rows: [{ ...row, [internal]: 3 }] }), internal).toBe(false);
        }
    });

    test('an unknown engine, status or a problem without a line is refused', () => {
        expect(isRowsResult({ ...answer, engine: 'duckdb' })).toBe(false);
        expect(isRowsResult({ ...answer, rows: [{ ...row, status: 'great' }] })).toBe(false);
        expect(isRowsResult({ ...answer, problems: [{ ...problem, line: undefined }] })).toBe(false);
    });

    test('an update carries the server rows only in their checked shape', () => {
        const update = { type: 'update', uri: 'file:///a.monitor', lang: 'en', program: null, problem: null, files: [], unreadable: [] };
        expect(isHostMessage({ ...update, server: { engine: 'postgres', rows: [row], problems: [] } })).toBe(true);
        expect(isHostMessage({ ...update, server: { engine: 'postgres', rows: [{ ...row, units: 2 }], problems: [] } })).toBe(false);
        expect(isHostMessage({ ...update, server: { engine: 'postgres', rows: null, problems: [], sql: 'SELECT 1' } })).toBe(false);
    });
});
