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
import { MonitorRenameProvider } from './monitor-rename-provider.js';
import { MonitorSemanticTokenProvider } from './monitor-semantic-token-provider.js';
import { MonitorWorkspaceSymbolProvider } from './monitor-workspace-symbol-provider.js';
import type { ServerContext } from './server-context.js';

/** Language-level providers (hover, completion, lenses, quick fixes, highlighting, rename). */
export function createServerModule(ctx: ServerContext): Module<MonitorServices, PartialLangiumServices> {
    return {
        lsp: {
            HoverProvider: services => new MonitorHoverProvider(services, ctx),
            CompletionProvider: services => new MonitorCompletionProvider(services, ctx),
            CodeLensProvider: () => new MonitorCodeLensProvider(ctx),
            CodeActionProvider: () => new MonitorCodeActionProvider(ctx),
            SemanticTokenProvider: services => new MonitorSemanticTokenProvider(services),
            RenameProvider: services => new MonitorRenameProvider(services, ctx),
        },
    };
}

/** Shared providers (server commands, workspace symbols) and the document builder that rebuilds only importers of an edited file. */
export function createSharedServerModule(ctx: ServerContext): Module<LangiumSharedServices, PartialLangiumSharedServices> {
    return {
        lsp: {
            ExecuteCommandHandler: () => new MonitorCommandHandler(ctx),
            WorkspaceSymbolProvider: services => new MonitorWorkspaceSymbolProvider(services),
        },
        workspace: { DocumentBuilder: services => new MonitorDocumentBuilder(services) },
    };
}
