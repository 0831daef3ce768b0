/** Hover on an indicator: latest value and status first, then definition in words, unit and target; columns and sources say what they are. */
import { AstUtils, type AstNode } from 'langium';
import { MultilineCommentHoverProvider, type LangiumServices } from 'langium/lsp';
import { ast } from '@monitor/language';
import { describeIndicator } from './describe-indicator.js';
import { shownLatest, targetText } from './indicator-summary.js';
import { computedOnLine } from './postgres-analysis-engine.js';
import { nameHover } from './name-hover.js';
import type { ServerContext } from './server-context.js';
import { texts } from './texts.js';

/** Markdown hover for indicators and columns; other names keep their documentation comment. */
export class MonitorHoverProvider extends MultilineCommentHoverProvider {
    constructor(services: LangiumServices, private readonly ctx: ServerContext) {
        super(services);
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        const comment = () => super.getAstNodeHoverContent(node) as string | undefined;
        if (!ast.isIndicator(node)) return nameHover(node, comment(), this.ctx.settings.locale) ?? comment();
        const { settings } = this.ctx;
        const t = texts(settings.locale);
        const uri = AstUtils.getDocument(node).uri.toString();
        // Never wait for DuckDB here: start (or reuse) a background analysis and show what is known.
        this.ctx.analyses.schedule(uri, 300, false);
        const program = this.ctx.analyses.lowered(uri);
        const ir = program?.indicators.find(i => i.name === node.name);
        // The latest value first; while the monitor has errors, the last good one, marked as such.
        const latest = shownLatest(this.ctx.analyses, settings, uri, program, node.name)
            ?? `${t.latest}: ${settings.trusted ? t.noValue : t.untrusted}`;
        const lines = [`**${node.title ?? node.name}** \`${node.name}\``, '', latest];
        const engine = computedOnLine(this.ctx.analyses.latest(uri)?.engine, settings.locale);
        if (engine) lines.push('', engine);
        if (ir) {
            lines.push('', `${t.definition}: ${describeIndicator(ir, settings.locale, program ?? undefined)}`);
            if (ir.desired) lines.push('', t.desired[ir.desired]);
            if (ir.unit) lines.push('', `${t.unit}: ${ir.unit}`);
            if (ir.target) lines.push('', `${t.target}: ${targetText(ir.target, settings.locale)}`);
        } else if (node.unit) {
            // The monitor has errors (or is still being read): no definition in words.
            lines.push('', `${t.unit}: ${node.unit}`);
        }
        return lines.join('\n');
    }
}
