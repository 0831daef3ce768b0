/** Code lenses above each indicator: its latest value and status, and a "Preview" lens that shows that indicator. */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import { ast } from '@monitor/language';
import { shownLatest } from './indicator-summary.js';
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
        this.ctx.analyses.schedule(uri, 300, false);
        const lenses: CodeLens[] = [];
        for (const indicator of model.elements.filter(ast.isIndicator)) {
            const range = indicator.$cstNode?.range;
            if (!range) continue;
            const at = { start: range.start, end: range.start };
            // While the document has errors: the last good values, marked as such.
            const value = shownLatest(this.ctx.analyses, settings, uri, program, indicator.name);
            // VS Code shows a lens with an empty command id as plain text.
            if (value) lenses.push({ range: at, command: { title: value, command: '' } });
            // The preview opens (or scrolls) to this indicator.
            lenses.push({ range: at, command: { title: texts(settings.locale).preview, command: OPEN_PREVIEW_COMMAND, arguments: [uri, indicator.name] } });
        }
        return lenses;
    }
}
