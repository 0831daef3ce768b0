/**
 * A document is lowered for computing only once it is validated and its imports are linked: lowered
 * earlier, its measures have no time meaning and every row counts in the first period — a wrong number
 * in hover, lenses and export without a word (found by the fuzzer's export test). Not ready, the
 * analysis computes and caches nothing; the Validated phase schedules it again.
 */
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMonitorServices } from '@monitor/language';
import { lowerForDocument } from '../src/document-analysis.js';

const TEXT = `monitor m { grain quarter  range 2024-Q1 .. 2024-Q2  privacy none "test" }
source s from "s.csv" {
    events on datum
    columns { datum date }
}
indicator n { title "N" value count from s }
`;

describe('lowering waits for linking and validation', () => {
    test('a parsed but unlinked document is not ready and gives no program; validated, it gives the event count', async () => {
        const { shared } = createMonitorServices(EmptyFileSystem);
        const doc = shared.workspace.LangiumDocumentFactory.fromString(TEXT, URI.parse('file:///ws/m.monitor'));
        shared.workspace.LangiumDocuments.addDocument(doc);
        await shared.workspace.DocumentBuilder.build([doc], { validation: false });
        // Built without validation: linked, not validated.
        expect(doc.state).toBeLessThan(DocumentState.Validated);
        const early = lowerForDocument(shared, doc.uri.toString());
        expect(early.ready).toBe(false);
        expect(early.program).toBeNull();
        await shared.workspace.DocumentBuilder.build([doc], { validation: true });
        const late = lowerForDocument(shared, doc.uri.toString());
        expect(late.ready).toBe(true);
        const value = late.program!.indicators[0].value;
        expect(value.kind === 'measure' ? value.measure.time : null).toBe('event');
    });

    test('an unlinked document (parsed only) lowered the old way would count every row in the first period', async () => {
        const { shared } = createMonitorServices(EmptyFileSystem);
        const doc = shared.workspace.LangiumDocumentFactory.fromString(TEXT, URI.parse('file:///ws/m.monitor'));
        shared.workspace.LangiumDocuments.addDocument(doc);
        expect(doc.state).toBeLessThan(DocumentState.Linked);
        expect(lowerForDocument(shared, doc.uri.toString()).program).toBeNull();
    });
});
