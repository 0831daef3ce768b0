/**
 * Server commands for the editor (workspace/executeCommand): the SQL of an indicator and the safe
 * rows of a monitor as CSV.
 */
import { DocumentState, URI } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { rowsToCsv } from '@monitor/ir';
import { explainSql, planIndicators } from '@monitor/compiler';
import type { ServerContext } from './server-context.js';

/**
 * `monitor.server.showSql` args [uri, indicator]; `monitor.server.exportRows` args [uri, options?]: text that
 * starts like a spreadsheet formula is escaped, as in `monitor run --format csv`, unless options are `{ raw: true }`
 * (the extension's `monitor.export.csvRaw`, like `--csv-raw`).
 */
export const SHOW_SQL_COMMAND = 'monitor.server.showSql';
/** See SHOW_SQL_COMMAND. */
export const EXPORT_ROWS_COMMAND = 'monitor.server.exportRows';

/**
 * Waits until a document is validated, at most 10 s (a document that is never validated is not open).
 * Polls the document's own state: the builder's `waitUntil` resolves as soon as *a* build got that far.
 */
async function whenValidated(shared: LangiumSharedServices, uri: URI): Promise<void> {
    for (let waited = 0; waited < 10_000; waited += 25) {
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document || document.state >= DocumentState.Validated) return;
        await new Promise(resolve => setTimeout(resolve, 25));
    }
}

function fail(en: string, nl: string, ctx: ServerContext): never {
    // RequestFailed, not InternalError: the request was understood, the document cannot answer it.
    throw new ResponseError(LSPErrorCodes.RequestFailed, ctx.settings.locale === 'nl' ? nl : en);
}

/** Answers the two commands; a document with errors gets a clear message, not a crash. */
export class MonitorCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly ctx: ServerContext) {
        super();
    }

    /** A command right after an open or an edit waits for validation: an unlinked document is never lowered. */
    private async validated(uri: unknown): Promise<void> {
        let parsed: URI;
        try { parsed = URI.parse(String(uri)); } catch { return; }
        await whenValidated(this.ctx.shared(), parsed);
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(SHOW_SQL_COMMAND, async ([uri, indicator]) => {
            await this.validated(uri);
            const program = this.ctx.analyses.lowered(String(uri));
            if (!program) fail('The monitor has errors; fix them to see its SQL.', 'De monitor bevat fouten; los die op om de SQL te zien.', this.ctx);
            if (!program.indicators.some(i => i.name === indicator)) {
                fail(`There is no indicator '${String(indicator)}' in this monitor.`, `Er is geen indicator '${String(indicator)}' in deze monitor.`, this.ctx);
            }
            return explainSql(planIndicators(program), String(indicator));
        });
        accept(EXPORT_ROWS_COMMAND, async ([uri, options]) => {
            if (!this.ctx.settings.trusted) fail('Results are not computed in an untrusted workspace.', 'In een niet-vertrouwde werkmap wordt niets berekend.', this.ctx);
            await this.validated(uri);
            const analysis = await this.ctx.analyses.analyse(String(uri));
            if (!analysis.rows) fail('The monitor has errors or no indicators; nothing to export.', 'De monitor bevat fouten of geen indicatoren; er is niets te exporteren.', this.ctx);
            // Only an explicit `raw: true` turns the formula escaping off; anything else keeps it.
            const raw = typeof options === 'object' && options !== null && (options as { raw?: unknown }).raw === true;
            return rowsToCsv(analysis.rows, { raw, lang: this.ctx.settings.locale, indicators: this.ctx.analyses.lowered(String(uri))?.indicators ?? [] });
        });
    }
}
