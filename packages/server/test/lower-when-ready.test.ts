/**
 * The server lowers a document only once it is validated (found beside issue 15's fuzzing): before
 * linking, a measure has no time meaning, so an export right after opening a file counted every row
 * of the source in the first quarter (4 instead of 2).
 */
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMonitorServices } from '@monitor/language';
import { lowerForDocument } from '../src/document-analysis.js';

const TEXT = `monitor m {
    title "T"
    grain quarter
    range 2024-Q1 .. 2024-Q2
}
source s from "data.csv" {
    events on datum
    columns { id text  datum date }
}
indicator n { value count from s desired up }
`;

describe('lowering in the language server', () => {
    test('a document that is parsed but not yet linked and validated gives no program and no error', async () => {
        const { shared } = createMonitorServices(EmptyFileSystem);
        const uri = URI.parse('file:///work/m.monitor');
        const document = shared.workspace.LangiumDocumentFactory.fromString(TEXT, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        expect(lowerForDocument(shared, uri.toString())).toMatchObject({ program: null, errors: 0 });
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const { program, errors } = lowerForDocument(shared, uri.toString());
        expect(errors).toBe(0);
        // Linked: the count is of events, each in the period of its date (unlinked it was 'none': every period).
        expect(program?.indicators[0].value).toMatchObject({ kind: 'measure', measure: { time: 'event' } });
    });
});
