/** The language server's LSP providers, injected into the Monitor services; wiring only. */
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { MonitorServices } from '@monitor/language';
import { MonitorCodeActionProvider } from './monitor-code-action-provider.js';
import { MonitorCodeLensProvider } from './monitor-code-lens-provider.js';
import { MonitorCommandHandler } from './monitor-command-handler.js';
import { MonitorCompletionProvider } from './monitor-completion-provider.js';
import { MonitorDocumentBuilder } from './monitor-document-builder.js';
import { MonitorHoverProvider } from './monitor-hover-provider.js';
import { MonitorSemanticTokenProvider } from './monitor-semantic-token-provider.js';
import type { ServerContext } from './server-context.js';

/** Language-level providers (hover, completion, lenses, quick fixes, highlighting). */
export function createServerModule(ctx: ServerContext): Module<MonitorServices, PartialLangiumServices> {
    return {
        lsp: {
            HoverProvider: services => new MonitorHoverProvider(services, ctx),
            CompletionProvider: services => new MonitorCompletionProvider(services, ctx),
            CodeLensProvider: () => new MonitorCodeLensProvider(ctx),
            CodeActionProvider: () => new MonitorCodeActionProvider(ctx),
            SemanticTokenProvider: services => new MonitorSemanticTokenProvider(services),
        },
    };
}

/** Shared providers (server commands) and the document builder that rebuilds only importers of an edited file. */
export function createSharedServerModule(ctx: ServerContext): Module<LangiumSharedServices, PartialLangiumSharedServices> {
    return {
        lsp: { ExecuteCommandHandler: () => new MonitorCommandHandler(ctx) },
        workspace: { DocumentBuilder: services => new MonitorDocumentBuilder(services) },
    };
}
