/**
 * Where the canonical layout breaks lines: computed from the AST and token texts only (never from
 * the current whitespace), which is what makes formatting idempotent.
 */
import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import type { Binding, Indicator, IndicatorValue, Measure, Model } from './generated/ast.js';

/** A planned separator before a token, resolved against the block depth when printing. */
export type Break =
    /**
     * A new top-level element: a blank line, or one newline in a run of notes, references or imports.
     * `sameKind`: the element before is of the same kind; `open`: the offset of the element's first
     * `{` and `end` where its text ends (a one-line block after one of its kind may sit right under it).
     */
    | { kind: 'element'; tight: boolean; sameKind?: boolean; open?: number; end?: number }
    /** A property on its own line at the block's indentation. */
    | { kind: 'property' }
    /** A continuation line: the block's indentation plus `extra` columns. */
    | { kind: 'continuation'; extra: number }
    /** Exactly `count` spaces on the same line (aligned column types). */
    | { kind: 'spaces'; count: number };

/** Lines longer than this get their `where` on a continuation line. */
export const MAX_WIDTH = 100;

/** Keywords that start a property line, per block rule. */
const PROPERTY_KEYWORDS: Record<string, string[]> = {
    MonitorDecl: ['title', 'owner', 'description', 'grain', 'range'],
    Privacy: ['minimum', 'round', 'denominator', 'dominance'],
    Source: ['status', 'format', 'delimiter', 'decimal', 'header', 'nulls', 'dateformat', 'coverage', 'trim', 'one', 'known', 'columns'],
    Dimension: ['title', 'known'],
    Levels: ['total', 'cells'],
    Indicator: ['title', 'description', 'unit', 'value', 'grain', 'desired', 'decimals', 'by'],
    Target: ['baseline', 'tolerance'],
};

/** AST node types that are a property of their block, so they start a line. */
const PROPERTY_NODES = new Set([
    'EventsShape', 'EpisodesShape', 'SnapshotShape', 'TableShape', 'Column', 'Privacy', 'Perturbation', 'DimensionMapping', 'DimensionNames', 'Levels', 'Binding', 'TargetPoint',
]);

/** Top-level elements that are one line each and sit together without blank lines. */
const TIGHT = new Set(['Note', 'Reference', 'Import']);

/** The code tokens (no comments) of a CST node, in order. */
export function codeLeaves(node: CstNode | undefined): LeafCstNode[] {
    if (!node) return [];
    return CstUtils.streamCst(node).filter((n): n is LeafCstNode => isLeafCstNode(n) && !n.hidden).toArray();
}

/** Spaces between two code tokens on one line: none inside `a.b`, `(x`, `x)`, `x,`, `date?`, `5%`, `-15`. */
export function defaultGap(prev: LeafCstNode, next: LeafCstNode): number {
    const keyword = next.grammarSource?.$type === 'Keyword';
    if (keyword && [')', ',', '?', '%', '.'].includes(next.text)) return 0;
    if (prev.grammarSource?.$type === 'Keyword' && ['(', '.'].includes(prev.text)) return 0;
    // A function of a derived column: `coalesce(a, b)`, `trim(x)`.
    if (keyword && next.text === '(' && prev.astNode.$type === 'ColumnCall' && prev.grammarSource?.$type === 'Keyword') return 0;
    // The sign of a target number (`2026-Q4 -15%`); elsewhere `-` is a binary operator.
    if (prev.text === '-' && prev.astNode.$type === 'TargetPoint') return 0;
    return 1;
}

/** The width of tokens printed on one line with the default gaps. */
export function flatWidth(leaves: LeafCstNode[]): number {
    let width = 0;
    leaves.forEach((leaf, i) => {
        width += leaf.text.length + (i > 0 ? defaultGap(leaves[i - 1], leaf) : 0);
    });
    return width;
}

