/** The `monitor/program` request: the document's program, its error count and its confined data files. */
import { DocumentState, URI } from 'langium';
import type { ProgramRequest } from '@monitor/protocol';
import { confinedDataFiles, lowerForDocument } from './document-analysis.js';
import type { ServerContext } from './server-context.js';
import { workspaceRootOf } from './server-settings.js';

/**
 * The URI of a request's document once it is loaded and validated; undefined when the URI does not
 * parse or the document cannot be loaded (the request then answers "no program").
 */
export async function validatedDocument(ctx: ServerContext, text: string): Promise<URI | undefined> {
    const shared = ctx.shared();
    let uri: URI;
    try {
        uri = URI.parse(text);
    } catch {
        return undefined;
    }
    const documents = shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(uri)) {
        try {
            await documents.getOrCreateDocument(uri);
        } catch {
            return undefined;
        }
    }
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
    return uri;
}

/** Waits until the document is validated, then lowers it; untrusted workspaces get no data files. */
export async function answerProgramRequest(ctx: ServerContext, params: ProgramRequest.Params): Promise<ProgramRequest.Result> {
    const uri = await validatedDocument(ctx, params.uri);
    if (!uri) return { program: null, errors: 1, dataFiles: [] };
    const { program, errors } = lowerForDocument(ctx.shared(), uri.toString(), ctx.settings.privacyMinimum);
    const dataFiles = program && ctx.settings.trusted ? confinedDataFiles(program, workspaceRootOf(ctx.settings, uri.toString())) : [];
    return { program, errors, dataFiles };
}
