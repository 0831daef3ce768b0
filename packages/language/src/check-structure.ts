/** Checks of the meaning stage on declarations: headers, names, sources, periods and dates. */
import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import { MAX_DECIMALS, MAX_PERIODS, OUTPUT_FIELDS, cellKeyMaxVariance, MAX_CELLKEY_DEVIATION, isValidDate, parsePeriod, periodEnd, periodOfDate, periodOrdinal, periodStart, type Grain } from '@monitor/ir';
import {
    isDimension, isIndicator, isMonitorDecl, isSource, isEpisodesShape, isEventsShape, isSnapshotShape,
    type Column, type Dimension, type Model, type MonitorDecl, type Note, type Source, type DateLiteral, type Indicator, type Target,
} from './generated/ast.js';
import { message } from './messages.js';
import { plainName } from './plain-name.js';

/** Reports a diagnostic with its issue code and bilingual message. */
export function report(
    accept: ValidationAcceptor, severity: 'error' | 'warning' | 'info', code: string,
    args: Record<string, string | number>, node: AstNode, property?: string, index?: number,
): void {
    // The Langium typing wants the exact node type for `property`; the checks pass valid names.
    accept(severity, message(code, args), { node, property: property as never, index, code, data: { code } });
}

/**
 * Flags a property keyword given twice in one block (`title` twice, say), where the later one would
 * replace the earlier. List properties (`columns`, `nulls`, `by`) add up instead and are not passed here.
 */
export function checkDuplicateProperties(node: AstNode, keywords: string[], accept: ValidationAcceptor): void {
    for (const keyword of keywords) {
        // A column may be called like a keyword (`status status`): only count the property keyword itself.
        const found = GrammarUtils.findNodesForKeyword(node.$cstNode, keyword)
            .filter(k => AstUtils.getContainerOfType(k.grammarSource, GrammarAST.isParserRule)?.name !== 'Name');
        for (const extra of found.slice(1)) {
            accept('warning', message('duplicate-property', { name: keyword }), {
                node, range: extra.range, code: 'duplicate-property', data: { code: 'duplicate-property' },
            });
        }
    }
}

/** The monitor header: one per file, a valid range, sound privacy rules; indicators need a header. */
export function checkModel(model: Model, accept: ValidationAcceptor): void {
    const headers = model.elements.filter(isMonitorDecl);
    headers.slice(1).forEach(h => report(accept, 'error', 'duplicate-monitor', {}, h, 'name'));
    const firstIndicator = model.elements.find(isIndicator);
    if (headers.length === 0 && firstIndicator && model.imports.length === 0) {
        report(accept, 'error', 'missing-monitor', {}, firstIndicator, 'name');
    }
    const seen = new Map<string, AstNode>();
    for (const element of model.elements) {
        if (!('name' in element) || typeof element.name !== 'string' || isMonitorDecl(element)) continue;
        const key = `${element.$type}:${element.name}`;
        if (seen.has(key)) {
            report(accept, 'error', 'duplicate-name', { name: element.name, kind: element.$type.toLowerCase() }, element, 'name');
        }
        seen.set(key, element);
    }
}

/**
 * A monitor, source, dimension or indicator name between backticks: backticks are for column names.
 * The parser accepts it (so that references to the name still resolve and one mistake gives one
 * error, not one per use); this check refuses it, with the plain name to write instead.
 */
export function checkPlainNames(model: Model, accept: ValidationAcceptor): void {
    for (const element of [...model.elements]) {
        if (!isMonitorDecl(element) && !isSource(element) && !isDimension(element) && !isIndicator(element)) continue;
        const written = GrammarUtils.findNodeForProperty(element.$cstNode, 'name')?.text;
        if (!written?.startsWith('`')) continue;
        const suggestion = plainName(written);
        accept('error', message('backtick-name', { name: written, suggestion }), {
            node: element, property: 'name', code: 'backtick-name', data: { code: 'backtick-name', suggestion },
        });
    }
}