/** Plans the line breaks of a document: token offset → break. */
export function planBreaks(model: Model): Map<number, Break> {
    const breaks = new Map<number, Break>();
    const at = (node: CstNode | AstNode | undefined, brk: Break) => {
        const cst = node && '$type' in node ? node.$cstNode : node;
        const first = codeLeaves(cst)[0];
        if (first) breaks.set(first.offset, brk);
    };
    const top = [...model.imports, ...model.elements];
    top.forEach((element, i) => {
        if (i === 0) return;
        const sameKind = top[i - 1].$type === element.$type;
        const leaves = codeLeaves(element.$cstNode);
        const open = leaves.find(l => l.text === '{' && l.grammarSource?.$type === 'Keyword')?.offset;
        at(element, { kind: 'element', tight: TIGHT.has(element.$type) && sameKind, sameKind, open, end: leaves.at(-1)?.end });
    });
    for (const node of AstUtils.streamAst(model)) {
        if (PROPERTY_NODES.has(node.$type)) at(node, { kind: 'property' });
        const keywords = PROPERTY_KEYWORDS[node.$type];
        if (keywords && node.$cstNode) {
            for (const leaf of codeLeaves(node.$cstNode)) {
                // Only keywords of the block rule itself, not a column named `status` in a reference.
                const call = leaf.container?.grammarSource;
                const ruleName = GrammarAST.isRuleCall(call) ? call.rule.ref?.name : undefined;
                if (leaf.grammarSource?.$type === 'Keyword' && ruleName === node.$type && keywords.includes(leaf.text)) {
                    breaks.set(leaf.offset, { kind: 'property' });
                }
            }
        }
        if (node.$type === 'Source') alignColumnTypes(node, breaks);
        if (node.$type === 'Indicator') planValue(node as Indicator, breaks);
        if (node.$type === 'Binding') planBinding(node as Binding, breaks);
        if (node.$type === 'Reference') planReference(node, breaks);
    }
    return breaks;
}

/** A binding line that is too long breaks before its `where`, one indentation step deeper. */
function planBinding(binding: Binding, breaks: Map<number, Break>): void {
    if (!binding.where) return;
    const leaves = codeLeaves(binding.$cstNode);
    const where = leaves.find(l => l.astNode === binding && l.text === 'where' && l.grammarSource?.$type === 'Keyword');
    const indent = 4 * (depthOf(binding) - 1);
    if (where && indent + flatWidth(leaves) > MAX_WIDTH) breaks.set(where.offset, { kind: 'continuation', extra: 4 });
}

/** A reference line that is too long puts its `where` and its `value` on lines of their own, one step deeper. */
function planReference(reference: AstNode, breaks: Map<number, Break>): void {
    const leaves = codeLeaves(reference.$cstNode);
    if (flatWidth(leaves) <= MAX_WIDTH) return;
    for (const leaf of leaves) {
        if (leaf.astNode === reference && (leaf.text === 'where' || leaf.text === 'value') && leaf.grammarSource?.$type === 'Keyword') {
            breaks.set(leaf.offset, { kind: 'continuation', extra: 4 });
        }
    }
}

/** `columns { … }`: the types line up one space after the longest column name. */
function alignColumnTypes(source: AstNode, breaks: Map<number, Break>): void {
    const columns = (source as unknown as { columns: AstNode[] }).columns;
    const nameWidth = (c: AstNode) => codeLeaves(c.$cstNode)[0]?.text.length ?? 0;
    const widest = Math.max(0, ...columns.map(nameWidth));
    for (const column of columns) {
        const type = codeLeaves(column.$cstNode)[1];
        if (type) breaks.set(type.offset, { kind: 'spaces', count: widest - nameWidth(column) + 1 });
        planDerivedColumn(column, widest + 1, depthOf(column) - 1, breaks);
    }
}

/**
 * A derived column too long for one line: the arguments of its first function call wrap, each
 * continuation line starting under the first argument.
 */
