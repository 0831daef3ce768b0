/**
 * The language server never dies and never stops serving the healthy files (issues 15.1 and 16),
 * over real stdio: poisoned files lying in the workspace at start, a poisoned file opened, documents
 * that are no local file (`untitled:`, `vscode-notebook-cell:`, `git:`), and code-action requests
 * with malformed diagnostics.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hoverText, openExample, positionOf as pos, type ExampleSession } from './lsp-client.js';

const HEAD = 'monitor m { grain quarter range 2020-Q1 .. 2021-Q4 }\nindicator a { value count from s }\n';
/** The files of issue 15.1, each of which used to take the server down. */
const POISONED: Record<string, string> = {
    'parens.monitor': `${HEAD}indicator b { value ${'('.repeat(300)}a${')'.repeat(300)} }\n`,
    'plus.monitor': `${HEAD}indicator b { value ${Array(5_000).fill('a').join(' + ')} }\n`,
    'or.monitor': `${HEAD}indicator b { value count from s where ${Array(20_000).fill('x = 1').join(' or ')} }\n`,
    'literal.monitor': `${HEAD}indicator b { title "${'x'.repeat(5_000_000)}" }\n`,
    'random.monitor': Array.from({ length: 1_700_000 }, (_, i) => ['(', 'or', 'a', '+', '"s"', '{', 'not'][(i * 7919) % 7]).join(' '),
};

describe('a poisoned workspace and documents that are no local file', () => {
    let session: ExampleSession;

    beforeAll(async () => {
        // 20 MB of tokens: the server reads only as much as the size limit needs.
        const extra = { ...POISONED, 'huge.monitor': 'indicator x { value a + b }\n'.repeat(700_000) };
        session = await openExample({ extra });
    });
    afterAll(async () => session?.close());

    test('with the poisoned files in the workspace at start, hover on a healthy file answers', async () => {
        const { client, uri, text } = session;
        expect(await hoverText(client, uri, pos(text, 'indicator verblijf', 10))).toContain('Definition:');
        expect(client.process.exitCode).toBeNull();
    });

    test('opening each poisoned file gives its diagnostic, and the server keeps serving', async () => {
        const { client, uri, text, dir } = session;
        const expected: Record<string, string> = {
            'parens.monitor': 'too-deeply-nested', 'plus.monitor': 'expression-too-long', 'or.monitor': 'expression-too-long',
            'literal.monitor': 'file-too-large', 'random.monitor': 'file-too-large',
        };
        for (const [name, code] of Object.entries(expected)) {
            const poisoned = client.open(path.join(dir, name), POISONED[name]);
            const diagnostics = await client.waitForDiagnostics(poisoned, d => d.some(x => x.code === code));
            expect(diagnostics.find(x => x.code === code)?.severity).toBe(1);
            // Requests on the poisoned file itself answer too.
            await client.request('textDocument/hover', { textDocument: { uri: poisoned }, position: { line: 2, character: 30 } });
            await client.request('textDocument/completion', { textDocument: { uri: poisoned }, position: { line: 2, character: 30 } });
            await client.request('textDocument/formatting', { textDocument: { uri: poisoned }, options: { tabSize: 4, insertSpaces: true } });
            await client.request('textDocument/semanticTokens/full', { textDocument: { uri: poisoned } });
        }
        expect(await hoverText(client, uri, pos(text, 'indicator verblijf', 10))).toContain('Definition:');
        expect(client.process.exitCode).toBeNull();
    }, 300_000);
});

