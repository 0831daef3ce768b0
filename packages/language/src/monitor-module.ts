/** Wires the Monitor language services; no logic lives here. */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices,
} from 'langium/lsp';
import { MonitorGeneratedModule, MonitorGeneratedSharedModule } from './generated/module.js';
import { MonitorScopeProvider } from './monitor-scope-provider.js';
import {
    MonitorAstNodeDescriptionProvider, MonitorLinker, MonitorReferenceDescriptionProvider, MonitorScopeComputation,
} from './monitor-build-passes.js';
import { MonitorDocumentValidator } from './monitor-document-validator.js';
import { registerValidationChecks, MonitorValidator } from './monitor-validator.js';
import { MonitorFormatter } from './monitor-formatter.js';
import { createGatedCompletionParser, createGatedLexer, createGatedParser } from './gated-parser.js';
import { MonitorValueConverter } from './quote-name.js';
import { MonitorLexerErrorMessageProvider, MonitorParserErrorMessageProvider } from './monitor-error-messages.js';

/** Services added by the Monitor language. */
export interface MonitorAddedServices {
    validation: { MonitorValidator: MonitorValidator };
}

/** All services of the Monitor language. */
export type MonitorServices = LangiumServices & MonitorAddedServices;

/** The module that overrides and adds Monitor-specific services. */
export const MonitorModule: Module<MonitorServices, PartialLangiumServices & MonitorAddedServices> = {
    parser: {
        // The gate: no text over a limit reaches the recursive-descent parsers (source-limits.ts).
        LangiumParser: services => createGatedParser(services),
        CompletionParser: services => createGatedCompletionParser(services),
        Lexer: services => createGatedLexer(services),
        ParserErrorMessageProvider: () => new MonitorParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new MonitorLexerErrorMessageProvider(),
        ValueConverter: () => new MonitorValueConverter(),
    },
    references: {
        ScopeProvider: services => new MonitorScopeProvider(services),
        ScopeComputation: services => new MonitorScopeComputation(services),
        Linker: services => new MonitorLinker(services),
    },
    workspace: {
        ReferenceDescriptionProvider: services => new MonitorReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: services => new MonitorAstNodeDescriptionProvider(services),
    },
    validation: {
        DocumentValidator: services => new MonitorDocumentValidator(services),
        MonitorValidator: () => new MonitorValidator(),
    },
    lsp: {
        Formatter: () => new MonitorFormatter(),
    },
};

/**
 * Creates the shared and Monitor services for a file system (EmptyFileSystem in tests, NodeFileSystem in the CLI).
 * `extra` and `extraShared` add or override services last (the language server's LSP providers).
 */
export function createMonitorServices(context: DefaultSharedModuleContext, extra: Module<MonitorServices, PartialLangiumServices> = {},
    extraShared: Module<LangiumSharedServices, PartialLangiumSharedServices> = {}): {
    shared: LangiumSharedServices;
    Monitor: MonitorServices;
} {
    const shared = inject(createDefaultSharedModule(context), MonitorGeneratedSharedModule, extraShared);
    const Monitor = inject(createDefaultModule({ shared }), MonitorGeneratedModule, MonitorModule, extra);
    shared.ServiceRegistry.register(Monitor);
    registerValidationChecks(Monitor);
    if (!context.connection) {
        // Without a language client nobody triggers the initial build; mark the workspace ready.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Monitor };
}