/**
 * A NUL character in any text (a name, a string, a path) is refused here: DuckDB cannot hold it in a
 * literal, and no file or code list has one. Found by fuzzing, where it reached the planner.
 */
export function checkNoNul(model: Model, accept: ValidationAcceptor): void {
    for (const node of AstUtils.streamAst(model)) {
        for (const [property, value] of Object.entries(node)) {
            if (property.startsWith('$')) continue;
            const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter(v => typeof v === 'string') : [];
            texts.forEach((text, i) => {
                if (text.includes('\u0000')) report(accept, 'error', 'nul-in-text', {}, node, property, Array.isArray(value) ? i : undefined);
            });
        }
    }
}

export function checkMonitorDecl(decl: MonitorDecl, accept: ValidationAcceptor): void {
    checkDuplicateProperties(decl, ['title', 'owner', 'description', 'grain', 'range', 'privacy'], accept);
    if (decl.from === undefined) report(accept, 'error', 'missing-range', {}, decl, 'name');
    const from = decl.from !== undefined ? checkPeriod(String(decl.from), decl, 'from', accept) : undefined;
    const to = decl.to !== undefined ? checkPeriod(String(decl.to), decl, 'to', accept) : undefined;
    if (from && to && periodStart(from) > periodStart(to)) {
        report(accept, 'error', 'range-reversed', { from: String(decl.from), to: String(decl.to) }, decl, 'from');
    } else if (from && to && decl.grain) {
        // The bound on work, known statically: every indicator computes every period.
        const grain = decl.grain as Grain;
        const periods = periodOrdinal(periodOfDate(periodEnd(to), grain)) - periodOrdinal(periodOfDate(periodStart(from), grain)) + 1;
        if (periods > MAX_PERIODS) report(accept, 'error', 'too-many-periods', { periods, max: MAX_PERIODS, grain }, decl, 'from');
    }
    const perturb = decl.privacy?.perturb;
    if (perturb?.maxDeviation !== undefined) {
        // A p-table needs 1 ≤ D ≤ 10 and 0 < V ≤ (D+1)(2D+1)/6 (every deviation but 0 equally likely).
        const d = perturb.maxDeviation;
        const most = cellKeyMaxVariance(d);
        if (d < 1 || d > MAX_CELLKEY_DEVIATION) {
            report(accept, 'error', 'privacy-perturb-max', { max: d, most: MAX_CELLKEY_DEVIATION }, perturb, 'maxDeviation');
        } else if (perturb.variance !== undefined && (perturb.variance <= 0 || perturb.variance > most)) {
            report(accept, 'error', 'privacy-perturb-variance', { max: d, variance: perturb.variance, most: Number(most.toFixed(3)) }, perturb, 'variance');
        }
    }
}

/** Parses a period label written in the file, reporting it when it is not a valid label. */
export function checkPeriod(label: string, node: AstNode, property: string, accept: ValidationAcceptor) {
    const period = parsePeriod(label);
    if (!period) report(accept, 'error', 'invalid-period', { label }, node, property);
    return period ?? undefined;
}

