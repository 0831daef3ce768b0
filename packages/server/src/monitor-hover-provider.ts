/** Hover on an indicator: definition in words, unit, target, latest value and status. */
import { AstUtils, type AstNode } from 'langium';
import { MultilineCommentHoverProvider, type LangiumServices } from 'langium/lsp';
import { ast, quoteName } from '@monitor/language';
import { describeIndicator } from './describe-indicator.js';
import { codeSpan } from './derived-column-text.js';
import { latestText, targetText } from './indicator-summary.js';
import type { ServerContext } from './server-context.js';
import { texts } from './texts.js';

/** A column: its declaration as written (the name between backticks where needed, a derived column's expression). */
function columnHover(column: ast.Column, comment: string | undefined): string {
    const source = ast.isSource(column.$container) ? `${column.$container.name}.` : '';
    const expression = column.expression?.$cstNode ? ` = ${column.expression.$cstNode.text.replace(/\s+/g, ' ')}` : '';
    const declaration = codeSpan(`${source}${quoteName(column.name)} ${column.type}${column.optional ? '?' : ''}${column.trim ? ' trim' : ''}${expression}`);
    return comment ? `${declaration}\n\n${comment}` : declaration;
}

/** Markdown hover for indicators and columns; other names keep their documentation comment. */
export class MonitorHoverProvider extends MultilineCommentHoverProvider {
    constructor(services: LangiumServices, private readonly ctx: ServerContext) {
        super(services);
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        if (ast.isColumn(node)) return columnHover(node, super.getAstNodeHoverContent(node) as string | undefined);
        if (!ast.isIndicator(node)) return super.getAstNodeHoverContent(node) as string | undefined;
        const { settings } = this.ctx;
        const t = texts(settings.locale);
        const uri = AstUtils.getDocument(node).uri.toString();
        const analysis = this.ctx.analyses.latest(uri);
        // Never wait for DuckDB here: start (or reuse) a background analysis and show what is known.
        this.ctx.analyses.schedule(uri, 300, false);
        const program = this.ctx.analyses.lowered(uri);
        const ir = program?.indicators.find(i => i.name === node.name);
        const lines = [`**${node.title ?? node.name}** \`${node.name}\``];
        if (ir) {
            lines.push('', `${t.definition}: ${describeIndicator(ir, settings.locale, program ?? undefined)}`);
            if (ir.desired) lines.push('', t.desired[ir.desired]);
            if (ir.unit) lines.push('', `${t.unit}: ${ir.unit}`);
            if (ir.target) lines.push('', `${t.target}: ${targetText(ir.target, settings.locale)}`);
            lines.push('', latestText(analysis, ir, settings.locale, settings.trusted, settings.timeoutSeconds));
        } else {
            // The monitor has errors (or is still being read): no definition in words, no value.
            if (node.unit) lines.push('', `${t.unit}: ${node.unit}`);
            lines.push('', `${t.latest}: ${settings.trusted ? t.noValue : t.untrusted}`);
        }
        return lines.join('\n');
    }
}
