/**
 * The language server survives any text: generated and mutated documents (the fuzz generators) are
 * sent over real stdio, each followed by the editor's usual requests at random positions; and random
 * edits with random requests run on every example, opened both as its file and under `untitled:`,
 * `vscode-notebook-cell:` and `git:` URIs (issue 16). No request may answer with an internal error,
 * and the process stays alive. `MONITOR_LSP_FUZZ_RUNS` and `MONITOR_LSP_STEPS` set the sizes
 * (`npm run fuzz` runs more).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc/node';
import { coherentFile } from './fuzz/coherent-monitor.js';
import { monitorFile, mutated } from './fuzz/monitor-text.js';
import { applyEdits, startLspClient, type LspClient, type WireTextEdit } from './lsp-client.js';

const RUNS = Number(process.env.MONITOR_LSP_FUZZ_RUNS ?? 300);
const STEPS = Number(process.env.MONITOR_LSP_STEPS ?? 2_000);
const EXAMPLES = path.resolve(import.meta.dirname, '../examples');
/** How long a request may stay unanswered (generous: the machine may be busy; no timing is asserted). */
const ANSWER_MS = 120_000;
/** A random seed each run (a failure prints it); MONITOR_LSP_SEED and MONITOR_LSP_PATH replay a failure. */
const REPLAY = process.env.MONITOR_LSP_SEED ? { seed: Number(process.env.MONITOR_LSP_SEED), ...(process.env.MONITOR_LSP_PATH ? { path: process.env.MONITOR_LSP_PATH } : {}) } : {};
const EXAMPLE = fs.readFileSync(path.resolve(import.meta.dirname, '../examples/jeugd/jeugd.monitor'), 'utf8');

/** The example with random cuts and insertions: near-misses of a real monitor. */
const mutatedExample = fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.string({ maxLength: 8 }))
    .map(([at, cut, insert]) => { const i = at % (EXAMPLE.length + 1); return EXAMPLE.slice(0, i) + insert + EXAMPLE.slice(i + cut); });

const documents = fc.oneof(coherentFile, monitorFile, mutated(fc.oneof(coherentFile, monitorFile)), mutatedExample);

function positionIn(text: string, seed: number): { line: number; character: number } {
    const lines = text.split('\n');
    const line = seed % lines.length;
    return { line, character: (seed >> 8) % (lines[line].length + 1) };
}

