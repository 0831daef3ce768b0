/**
 * Hover on a column or a source (its declaration or a use): what it is, in words — a column's source,
 * data file and type, a source's file, format, shape and columns — and where it is declared.
 */
import { AstUtils, type AstNode } from 'langium';
import { ast, quoteName, type Locale } from '@monitor/language';
import { codeSpan } from './derived-column-text.js';
import { texts } from './texts.js';

/** "Declared in jeugd.monitor, line 21." for a node with a text position. */
function declaredIn(node: AstNode, locale: Locale): string {
    const line = node.$cstNode?.range.start.line;
    const file = AstUtils.getDocument(node).uri.path.split('/').pop() ?? '';
    return line === undefined ? '' : texts(locale).declaredIn(file, line + 1);
}

/** A source's shape in words: which rows it holds and by which date columns. */
function shapeText(shape: ast.Shape | undefined, locale: Locale): string | undefined {
    const t = texts(locale).shape;
    const name = (ref: { $refText: string } | undefined) => codeSpan(ref?.$refText ?? '?');
    if (ast.isEventsShape(shape)) return t.events(name(shape.date));
    if (ast.isEpisodesShape(shape)) return t.episodes(name(shape.start), name(shape.end));
    if (ast.isSnapshotShape(shape)) return t.snapshot(name(shape.date));
    if (ast.isTableShape(shape)) return t.table();
    return undefined;
}

/** The declaration as written (the name between backticks where needed, a derived column's expression). */
function columnDeclaration(column: ast.Column): string {
    const source = ast.isSource(column.$container) ? `${column.$container.name}.` : '';
    const expression = column.expression?.$cstNode ? ` = ${column.expression.$cstNode.text.replace(/\s+/g, ' ')}` : '';
    return codeSpan(`${source}${quoteName(column.name)} ${column.type}${column.optional ? '?' : ''}${column.trim ? ' trim' : ''}${expression}`);
}

/** Markdown for a column or a source; undefined for any other node. `comment` is its documentation comment. */
export function nameHover(node: AstNode, comment: string | undefined, locale: Locale): string | undefined {
    const t = texts(locale);
    const lines: string[] = [];
    if (ast.isColumn(node)) {
        lines.push(columnDeclaration(node));
        const traits = [`${t.columnType[node.type] ?? node.type}`, ...(node.optional ? [t.optional] : []),
            ...(node.trim ? [t.trimmed] : []), ...(node.expression ? [t.derived] : [])];
        const source = ast.isSource(node.$container) ? node.$container : undefined;
        const what = source ? `${t.columnOf(codeSpan(source.name), codeSpan(source.path))}: ` : '';
        lines.push('', `${what}${traits.join(', ')}. ${declaredIn(node, locale)}`);
    } else if (ast.isSource(node)) {
        lines.push(`**${node.name}**`);
        const format = node.format ?? (node.path.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');
        const parts = [t.sourceFile(codeSpan(node.path), format), shapeText(node.shape, locale), t.columns(node.columns.length)];
        lines.push('', `${parts.filter(p => p !== undefined).join('; ')}. ${declaredIn(node, locale)}`);
    } else {
        return undefined;
    }
    if (comment) lines.push('', comment);
    return lines.join('\n');
}
