/**
 * The `monitor/rows` request: the rows of a monitor of table sources for the preview, which never
 * connects to a database. They are the document's analysis (`DocumentAnalyses.analyse`, the same
 * pipeline as `monitor run --engine postgres`: PostgreSQL, then disclosure control and targets), so
 * the preview, hover and lenses show the same values. An analysis that computed nothing is tried
 * again, so the preview recovers once the server is reachable.
 */
import { URI } from 'langium';
import type { RowsRequest, ServerProblem } from '@monitor/protocol';
import { message } from '@monitor/language';
import type { SpanIssue } from './data-files.js';
import { validatedDocument } from './program-request.js';
import type { ServerContext } from './server-context.js';

const NOTHING: RowsRequest.Result = { program: null, engine: null, rows: null, problems: [] };

/** A data finding with its 1-based line and column in the document it points into. */
function problemOf(ctx: ServerContext, issue: SpanIssue): ServerProblem {
    const text = ctx.shared().workspace.LangiumDocuments.getDocument(URI.parse(issue.span.uri))?.textDocument;
    const at = text?.positionAt(issue.span.offset) ?? { line: 0, character: 0 };
    return { code: issue.code, severity: issue.severity, message: issue.message.slice(0, 4000), line: at.line + 1, column: at.character + 1 };
}

/** Computes (or takes the current) analysis of a monitor of table sources and answers with its safe rows or why not. */
export async function answerRowsRequest(ctx: ServerContext, params: RowsRequest.Params): Promise<RowsRequest.Result> {
    const uri = await validatedDocument(ctx, params.uri);
    if (!uri) return NOTHING;
    const key = uri.toString();
    const program = ctx.analyses.lowered(key);
    // A file monitor is computed by the preview itself; a document with errors has no program.
    if (!program || !program.sources.some(s => s.table)) return { ...NOTHING, program };
    const header = { span: program.monitor.span, severity: 'error' as const };
    if (!ctx.settings.trusted) return { program, engine: null, rows: null, problems: [problemOf(ctx, { ...header, code: 'data-rows-untrusted', message: message('data-rows-untrusted') })] };
    const analysis = await ctx.analyses.analyse(key, { retryFailed: true });
    if (!analysis.program) return NOTHING;
    // The document changed while its job waited: the newer analysis answers the next request.
    if (analysis.stale) return { program: analysis.program, engine: null, rows: null, problems: [] };
    const problems = analysis.issues.map(i => problemOf(ctx, i));
    const engine = analysis.engine === 'postgres' ? 'postgres' : null;
    if (analysis.rows !== null && engine) return { program: analysis.program, engine, rows: analysis.rows, problems };
    if (analysis.program.indicators.length === 0) return { program: analysis.program, engine, rows: [], problems };
    if (!problems.some(p => p.severity === 'error')) {
        problems.push(problemOf(ctx, { ...header, code: 'data-rows-not-computed', message: message('data-rows-not-computed') }));
    }
    return { program: analysis.program, engine, rows: null, problems };
}
