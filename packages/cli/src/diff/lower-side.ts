/** Parses, validates and lowers every file of one diff side in memory (nothing is read from disk). */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { ProgramIR } from '@monitor/ir';
import { createMonitorServices, importClosure, lowerDocument, type ast } from '@monitor/language';
import type { AnalysedMonitor } from '../analyse.js';
import type { Side } from './load-sides.js';

/** A lowered file of a side, or the number of errors that kept it from lowering. */
export interface LoweredFile {
    rel: string;
    uri: string;
    program: ProgramIR | null;
    errors: number;
    /** For computing with `--values`. */
    monitor: AnalysedMonitor | null;
}

/** Lowers each file with the files it imports from the same side. */
export async function lowerSide(side: Side): Promise<Map<string, LoweredFile>> {
    const { shared } = createMonitorServices(EmptyFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const all: LangiumDocument<ast.Model>[] = side.files.map(f => {
        const doc = shared.workspace.LangiumDocumentFactory.fromString<ast.Model>(f.text, URI.file(f.abs));
        documents.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    const erroneous = new Set(all.filter(d => (d.diagnostics ?? []).some(x => x.severity === 1)).map(d => d.uri.toString()));
    const positionAt = (uri: string, offset: number) => documents.getDocument(URI.parse(uri))?.textDocument.positionAt(offset) ?? { line: 0, character: 0 };
    const out = new Map<string, LoweredFile>();
    side.files.forEach((f, i) => {
        const doc = all[i];
        const closure = importClosure(doc.uri, documents);
        const errors = [...closure].filter(u => erroneous.has(u)).length;
        const program = errors === 0 ? lowerDocument(doc, { all }, closure) : null;
        out.set(f.rel, { rel: f.rel, uri: doc.uri.toString(), program, errors, monitor: program ? { file: f.abs, program, positionAt } : null });
    });
    return out;
}
