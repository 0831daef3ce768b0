/**
 * The language server over real LSP stdio: the built server process, a temp copy of examples/jeugd,
 * and JSON-RPC requests as an editor sends them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    applyEdits, copyExample as copy, eventually, hoverText, openExample, positionOf as pos, startLspClient, type LspClient, type WireTextEdit,
} from './lsp-client.js';

const EXTRA = 'import "jeugd.monitor"\n\nnote 2024-01-01 "Extra verhaal" on verblijf\n';

/** A copy of examples/jeugd with a file that imports it. */
function copyExample(): string {
    return copy('jeugd', { 'extra.monitor': EXTRA });
}

describe('language server over stdio (trusted workspace)', () => {
    let dir: string;
    let client: LspClient;
    let file: string;
    let text: string;
    let uri: string;

    let close: () => Promise<void>;

    beforeAll(async () => {
        ({ dir, file, text, uri, client, close } = await openExample({ extra: { 'extra.monitor': EXTRA } }));
    });
    afterAll(async () => close?.());

    test('hover on an indicator shows its definition, target, latest value and status', async () => {
        const value = await eventually(() => hoverText(client, uri, pos(text, 'indicator verblijf', 10)), /latest: \d/);
        expect(value).toContain('Definition: Counts distinct client_id in trajecten active on the last day of each quarter where '
            + '`voorziening in ("verblijf", "pleegzorg")`, per 1,000 of the sum of aantal in jongeren at the latest reference date in each quarter, by wijk.');
        expect(value).toContain('Target: 2026-Q4 -15% vs 2022, tolerance 5%');
        expect(value).toMatch(/latest: [\d.,]+ per 1\.000 jongeren \(\d{4}-Q\d\) · (on track|within tolerance|off track)/);
    });

    test('code lenses above each indicator show the latest value and a Preview command', async () => {
        const read = async () => JSON.stringify(await client.request('textDocument/codeLens', { textDocument: { uri } }));
        const lenses = JSON.parse(await eventually(read, /latest: \d/)) as { command: { title: string; command: string; arguments?: unknown[] } }[];
        const titles = lenses.map(l => l.command.title);
        expect(titles.filter(t => t === 'Preview')).toHaveLength(6);
        expect(titles.some(t => /^latest: [\d.,]+ per 1\.000 jongeren/.test(t))).toBe(true);
        expect(lenses.find(l => l.command.title === 'Preview')?.command).toMatchObject({ command: 'monitor.openPreview', arguments: [uri, 'verblijf'] });
    });

    test('completion inside columns offers an undeclared column of the real CSV with its type', async () => {
        const edited = text.replace(/\n\s*productcategorie\s+text[^\n]*/, '\n        ');
        client.change(file, edited, 2);
        const position = pos(edited, 'client_id        text', 0);
        const list = await client.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', {
            textDocument: { uri }, position: { line: position.line + 1, character: 8 },
        });
        expect(list.items.find(i => i.label === 'productcategorie')?.detail).toBe('integer');
        expect(list.items.some(i => i.label === 'client_id')).toBe(false);
        client.change(file, text, 3);
    });

    test('completion of a column reference shows its declared type', async () => {
        const position = pos(text, 'where voorziening in', 6);
        const list = await client.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', { textDocument: { uri }, position });
        expect(list.items.find(i => i.label === 'voorziening')?.detail).toBe('text · trajecten');
    });

    test('a misspelt column gets unknown-column at the word, and a did-you-mean quick fix', async () => {
        const broken = text.replace('where voorziening = "verblijf"', 'where voorzienin = "verblijf"');
        client.change(file, broken, 4);
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'unknown-column'));
        const d = diagnostics.find(x => x.code === 'unknown-column')!;
        expect(d.range.start).toEqual(pos(broken, 'voorzienin = "verblijf"'));
        expect(d.range.end.character - d.range.start.character).toBe('voorzienin'.length);
        const actions = await client.request<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
            textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
        });
        const fix = actions.find(a => a.title === "Change to 'voorziening'");
        expect(fix?.edit.changes[uri]).toEqual([{ range: d.range, newText: 'voorziening' }]);
        client.change(file, text, 5);
        await client.waitForDiagnostics(uri, ds => !ds.some(x => x.code === 'unknown-column'));
    });

    test('a declared column missing from the data file gets data-missing-column from the data stage', async () => {
        const broken = text.replace('        status           text', '        status           text\n        leeftijd         integer');
        client.change(file, broken, 6);
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'data-missing-column'));
        const d = diagnostics.find(x => x.code === 'data-missing-column')!;
        expect(d.range.start.line).toBe(pos(broken, 'leeftijd').line);
        client.change(file, text, 7);
        await client.waitForDiagnostics(uri, ds => !ds.some(x => x.code === 'data-missing-column'));
    });

    test('a data file changed on disk re-runs the data stage', async () => {
        const csv = path.join(dir, 'data/bevolking_0_17.csv');
        const original = fs.readFileSync(csv, 'utf8');
        fs.writeFileSync(csv, original.replace('peildatum,wijk,aantal', 'peildatum,wijk,inwoners'));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).toString(), type: 2 }] });
        const d = await client.waitForDiagnostics(uri, ds => ds.some(x => x.code === 'data-missing-column'));
        expect(d.find(x => x.code === 'data-missing-column')?.range.start.line).toBe(pos(text, 'aantal    integer').line);
        fs.writeFileSync(csv, original);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).toString(), type: 2 }] });
        await client.waitForDiagnostics(uri, ds => !ds.some(x => x.code === 'data-missing-column'));
    });

    test('a declared column the file spells differently gets a quick fix that renames it and its uses', async () => {
        const csv = path.join(dir, 'data/bevolking_0_17.csv');
        const original = fs.readFileSync(csv, 'utf8');
        fs.writeFileSync(csv, original.replace('peildatum,wijk,aantal', 'peildatum,wijk,antal'));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).toString(), type: 2 }] });
        const diagnostics = await client.waitForDiagnostics(uri, ds => ds.some(x => x.code === 'data-missing-column'));
        const d = diagnostics.find(x => x.code === 'data-missing-column')!;
        const actions = await client.request<{ title: string; edit: { changes: Record<string, { range: { start: unknown }; newText: string }[]> } }[]>('textDocument/codeAction', {
            textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
        });
        const fix = actions.find(a => a.title === "Change to 'antal'");
        // The declaration and both `sum aantal` uses.
        expect(fix?.edit.changes[uri].map(e => e.range.start)).toEqual(expect.arrayContaining([
            pos(text, 'aantal    integer'), pos(text, 'aantal from jongeren', 0, 0), pos(text, 'aantal from jongeren', 0, 1),
        ]));
        expect(fix?.edit.changes[uri].every(e => e.newText === 'antal')).toBe(true);
        fs.writeFileSync(csv, original);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).toString(), type: 2 }] });
        await client.waitForDiagnostics(uri, d => !d.some(x => x.code === 'data-missing-column'));
    });

    test('a column the file has but the source does not declare gets a declare-column quick fix', async () => {
        const broken = text.replace(/\n\s*productcategorie\s+text[^\n]*/, '')
            .replace('where voorziening = "verblijf"', 'where productcategorie = "43"');
        client.change(file, broken, 8);
        const diagnostics = await client.waitForDiagnostics(uri, ds => ds.some(x => x.code === 'unknown-column'));
        const d = diagnostics.find(x => x.code === 'unknown-column')!;
        const actions = await client.request<{ title: string; edit: { changes: Record<string, { range: { start: unknown }; newText: string }[]> } }[]>('textDocument/codeAction', {
            textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
        });
        const fix = actions.find(a => a.title === "Declare column 'productcategorie' (integer) in source 'trajecten'");
        const end = pos(broken, '"definitief" of "voorlopig"', '"definitief" of "voorlopig"'.length);
        expect(fix?.edit.changes[uri]).toEqual([{ range: { start: end, end }, newText: '\n        productcategorie integer' }]);
        client.change(file, text, 9);
        await client.waitForDiagnostics(uri, ds => !ds.some(x => x.code === 'unknown-column'));
    });

    test('go to definition of a source name leads to its declaration', async () => {
        const locations = await client.request<{ uri?: string; targetUri?: string; range?: { start: unknown }; targetSelectionRange?: { start: unknown } }[]>('textDocument/definition', {
            textDocument: { uri }, position: pos(text, 'from jongeren', 6),
        });
        const first = locations[0];
        expect(first.targetUri ?? first.uri).toBe(uri);
        expect(first.targetSelectionRange?.start ?? first.range?.start).toEqual(pos(text, 'jongeren from', 0));
    });

    test('references of an indicator include its use in an importing file', async () => {
        const refs = await client.request<{ uri: string }[]>('textDocument/references', {
            textDocument: { uri }, position: pos(text, 'indicator verblijf', 10), context: { includeDeclaration: false },
        });
        const extraUri = pathToFileURL(path.join(dir, 'extra.monitor')).toString();
        expect(refs.map(r => r.uri)).toContain(extraUri);
        expect(refs.filter(r => r.uri === uri).length).toBeGreaterThanOrEqual(2); // target and note
    });

    test('rename of an indicator edits the importing file too', async () => {
        const edit = await client.request<{ changes?: Record<string, { newText: string }[]> }>('textDocument/rename', {
            textDocument: { uri }, position: pos(text, 'indicator verblijf', 10), newName: 'met_verblijf',
        });
        const extraUri = pathToFileURL(path.join(dir, 'extra.monitor')).toString();
        expect(edit.changes?.[extraUri]?.map(e => e.newText)).toEqual(['met_verblijf']);
        expect(edit.changes?.[uri]?.every(e => e.newText === 'met_verblijf')).toBe(true);
        expect(edit.changes?.[uri]?.length).toBeGreaterThanOrEqual(3);
    });

    test('document symbols list sources, dimensions and indicators', async () => {
        const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const names = symbols.map(s => s.name);
        expect(names).toEqual(expect.arrayContaining(['jeugd', 'trajecten', 'jongeren', 'wijk', 'verblijf', 'netto_instroom']));
    });

    test('workspace symbols find an indicator by name', async () => {
        const symbols = await client.request<{ name: string }[]>('workspace/symbol', { query: 'uitstroom' });
        expect(symbols.map(s => s.name)).toContain('uitstroom_verblijf');
    });

    test('folding ranges and semantic tokens are answered', async () => {
        const folds = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
        expect(folds.length).toBeGreaterThan(5);
        const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
        expect(tokens.data.length % 5).toBe(0);
        expect(tokens.data.length).toBeGreaterThan(50);
    });

    test('an indicator without a target gets a target-skeleton quick fix', async () => {
        const at = pos(text, 'indicator instroom_verblijf', 12);
        const actions = await client.request<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
            textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] },
        });
        const fix = actions.find(a => a.title === "Create a target for 'instroom_verblijf'");
        expect(fix?.edit.changes[uri][0].newText).toContain('target instroom_verblijf {\n    baseline 2019\n    2026-Q4 -10%\n    tolerance 5%\n}');
    });

    // The formatter is another package's work (monitor-formatter.ts); once registered, the server serves it.
    const hasFormatter = fs.readFileSync(path.resolve(import.meta.dirname, '../packages/language/src/monitor-module.ts'), 'utf8').includes('Formatter');
    test.skipIf(!hasFormatter)('formatting lays out a messy document, and formatting that again changes nothing', async () => {
        const messy = text.replace('    desired down\n    by wijk', '  desired   down\n        by wijk');
        const options = { tabSize: 4, insertSpaces: true };
        client.change(file, messy, 20);
        const edits = await client.request<WireTextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
        const formatted = applyEdits(messy, edits);
        expect(formatted).not.toBe(messy);
        expect(formatted).toContain('    desired down\n    by wijk');
        client.change(file, formatted, 21);
        expect(await client.request<WireTextEdit[]>('textDocument/formatting', { textDocument: { uri }, options })).toEqual([]);
        client.change(file, text, 22);
    });

    test('a header with an accent is suggested between backticks, and the fixed file parses (issue 13, failure 5)', async () => {
        const csv = path.join(dir, 'data/bevolking_0_17.csv');
        const original = fs.readFileSync(csv, 'utf8');
        fs.writeFileSync(csv, original.replace('peildatum,wijk,aantal', 'peildatum,wijk,aantalë'));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).toString(), type: 2 }] });
        const diagnostics = await client.waitForDiagnostics(uri, ds => ds.some(x => x.code === 'data-missing-column'));
        const d = diagnostics.find(x => x.code === 'data-missing-column')!;
        // Completion inside `columns { }` offers the header between backticks too.
        const block = pos(text, 'aantal    integer');
        const list = await client.request<{ items: { label: string; insertText?: string }[] }>('textDocument/completion', {
            textDocument: { uri }, position: { line: block.line, character: 0 },
        });
        expect(list.items.find(i => i.label === 'aantalë')?.insertText).toBe('`aantalë` integer');
        const actions = await client.request<{ title: string; edit: { changes: Record<string, WireTextEdit[]> } }[]>('textDocument/codeAction', {
            textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
        });
        const fix = actions.find(a => a.title === "Change to '`aantalë`'");
        expect(fix?.edit.changes[uri].every(e => e.newText === '`aantalë`')).toBe(true);
        const fixed = applyEdits(text, fix!.edit.changes[uri]);
        client.change(file, fixed, 30);
        // No lexing error, no unknown column, and the data stage finds the column.
        await client.waitForDiagnostics(uri, ds => ds.every(x => x.severity !== 1));
        // Hover on a use shows the declaration as written, between backticks.
        expect(await hoverText(client, uri, pos(fixed, '`aantalë` from jongeren', 2))).toContain('`` jongeren.`aantalë` integer ``');
        fs.writeFileSync(csv, original);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).toString(), type: 2 }] });
        client.change(file, text, 31);
        await client.waitForDiagnostics(uri, ds => ds.every(x => x.severity !== 1));
    });

    test('a source name between backticks is one backtick-name error with a quick fix to the plain name', async () => {
        const broken = text.replace('source trajecten from', 'source `trajecten` from');
        client.change(file, broken, 40);
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'backtick-name'));
        // One mistake, one error: the uses of trajecten still resolve.
        expect(diagnostics.filter(x => x.severity === 1).map(x => x.code)).toEqual(['backtick-name']);
        const d = diagnostics.find(x => x.code === 'backtick-name')!;
        expect(d.range.start).toEqual(pos(broken, '`trajecten` from'));
        const actions = await client.request<{ title: string; edit: { changes: Record<string, WireTextEdit[]> } }[]>('textDocument/codeAction', {
            textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
        });
        const fix = actions.find(a => a.title === "Change to 'trajecten'");
        expect(applyEdits(broken, fix?.edit.changes[uri] ?? [])).toBe(text);
        client.change(file, text, 41);
        await client.waitForDiagnostics(uri, ds => !ds.some(x => x.code === 'backtick-name'));
    });

    test('monitor/program answers the program and the confined data files', async () => {
        const result = await client.request<{ program: { indicators: { name: string }[] } | null; errors: number; dataFiles: { source: string; path: string }[] }>('monitor/program', { uri });
        expect(result.errors).toBe(0);
        expect(result.program?.indicators.map(i => i.name)).toContain('verblijf');
        expect(result.dataFiles).toEqual([
            { source: 'trajecten', path: path.join(dir, 'data/jeugdhulp_trajecten.csv') },
            { source: 'jongeren', path: path.join(dir, 'data/bevolking_0_17.csv') },
        ]);
    });

    test('the showSql and exportRows commands answer SQL and CSV text', async () => {
        const sql = await client.request<string>('workspace/executeCommand', { command: 'monitor.server.showSql', arguments: [uri, 'verblijf'] });
        expect(sql).toMatch(/^-- indicator verblijf/);
        const csv = await client.request<string>('workspace/executeCommand', { command: 'monitor.server.exportRows', arguments: [uri] });
        expect(csv.split('\n')[0]).toBe('indicator,series,period,wijk,wijk_label,value,numerator,denominator,target,status,suppressed,provisional');
        expect(csv).toMatch(/\nverblijf,actual,2024-Q1,,,\d/);
    });
});

