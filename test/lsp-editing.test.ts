/**
 * Issue 16 over real LSP stdio: rename refuses a name already taken (English and Dutch), workspace
 * symbols match anywhere in a name, hover on a column or a source says what it is, and semantic
 * tokens never overlap — also when VS Code asks for the full tokens and a range at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES, hoverText, openExample, positionOf as pos, startLspClient, type ExampleSession } from './lsp-client.js';

/** A file that imports jeugd.monitor and declares an indicator of its own. */
const EXTRA = 'import "jeugd.monitor"\n\nindicator eigen_telling { value count from trajecten }\n';

type RenameError = { code: number; message: string };

async function rename(session: ExampleSession, needle: string, shift: number, newName: string): Promise<{ edit?: { changes?: Record<string, unknown[]> }; error?: RenameError }> {
    try {
        const edit = await session.client.request<{ changes?: Record<string, unknown[]> }>('textDocument/rename', {
            textDocument: { uri: session.uri }, position: pos(session.text, needle, shift), newName,
        });
        return { edit };
    } catch (error) {
        return { error: error as RenameError };
    }
}

/** Tokens that start before the previous token on their line ended (what VS Code calls overlapping). */
function overlaps(data: number[], text: string): string[] {
    const lines = text.split('\n');
    const found: string[] = [];
    let line = 0, char = 0, lastLine = -1, lastEnd = -1;
    for (let i = 0; i < data.length; i += 5) {
        if (data[i] > 0) { line += data[i]; char = data[i + 1]; } else char += data[i + 1];
        if (line === lastLine && char < lastEnd) found.push(`line ${line + 1}, character ${char}: ${lines[line]}`);
        lastLine = line;
        lastEnd = char + data[i + 2];
    }
    return found;
}

describe('rename, workspace symbols and hover on names (English)', () => {
    let session: ExampleSession;
    beforeAll(async () => { session = await openExample({ trusted: false, extra: { 'extra.monitor': EXTRA } }); });
    afterAll(async () => session?.close());

    test('rename to a name another declaration of that kind already has is refused with the reason', async () => {
        const indicator = await rename(session, 'indicator verblijf', 10, 'residentieel');
        const line = pos(session.text, 'indicator residentieel').line + 1;
        expect(indicator.error?.message).toBe(`Cannot rename: the name 'residentieel' is already taken by indicator 'residentieel' (jeugd.monitor, line ${line}). Choose another name.`);
        // Taken in a file that imports this one: that file would see both.
        expect((await rename(session, 'indicator verblijf', 10, 'eigen_telling')).error?.message).toContain("indicator 'eigen_telling' (extra.monitor, line 3)");
        // A column: taken within the same source, also from a use of the column.
        const wijk = pos(session.text, 'wijk             text').line + 1;
        expect((await rename(session, 'where voorziening in', 6, 'wijk')).error?.message).toContain(`column 'wijk' (jeugd.monitor, line ${wijk})`);
        expect((await rename(session, 'from jongeren', 5, 'trajecten')).error?.message).toContain("source 'trajecten'");
    });

    test('rename to a free name, or to a name only another kind or another source has, edits', async () => {
        expect((await rename(session, 'indicator verblijf', 10, 'met_verblijf')).edit?.changes?.[session.uri]?.length).toBeGreaterThanOrEqual(3);
        // `aantal` is a column of jongeren, not of trajecten; `jongeren` a source, not an indicator.
        expect((await rename(session, 'where voorziening in', 6, 'aantal')).edit?.changes?.[session.uri]?.length).toBeGreaterThanOrEqual(2);
        expect((await rename(session, 'indicator verblijf', 10, 'jongeren')).error).toBeUndefined();
    });

    test('workspace symbols match anywhere in a name', async () => {
        const names = (await session.client.request<{ name: string }[]>('workspace/symbol', { query: 'stroom' })).map(s => s.name);
        expect(names).toEqual(expect.arrayContaining(['instroom_verblijf', 'uitstroom_verblijf', 'netto_instroom']));
        expect(names).not.toContain('verblijf');
        const upper = (await session.client.request<{ name: string }[]>('workspace/symbol', { query: 'PLEEG' })).map(s => s.name);
        expect(upper).toContain('aandeel_pleegzorg');
    });

    test('hover on a column says its source, file, type and where it is declared', async () => {
        const { client, uri, text } = session;
        const use = await hoverText(client, uri, pos(text, 'where voorziening in', 6));
        expect(use).toBe('`trajecten.voorziening text`\n\nColumn of source `trajecten` (file `data/jeugdhulp_trajecten.csv`): text. Declared in jeugd.monitor, line 30.');
        const optional = await hoverText(client, uri, pos(text, 'einddatum        date?', 2));
        expect(optional).toContain(`: date, may be empty. Declared in jeugd.monitor, line ${pos(text, 'einddatum        date?').line + 1}.`);
    });

    test('hover on a source says its file, format, shape and columns, and where it is declared', async () => {
        const { client, uri, text } = session;
        const hover = await hoverText(client, uri, pos(text, 'from trajecten', 6));
        expect(hover).toBe('**trajecten**\n\nSource: the csv file `data/jeugdhulp_trajecten.csv`; one row per episode, from `begindatum` to `einddatum`; 7 columns. Declared in jeugd.monitor, line 21.');
        expect(await hoverText(client, uri, pos(text, 'source jongeren', 8))).toContain('one row per count at a date, at `peildatum`; 3 columns.');
    });
});