/** Collects requests that fail with an internal error (a refused or cancelled request is fine). */
function asker(client: LspClient) {
    const internal: string[] = [];
    let answered = 0;
    let asked = 0;
    const ask = async <R = unknown>(method: string, params: unknown): Promise<R | undefined> => {
        asked++;
        let timer: NodeJS.Timeout | undefined;
        try {
            // A request that never answers is a failure too (and must not hang the test).
            const silence = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer after ${ANSWER_MS / 1000} s`)), ANSWER_MS); });
            const result = await Promise.race([client.request<R>(method, params), silence]);
            answered++;
            return result;
        } catch (error) {
            if (!(error instanceof ResponseError && error.code !== ErrorCodes.InternalError)) internal.push(`${method} ${JSON.stringify(params).slice(0, 200)}: ${(error as Error).message}`);
            return undefined;
        } finally {
            clearTimeout(timer);
        }
    };
    return { ask, internal, counts: () => ({ asked, answered }) };
}

describe('language server under generated and mutated documents', () => {
    let dir: string;
    let client: LspClient;
    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-fuzz-'));
        fs.cpSync(path.resolve(import.meta.dirname, '../examples/jeugd/data'), path.join(dir, 'data'), { recursive: true });
        client = await startLspClient({ root: dir, trusted: true });
    });
    afterAll(async () => {
        await client?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    test(`${RUNS} documents: no request fails with an internal error and the server stays alive`, async () => {
        const file = path.join(dir, 'fuzz.monitor');
        const uri = client.open(file, '');
        let version = 1;
        const { ask, internal, counts } = asker(client);
        await fc.assert(fc.asyncProperty(documents, fc.nat(), async (text, seed) => {
            client.change(file, text, ++version);
            const position = positionIn(text, seed);
            const at = { textDocument: { uri }, position };
            await Promise.all([
                ask('textDocument/completion', at),
                ask('textDocument/hover', at),
                ask('textDocument/definition', at),
                ask('textDocument/references', { ...at, context: { includeDeclaration: true } }),
                ask('textDocument/documentSymbol', { textDocument: { uri } }),
                ask('textDocument/codeLens', { textDocument: { uri } }),
                ask('textDocument/foldingRange', { textDocument: { uri } }),
                ask('textDocument/semanticTokens/full', { textDocument: { uri } }),
                ask('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: client.diagnostics.get(uri) ?? [] } }),
                ask('monitor/program', { uri }),
                ask('monitor/rows', { uri }),
            ]);
            if (seed % 7 === 0) await ask('textDocument/rename', { ...at, newName: 'hernoemd' });
            if (internal.length > 0 || client.process.exitCode !== null) throw new Error(`internal errors: ${internal.join('\n')}; server exit code ${client.process.exitCode}`);
        }), { numRuns: RUNS, ...REPLAY });
        expect(internal).toEqual([]);
        // Cancelled or refused requests do not count: the property is only worth something if most were answered.
        const { asked, answered } = counts();
        expect(answered).toBeGreaterThan(asked * 0.9);
        expect(client.process.exitCode).toBeNull();
        // Still answering after all of it.
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        expect(Array.isArray(symbols)).toBe(true);
    }, 600_000);
});

/** What an editor asks, at a position of a document. */
const METHODS = ['hover', 'completion', 'definition', 'references', 'rename', 'formatting', 'codeAction', 'codeLens',
    'documentSymbol', 'semanticTokens', 'foldingRange', 'program'] as const;
/** Pieces an edit inserts: the language's words and brackets, names of the examples, and anything. */
const PIECES = ['(', ')', '{', '}', '"', 'not ', ' or ', ' and ', ' + ', ' - ', 'where ', 'value ', 'indicator x { ', 'import "jeugd.monitor"\n',
    'verblijf', 'trajecten', 'wijk', '2024-Q1', '2024-01-01', '\n', '// ', '/*', 'per 1000 ', 'by wijk', '\uD800', '\u0000'];
const step = fc.record({
    doc: fc.nat(),
    kind: fc.constantFrom('insert', 'delete', 'replace', 'none'),
    at: fc.nat(),
    cut: fc.nat({ max: 40 }),
    insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 10 })),
    requests: fc.subarray([...METHODS], { minLength: 1, maxLength: 3 }),
    seed: fc.nat(),
});

describe('language server under random edits on every example and on non-file URIs', () => {
    let dir: string;
    let client: LspClient;
    const docs: { uri: string; original: string; text: string; version: number }[] = [];
    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-steps-'));
        client = await startLspClient({ root: dir, trusted: true });
        const examples = fs.readdirSync(EXAMPLES).filter(name => !fs.existsSync(path.join(EXAMPLES, name, '.monitor-skip')))
            .flatMap(name => fs.existsSync(path.join(EXAMPLES, name)) && fs.statSync(path.join(EXAMPLES, name)).isDirectory()
                ? fs.readdirSync(path.join(EXAMPLES, name)).filter(f => f.endsWith('.monitor')).map(f => path.join(name, f)) : []);
        expect(examples.length).toBeGreaterThanOrEqual(5);
        for (const example of examples) {
            const from = path.join(EXAMPLES, path.dirname(example));
            fs.cpSync(from, path.join(dir, path.dirname(example)), { recursive: true, filter: src => !src.includes('golden') });
            const text = fs.readFileSync(path.join(EXAMPLES, example), 'utf8');
            docs.push({ uri: pathToFileURL(path.join(dir, example)).toString(), original: text, text, version: 1 });
        }
        const originals = docs.map(d => d.original);
        ['untitled:Untitled-1', 'vscode-notebook-cell:/ws/analyse.ipynb#W0sZmlsZQ%3D%3D', 'git:/ws/jeugd.monitor?%7B%22ref%22%3A%22HEAD%22%7D']
            .forEach((uri, i) => docs.push({ uri, original: originals[i % originals.length], text: originals[i % originals.length], version: 1 }));
        for (const d of docs) void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'monitor', version: 1, text: d.text } });
    });
    afterAll(async () => {
        await client?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    test(`${STEPS} random edits and requests: every request answers and the server stays alive`, async () => {
        const { ask, internal, counts } = asker(client);
        const send = (d: typeof docs[number], text: string) => {
            d.text = text;
            void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version: ++d.version }, contentChanges: [{ text }] });
        };
        const perRun = 100;
        await fc.assert(fc.asyncProperty(fc.array(step, { minLength: perRun, maxLength: perRun }), async steps => {
            for (const d of docs) if (d.text !== d.original) send(d, d.original);
            for (const s of steps) {
                const d = docs[s.doc % docs.length];
                const i = s.at % (d.text.length + 1);
                if (s.kind === 'insert') send(d, d.text.slice(0, i) + s.insert + d.text.slice(i));
                else if (s.kind === 'delete') send(d, d.text.slice(0, i) + d.text.slice(i + s.cut));
                else if (s.kind === 'replace') send(d, d.text.slice(0, i) + s.insert + d.text.slice(i + s.cut));
                const position = positionIn(d.text, s.seed);
                const at = { textDocument: { uri: d.uri }, position };
                const whole = { textDocument: { uri: d.uri } };
                await Promise.all(s.requests.map(async method => {
                    switch (method) {
                        case 'hover': return ask('textDocument/hover', at);
                        case 'completion': return ask('textDocument/completion', at);
                        case 'definition': return ask('textDocument/definition', at);
                        case 'references': return ask('textDocument/references', { ...at, context: { includeDeclaration: true } });
                        case 'rename': return ask('textDocument/rename', { ...at, newName: 'hernoemd' });
                        case 'formatting': {
                            // Formatting applied as an editor would: the result must again be a text the server takes.
                            const edits = await ask<WireTextEdit[] | null>('textDocument/formatting', { ...whole, options: { tabSize: 4, insertSpaces: true } });
                            if (edits && edits.length > 0 && s.seed % 3 === 0) send(d, applyEdits(d.text, edits));
                            return undefined;
                        }
                        case 'codeAction': return ask('textDocument/codeAction', { ...whole, range: { start: position, end: position }, context: { diagnostics: client.diagnostics.get(d.uri) ?? [] } });
                        case 'codeLens': return ask('textDocument/codeLens', whole);
                        case 'documentSymbol': return ask('textDocument/documentSymbol', whole);
                        case 'semanticTokens': return ask('textDocument/semanticTokens/full', whole);
                        case 'foldingRange': return ask('textDocument/foldingRange', whole);
                        case 'program': return ask('monitor/program', { uri: d.uri });
                    }
                }));
                // Thrown, not `return false`: the failure then says which request failed and how.
                if (internal.length > 0 || client.process.exitCode !== null) throw new Error(`internal errors: ${internal.join('\n')}; server exit code ${client.process.exitCode}`);
            }
            return true;
        }), { numRuns: Math.max(1, Math.ceil(STEPS / perRun)), endOnFailure: true, ...REPLAY });
        expect(internal).toEqual([]);
        expect(client.process.exitCode).toBeNull();
        const { asked, answered } = counts();
        expect(answered).toBeGreaterThan(asked * 0.9);
        // Every document, edited or not, still answers.
        for (const d of docs) expect(Array.isArray(await client.request('textDocument/documentSymbol', { textDocument: { uri: d.uri } }))).toBe(true);
    }, 1_800_000);
});