function planDerivedColumn(column: AstNode, typeColumn: number, depth: number, breaks: Map<number, Break>): void {
    const expression = (column as unknown as { expression?: AstNode }).expression;
    const call = expression && AstUtils.streamAst(expression).find(n => n.$type === 'ColumnCall') as unknown as { args: AstNode[] } | undefined;
    const leaves = codeLeaves(column.$cstNode);
    const indent = 4 * depth;
    if (!call || call.args.length < 2 || indent + typeColumn + flatWidth(leaves.slice(1)) <= MAX_WIDTH) return;
    const first = codeLeaves(call.args[0].$cstNode)[0];
    const firstIndex = leaves.indexOf(first);
    const argColumn = typeColumn + flatWidth(leaves.slice(1, firstIndex + 1)) - first.text.length;
    let width = argColumn;
    call.args.forEach((arg, i) => {
        const argLeaves = codeLeaves(arg.$cstNode);
        const last = argLeaves.at(-1);
        const next = last ? leaves[leaves.indexOf(last) + 1] : undefined;
        // The argument with the `,` or `)` after it.
        const argWidth = flatWidth(argLeaves) + (next ? next.text.length : 0);
        if (i > 0 && indent + width + 1 + argWidth > MAX_WIDTH) {
            breaks.set(argLeaves[0].offset, { kind: 'continuation', extra: argColumn });
            width = argColumn + argWidth;
        } else {
            width += (i > 0 ? 1 : 0) + argWidth;
        }
    });
}

/** The block depth of an indicator's properties is 1; continuation lines hang under the value. */
const VALUE_COLUMN = 'value '.length;
const WHERE_COLUMN = VALUE_COLUMN + 4;

/**
 * A rate always reads as two lines (numerator, then `per …`/`percent of …` under it); a
 * transition's `to where` goes on its own line; a measure line that is still too long breaks
 * before its `where`.
 */
function planValue(indicator: Indicator, breaks: Map<number, Break>): void {
    const value: IndicatorValue | undefined = indicator.value;
    if (!value) return;
    const indent = 4 * depthOf(indicator);
    if (value.$type === 'Rate') {
        const rate = value as unknown as { numerator: Measure; denominator: Measure; $cstNode?: CstNode };
        const operator = codeLeaves(rate.$cstNode).find(l => l.astNode === value && (l.text === 'per' || l.text === 'percent'));
        if (operator) breaks.set(operator.offset, { kind: 'continuation', extra: VALUE_COLUMN });
        planMeasure(rate.numerator, indent + VALUE_COLUMN, 0, breaks);
        const operatorWidth = operator ? flatWidth(codeLeaves(rate.$cstNode).filter(l => l.astNode === value && l.offset >= operator.offset)) + 1 : 0;
        planMeasure(rate.denominator, indent + VALUE_COLUMN, operatorWidth, breaks);
    } else if (value.$type === 'Measure') {
        planMeasure(value as unknown as Measure, indent + VALUE_COLUMN, 0, breaks);
    }
}

function planMeasure(measure: Measure | undefined, column: number, prefix: number, breaks: Map<number, Break>): void {
    if (!measure?.$cstNode) return;
    const leaves = codeLeaves(measure.$cstNode);
    const own = (text: string) => leaves.find(l => l.astNode === measure && l.text === text && l.grammarSource?.$type === 'Keyword');
    const to = measure.transitionTo ? own('to') : undefined;
    if (to) breaks.set(to.offset, { kind: 'continuation', extra: WHERE_COLUMN });
    const firstLine = to ? leaves.filter(l => l.offset < to.offset) : leaves;
    const where = measure.where ? own('where') : undefined;
    if (where && column + prefix + flatWidth(firstLine) > MAX_WIDTH) breaks.set(where.offset, { kind: 'continuation', extra: WHERE_COLUMN });
}

function depthOf(node: AstNode): number {
    let depth = 0;
    for (let n = node.$container; n; n = n.$container) depth++;
    return depth;
}