export function checkSource(source: Source, accept: ValidationAcceptor): void {
    checkTableSource(source, accept);
    checkDuplicateProperties(source, ['status', 'format', 'delimiter', 'decimal', 'header', 'dateformat', 'coverage'], accept);
    if (!source.shape) report(accept, 'error', 'missing-shape', { name: source.name }, source, 'name');
    source.knownChanges.forEach((date, i) => {
        if (!isValidDate(date)) report(accept, 'error', 'invalid-date', { date }, source, 'knownChanges', i);
    });
    const names = new Set<string>();
    for (const column of source.columns) {
        if (names.has(column.name)) report(accept, 'error', 'duplicate-name', { name: column.name, kind: 'column' }, column, 'name');
        names.add(column.name);
    }
    const shape = source.shape;
    const dateColumns: Array<[AstNode, string, Column | undefined]> = [];
    if (isEventsShape(shape) || isSnapshotShape(shape)) dateColumns.push([shape, 'date', shape.date?.ref]);
    if (isEpisodesShape(shape)) {
        dateColumns.push([shape, 'start', shape.start?.ref], [shape, 'end', shape.end?.ref]);
        const end = shape.end?.ref;
        if (end && !end.optional) report(accept, 'warning', 'end-not-nullable', { name: end.name }, shape, 'end');
    }
    for (const [node, property, column] of dateColumns) {
        if (column?.type && column.type !== 'date') {
            report(accept, 'error', 'column-not-date', { name: column.name, type: column.type }, node, property);
        }
    }
    for (const property of ['coverageFrom', 'coverageTo'] as const) {
        const date = source[property];
        if (date && !isValidDate(date)) report(accept, 'error', 'invalid-date', { date }, source, property);
    }
}

const FILE_OPTIONS = [['format', 'format'], ['delimiter', 'delimiter'], ['decimal', 'decimal'], ['header', 'header'], ['nulls', 'nulls'], ['dateFormat', 'dateformat'], ['trim', 'trim']] as const;

/**
 * A table source (`from table "schema.name"`): a name PostgreSQL can hold (one dot at most, each part
 * 1 to 63 bytes, no NUL), and no option that only means something for a file.
 */
export function checkTableSource(source: Source, accept: ValidationAcceptor): void {
    // `source c table …` without `from "…"`: the parser reports it; there is no name to check here.
    if (!source.table || source.path === undefined) return;
    const parts = source.path.split('.');
    const bad = parts.length > 2 || parts.some(p => p.length === 0 || new TextEncoder().encode(p).length > 63 || p.includes('\0'));
    if (bad) report(accept, 'error', 'table-name-invalid', { table: source.path, source: source.name }, source, 'path');
    for (const [property, option] of FILE_OPTIONS) {
        const value = source[property];
        const written = property === 'trim' ? value === true : Array.isArray(value) ? value.length > 0 : value !== undefined;
        if (written) {
            report(accept, 'error', 'table-source-file-option', { option, source: source.name }, source, property);
        }
    }
}

export function checkNote(note: Note, accept: ValidationAcceptor): void {
    if (note.date !== undefined && !isValidDate(note.date)) report(accept, 'error', 'invalid-date', { date: note.date }, note, 'date');
}

export function checkDateLiteral(literal: DateLiteral, accept: ValidationAcceptor): void {
    if (!isValidDate(literal.value)) report(accept, 'error', 'invalid-date', { date: literal.value }, literal, 'value');
}

export function checkIndicatorProperties(indicator: Indicator, accept: ValidationAcceptor): void {
    checkDuplicateProperties(indicator, ['title', 'description', 'unit', 'value', 'grain', 'desired', 'decimals'], accept);
    if (!indicator.value) report(accept, 'error', 'missing-value', { name: indicator.name }, indicator, 'name');
    if (indicator.decimals !== undefined && indicator.decimals > MAX_DECIMALS) {
        report(accept, 'error', 'decimals-out-of-range', { decimals: indicator.decimals, max: MAX_DECIMALS }, indicator, 'decimals');
    }
}

export function checkTargetProperties(target: Target, accept: ValidationAcceptor): void {
    checkDuplicateProperties(target, ['baseline', 'tolerance'], accept);
}

/**
 * A dimension becomes a field of every output row (JSON key, CSV column) beside the fixed ones; one
 * named like a fixed field (`period`, `series`, …, in any case) would overwrite it, so it is refused.
 */
export function checkDimensionName(dimension: Dimension, accept: ValidationAcceptor): void {
    const name = dimension.name?.toLowerCase();
    if (name && (OUTPUT_FIELDS as readonly string[]).includes(name)) {
        report(accept, 'error', 'dimension-name-reserved', { name: dimension.name, fields: OUTPUT_FIELDS.join(', ') }, dimension, 'name');
    }
}