describe('rename and hover in Dutch', () => {
    let session: ExampleSession;
    beforeAll(async () => { session = await openExample({ trusted: false, locale: 'nl' }); });
    afterAll(async () => session?.close());

    test('the refusal and the hover are in Dutch', async () => {
        const line = pos(session.text, 'indicator residentieel').line + 1;
        expect((await rename(session, 'indicator verblijf', 10, 'residentieel')).error?.message)
            .toBe(`Hernoemen kan niet: de naam 'residentieel' is al in gebruik voor indicator 'residentieel' (jeugd.monitor, regel ${line}). Kies een andere naam.`);
        expect(await hoverText(session.client, session.uri, pos(session.text, 'where voorziening in', 6)))
            .toContain('Kolom van bron `trajecten` (bestand `data/jeugdhulp_trajecten.csv`): tekst. Gedeclareerd in jeugd.monitor, regel 30.');
    });
});

describe('semantic tokens', () => {
    test('never overlap on any example, also when full and range requests run at once', async () => {
        const client = await startLspClient({ root: EXAMPLES, trusted: false });
        try {
            const files = fs.readdirSync(EXAMPLES, { withFileTypes: true }).filter(d => d.isDirectory())
                .flatMap(d => fs.readdirSync(path.join(EXAMPLES, d.name)).filter(f => f.endsWith('.monitor')).map(f => path.join(EXAMPLES, d.name, f)));
            expect(files.length).toBeGreaterThanOrEqual(8);
            const docs = files.map(file => ({ file, text: fs.readFileSync(file, 'utf8'), uri: pathToFileURL(file).toString() }));
            for (const d of docs) client.open(d.file, d.text);
            type Tokens = { data: number[] };
            // VS Code asks for the visible range and the whole file together when a file opens.
            const answers = await Promise.all(docs.flatMap(d => [
                client.request<Tokens>('textDocument/semanticTokens/full', { textDocument: { uri: d.uri } }),
                client.request<Tokens>('textDocument/semanticTokens/range', { textDocument: { uri: d.uri }, range: { start: { line: 0, character: 0 }, end: { line: 80, character: 0 } } }),
            ]));
            for (const [i, d] of docs.entries()) {
                const [full, range] = [answers[2 * i], answers[2 * i + 1]];
                expect(full.data.length, d.file).toBeGreaterThan(50);
                expect(overlaps(full.data, d.text), d.file).toEqual([]);
                expect(overlaps(range.data, d.text), d.file).toEqual([]);
                // Alone, the same tokens.
                expect((await client.request<Tokens>('textDocument/semanticTokens/full', { textDocument: { uri: d.uri } })).data, d.file).toEqual(full.data);
            }
        } finally {
            await client.stop();
        }
    });
});
