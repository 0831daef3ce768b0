/**
 * The language server survives any text: generated and mutated documents (the fuzz generators) are
 * sent over real stdio, each followed by the editor's usual requests at random positions. No request
 * may answer with an internal error, and the process stays alive.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc/node';
import { coherentFile } from './fuzz/coherent-monitor.js';
import { monitorFile, mutated } from './fuzz/monitor-text.js';
import { startLspClient, type LspClient } from './lsp-client.js';

const RUNS = Number(process.env.MONITOR_LSP_FUZZ_RUNS ?? 300);
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
        const internal: string[] = [];
        let answered = 0;
        let asked = 0;
        const ask = async (method: string, params: unknown) => {
            asked++;
            try {
                await client.request(method, params);
                answered++;
            } catch (error) {
                if (error instanceof ResponseError && error.code !== ErrorCodes.InternalError) return;
                internal.push(`${method}: ${(error as Error).message}`);
            }
        };
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
            ]);
            if (seed % 7 === 0) await ask('textDocument/rename', { ...at, newName: 'hernoemd' });
            return internal.length === 0 && client.process.exitCode === null;
        }), { numRuns: RUNS });
        expect(internal).toEqual([]);
        // Cancelled or refused requests do not count: the property is only worth something if most were answered.
        expect(answered).toBeGreaterThan(asked * 0.9);
        expect(client.process.exitCode).toBeNull();
        // Still answering after all of it.
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        expect(Array.isArray(symbols)).toBe(true);
    }, 600_000);
});
