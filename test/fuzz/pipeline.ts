/**
 * The language front end and planner as the fuzz tests drive them: services over an in-memory file
 * system; parse, validate, format (when the language has a formatter), lower and plan.
 */
import { EmptyFileSystem, URI } from 'langium';
import { createMonitorServices, lowerProgram } from '@monitor/language';
import { planIndicators } from '@monitor/compiler';
import { validateOrThrow } from './validate-or-throw.js';

const services = createMonitorServices(EmptyFileSystem);
const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
let counter = 0;

/** What one run got to: errors found, or lowered and planned. */
export interface PipelineOutcome {
    errors: number;
    planned: number | null;
}

/** Runs every stage that applies to `text`; any exception escapes to the caller (the property). */
export async function runPipeline(text: string): Promise<PipelineOutcome> {
    const uri = URI.parse(`memory:///fuzz/${counter++}/test.monitor`);
    const document = LangiumDocumentFactory.fromString(text, uri);
    LangiumDocuments.addDocument(document);
    try {
        // An exception in a check (logged, or reported as a diagnostic) is a crash.
        await validateOrThrow(DocumentBuilder, document);
        // The formatter is optional: it is exercised once the language registers one.
        const formatter = services.Monitor.lsp.Formatter;
        if (formatter) await formatter.formatDocument(document, { textDocument: { uri: uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        // A message shows what the user wrote, never a value the checker did not have.
        const garbled = (document.diagnostics ?? []).find((d) => /\bundefined\b|\bNaN\b|\[object /.test(d.message));
        if (garbled) throw new Error(`a diagnostic shows an internal value: ${garbled.message}`);
        const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1).length;
        if (errors > 0) return { errors, planned: null };
        // Invariant (ARCHITECTURE.md): without errors, lowering and planning do not throw.
        const program = lowerProgram({ uri: uri.toString(), model: document.parseResult.value as never });
        return { errors: 0, planned: planIndicators(program).indicators.length };
    } finally {
        // update() also drops the document's symbols from the index; deleteDocument() alone leaks them.
        await DocumentBuilder.update([], [uri]);
    }
}
