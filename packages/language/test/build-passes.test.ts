/**
 * The build passes walk the AST themselves (ast-walk.ts, monitor-build-passes.ts): they must see the
 * same nodes and references, in the same order, as Langium's streams, or diagnostics would change.
 */
import { AstUtils, type AstNode, type ReferenceInfo } from 'langium';
import { describe, expect, test } from 'vitest';
import { forEachContained, forEachNode, forEachReference } from '../src/ast-walk.js';
import { PRELUDE, parse, services } from './helpers.js';

const TEXT = PRELUDE + `
indicator verblijf {
    title "Verblijf"
    value count distinct client_id from trajecten active at end where voorziening in ("verblijf", "pleegzorg")
          per 1000 sum aantal from jongeren
    desired down
    by wijk
}
indicator ambulant { value count from trajecten started where voorziening = "ambulant" desired down }
indicator samen { value verblijf + ambulant }
indicator fout { value verblijff + onbekend }
target verblijf { baseline 2022  2024-Q4 -10%  tolerance 5% }
`;

const refKey = (r: ReferenceInfo) => `${r.container.$type}.${r.property}[${r.index ?? ''}]=${r.reference.$refText}`;

describe('AST walks', () => {
    test('visit the nodes of streamAst and streamAllContents, in order', async () => {
        const root = (await parse(TEXT)).parseResult.value;
        const all: AstNode[] = [];
        forEachNode(root, n => all.push(n));
        expect(all).toEqual(AstUtils.streamAst(root).toArray());
        expect(all.length).toBeGreaterThan(50);
        const contained: AstNode[] = [];
        forEachContained(root, n => contained.push(n));
        expect(contained).toEqual(AstUtils.streamAllContents(root).toArray());
    });

    test('visit the references of streamReferences, in order', async () => {
        const root = (await parse(TEXT)).parseResult.value;
        const ours: string[] = [];
        const langium: string[] = [];
        for (const node of AstUtils.streamAst(root)) {
            forEachReference(node, r => ours.push(refKey(r)));
            AstUtils.streamReferences(node).forEach(r => langium.push(refKey(r)));
        }
        expect(ours).toEqual(langium);
        expect(ours.some(k => k.endsWith('=verblijff'))).toBe(true);
    });
});

describe('build passes', () => {
    test('link every reference once, unresolved ones with an error, in document order', async () => {
        const doc = await parse(TEXT);
        const texts = doc.references.map(r => r.$refText);
        const expected: string[] = [];
        AstUtils.streamAst(doc.parseResult.value).forEach(n => AstUtils.streamReferences(n).forEach(r => expected.push(r.reference.$refText)));
        expect(texts).toEqual(expected);
        expect(doc.references.filter(r => r.error).map(r => r.$refText)).toEqual(['verblijff', 'onbekend']);
    });

    test('collect a local symbol for every named node below the root, under its container', async () => {
        const doc = await parse(TEXT);
        const root = doc.parseResult.value;
        const names = doc.localSymbols!.getStream(root).map(d => d.name).toArray();
        expect(names).toEqual(expect.arrayContaining(['jeugd', 'trajecten', 'jongeren', 'wijk', 'verblijf', 'samen', 'fout']));
        const source = AstUtils.streamAllContents(root).find(n => n.$type === 'Source')!;
        expect(doc.localSymbols!.getStream(source).map(d => d.name).toArray()).toEqual(
            ['client_id', 'voorziening', 'begindatum', 'einddatum', 'wijk', 'status', 'kosten']);
    });

    test('index the resolved references of a document, none of the unresolved', async () => {
        const doc = await parse(TEXT);
        const provider = services.Monitor.workspace.ReferenceDescriptionProvider;
        const descriptions = await provider.createDescriptions(doc);
        expect(descriptions.length).toBe(doc.references.filter(r => !r.error).length);
        expect(descriptions.every(d => d.local && d.sourceUri.toString() === doc.uri.toString())).toBe(true);
    });

    test('descriptions give their selection segment when asked', async () => {
        const doc = await parse(TEXT);
        const d = doc.localSymbols!.getStream(doc.parseResult.value).find(x => x.name === 'samen')!;
        expect(doc.textDocument.getText(d.selectionSegment!.range)).toBe('indicator samen { value verblijf + ambulant }');
        expect(doc.textDocument.getText(d.nameSegment!.range)).toBe('samen');
    });
});
