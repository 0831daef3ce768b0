/** Code lenses above each indicator: its latest value and status, and a "Preview" lens. */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import { ast } from '@monitor/language';
import { latestText } from './indicator-summary.js';
import type { ServerContext } from './server-context.js';
import { texts } from './texts.js';

/** The command the extension registers to open the preview of a document. */
export const OPEN_PREVIEW_COMMAND = 'monitor.openPreview';

/** Lenses from the cached analysis; a stale or missing analysis is started in the background. */
export class MonitorCodeLensProvider implements CodeLensProvider {
    constructor(private readonly ctx: ServerContext) {}

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const uri = document.uri.toString();
        const { settings } = this.ctx;
        const model = document.parseResult.value as ast.Model;
        const program = this.ctx.analyses.lowered(uri);
        const analysis = this.ctx.analyses.latest(uri);
        this.ctx.analyses.schedule(uri, 300, false);
        const lenses: CodeLens[] = [];
        for (const indicator of model.elements.filter(ast.isIndicator)) {
            const range = indicator.$cstNode?.range;
            if (!range) continue;
            const at = { start: range.start, end: range.start };
            const ir = program?.indicators.find(i => i.name === indicator.name);
            // VS Code shows a lens with an empty command id as plain text.
            if (ir) lenses.push({ range: at, command: { title: latestText(analysis, ir, settings.locale, settings.trusted, settings.timeoutSeconds), command: '' } });
            lenses.push({ range: at, command: { title: texts(settings.locale).preview, command: OPEN_PREVIEW_COMMAND, arguments: [uri] } });
        }
        return lenses;
    }
}
