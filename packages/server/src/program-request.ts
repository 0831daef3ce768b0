/** The `monitor/program` request: the document's program, its error count and its confined data files. */
import { DocumentState, URI } from 'langium';
import type { ProgramRequest } from '@monitor/protocol';
import { confinedDataFiles, lowerForDocument } from './document-analysis.js';
import type { ServerContext } from './server-context.js';
import { workspaceRootOf } from './server-settings.js';

/** Waits until the document is validated, then lowers it; untrusted workspaces get no data files. */
export async function answerProgramRequest(ctx: ServerContext, params: ProgramRequest.Params): Promise<ProgramRequest.Result> {
    const shared = ctx.shared();
    let uri: URI;
    try {
        uri = URI.parse(params.uri);
    } catch {
        return { program: null, errors: 1, dataFiles: [] };
    }
    const documents = shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(uri)) {
        try {
            await documents.getOrCreateDocument(uri);
        } catch {
            return { program: null, errors: 1, dataFiles: [] };
        }
    }
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
    const { program, errors } = lowerForDocument(shared, uri.toString(), ctx.settings.privacyMinimum);
    const dataFiles = program && ctx.settings.trusted ? confinedDataFiles(program, workspaceRootOf(ctx.settings, uri.toString())) : [];
    return { program, errors, dataFiles };
}