describe('documents that are no local file, and malformed requests', () => {
    let session: ExampleSession;

    beforeAll(async () => { session = await openExample(); });
    afterAll(async () => session?.close());

    test('untitled:, notebook-cell and git: documents get syntax and reference checks, and the server stays up', async () => {
        const { client, uri, text } = session;
        const others = ['untitled:Untitled-1', 'vscode-notebook-cell:/work/nb.ipynb#W0sZmlsZQ%3D%3D', 'git:/repo/jeugd.monitor?%7B%22ref%22%3A%22HEAD%22%7D'];
        const broken = text.replace('value count distinct client_id from trajecten', 'value count distinct client_id from trajectn');
        for (const other of others) {
            void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'monitor', version: 1, text: broken } });
            const diagnostics = await client.waitForDiagnostics(other, d => d.some(x => x.code === 'unknown-source'));
            expect(diagnostics.map(d => d.code)).not.toContain('analysis-failed');
        }
        // Longer than the data stage's debounce: the timer that used to end the process has run.
        await new Promise(r => setTimeout(r, 1500));
        const hover = await hoverText(client, uri, pos(text, 'indicator verblijf', 10));
        expect(hover, hover).toContain('Definition:');
        const completion = await client.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: pos(text, 'desired down', 8) });
        expect(completion.items.length).toBeGreaterThan(0);
        for (const other of others) {
            expect(await hoverText(client, other, pos(text, 'indicator verblijf', 10))).toContain('Jeugdigen met jeugdhulp met verblijf');
            expect(await client.request('monitor/program', { uri: other })).toMatchObject({ program: null, dataFiles: [] });
            expect(await client.request('monitor/rows', { uri: other })).toMatchObject({ rows: null, problems: [] });
        }
        expect(client.process.exitCode).toBeNull();
        expect(client.stderr()).not.toMatch(/ERR_INVALID_URL_SCHEME|must be of scheme file/);
    });

    test('after an untitled document is closed, edits of another file are built and monitor/program answers', async () => {
        const { client, uri, text, file } = session;
        const untitled = 'untitled:Untitled-7';
        void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'monitor', version: 1, text: 'monitor name {\n    grain quarter\n}\n' } });
        await client.waitForDiagnostics(untitled, () => true);
        void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: untitled } });
        const edited = text.replace('2026-Q4 -15%', '2026-Q4 -40%');
        client.change(file, edited, 50);
        // It used to hang: every build after the close threw (no language for an URI without an extension).
        // A hang guard inside the test's 300 s, not a deadline: on a busy machine a build may take long.
        let timer: NodeJS.Timeout | undefined;
        const answer = await Promise.race([
            client.request<{ program: { indicators: { name: string; target?: { points: { value?: number }[] } }[] } | null }>('monitor/program', { uri }),
            new Promise<'hung'>(resolve => { timer = setTimeout(() => resolve('hung'), 240_000); }),
        ]).finally(() => clearTimeout(timer));
        expect(answer).not.toBe('hung');
        const verblijf = answer !== 'hung' ? answer.program?.indicators.find(i => i.name === 'verblijf') : undefined;
        expect(verblijf?.target?.points.map(p => p.value)).toContain(-40);
        expect(client.stderr()).not.toMatch(/contains no services/);
        client.change(file, text, 51);
    });

    test('a code action request with malformed diagnostics answers with an empty list', async () => {
        const { client, uri } = session;
        const start = { line: 0, character: 0 };
        const range = { start, end: start };
        const malformed: unknown[] = [
            [{}], [null, 7, 'text'], [{ range: null, message: 'x' }], [{ range: { start: { line: 'a' } }, message: 'x' }],
            [{ range, message: 'x', code: 5, data: 'unknown-column' }], [{ range, message: 'x', data: { code: 7, suggestion: 3 } }],
            [{ range, message: 'x', code: 'no-such-code', data: { code: 'unknown-source', suggestion: { no: 1 } } }],
        ];
        for (const diagnostics of malformed) {
            const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
            expect(actions, JSON.stringify(diagnostics)).toEqual([]);
        }
        expect(await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: 'none' } })).toEqual([]);
        expect(await client.request('textDocument/codeAction', { textDocument: { uri }, range: null, context: {} })).toEqual([]);
        expect(client.process.exitCode).toBeNull();
    });
});