describe('language server over stdio (untrusted workspace)', () => {
    test('reads no data file and computes nothing, but still reports syntax and reference errors', async () => {
        const dir = copyExample();
        const file = path.join(dir, 'jeugd.monitor');
        // A column the file lacks: only the data stage would notice it.
        const text = fs.readFileSync(file, 'utf8').replace('        status           text', '        status           text\n        leeftijd         integer');
        const client = await startLspClient({ root: dir, trusted: false, locale: 'nl' });
        try {
            const uri = client.open(file, text);
            await client.waitForDiagnostics(uri, () => true);
            await new Promise(r => setTimeout(r, 1500)); // past the data stage's debounce
            expect(client.diagnostics.get(uri)?.map(d => d.code)).toEqual([]);
            const hover = await hoverText(client, uri, pos(text, 'indicator residentieel', 10));
            expect(hover).toContain('laatst: niet berekend: de werkmap is niet vertrouwd');
            const program = await client.request<{ program: unknown; errors: number; dataFiles: unknown[] }>('monitor/program', { uri });
            expect(program).toMatchObject({ errors: 0, dataFiles: [] });
            expect(program.program).not.toBeNull();
            // Inside `columns { … }`: no names from the data file's header.
            const edited = text.replace(/\n\s*productcategorie\s+text[^\n]*/, '\n        ');
            client.change(file, edited, 2);
            const at = pos(edited, 'client_id        text', 0);
            const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', {
                textDocument: { uri }, position: { line: at.line + 1, character: 8 },
            });
            expect(list.items.some(i => i.label === 'productcategorie')).toBe(false);
            const broken = text.replace('from jongeren', 'from jongren');
            client.change(file, broken, 3);
            const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'unknown-source'));
            expect(diagnostics.find(d => d.code === 'unknown-source')?.message).toContain("Er is geen bron met de naam 'jongren'");
        } finally {
            await client.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('monitor lsp', () => {
    test('the CLI subcommand serves the same language server on stdio', async () => {
        const dir = copyExample();
        const cli = path.resolve(import.meta.dirname, '../packages/cli/bin/monitor.js');
        const client = await startLspClient({ root: dir, command: [process.execPath, cli, 'lsp'] });
        try {
            const file = path.join(dir, 'jeugd.monitor');
            const broken = fs.readFileSync(file, 'utf8').replace('desired down', 'desired sideways');
            const uri = client.open(file, broken);
            const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.severity === 1));
            expect(diagnostics[0]).toMatchObject({ code: 'parsing-error', range: { start: pos(broken, 'sideways') } });
            const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
            expect(symbols.map(s => s.name)).toContain('verblijf');
        } finally {
            await client.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
