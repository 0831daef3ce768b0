/** What the server's providers share: the client's settings, the per-document analyses, the shared services. */
import type { LangiumSharedServices } from 'langium/lsp';
import type { DocumentAnalyses } from './document-analysis.js';
import type { ServerSettings } from './server-settings.js';

/** Filled in by `startMonitorServer` before any request arrives. */
export interface ServerContext {
    settings: ServerSettings;
    analyses: DocumentAnalyses;
    shared: () => LangiumSharedServices;
}
