/**
 * Column names as written in a `.monitor` file: a plain name (`WmoClienten`, or a keyword such as
 * `status` that the grammar's `Name` rule allows) stands as it is; any other header goes between
 * backticks (`` `WmoCliënten` ``, `` `Personen met jeugdzorg (aantal)` ``).
 */
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** Keywords that a column may be called without backticks (the `Name` rule of the grammar). */
const NAME_KEYWORDS = new Set([
    'status', 'start', 'end', 'key', 'value', 'title', 'description', 'unit', 'owner', 'format', 'header', 'table',
    'events', 'date', 'text', 'decimal', 'year', 'month', 'quarter', 'on', 'at', 'to', 'map', 'since',
]);

/** Every other keyword of the grammar: a column with such a name needs backticks. */
const RESERVED = new Set([
    'import', 'monitor', 'grain', 'range', 'privacy', 'minimum', 'round', 'source', 'from', 'delimiter', 'comma',
    'point', 'nulls', 'dateformat', 'coverage', 'columns', 'episodes', 'snapshot', 'valid', 'day', 'days', 'months',
    'years', 'integer', 'boolean', 'dimension', 'via', 'where', 'indicator', 'by', 'up', 'down', 'per', 'percent',
    'of', 'count', 'distinct', 'sum', 'avg', 'min', 'max', 'median', 'duration', 'transitions', 'active', 'during',
    'started', 'ended', 'having', 'within', 'or', 'and', 'not', 'in', 'between', 'is', 'missing', 'target', 'baseline',
    'tolerance', 'reference', 'note', 'true', 'false', 'half-year', 'csv', 'parquet', 'json', 'trim', 'coalesce',
]);

/** The name as it must be written in a `.monitor` file: bare when the grammar allows, else between backticks. */
export function quoteName(name: string): string {
    if (/^[_a-zA-Z]\w*$/.test(name) && (!RESERVED.has(name) || NAME_KEYWORDS.has(name))) return name;
    return `\`${name}\``;
}

/** True when `name` can be written between backticks (no backtick or line break in it). */
export function isQuotableName(name: string): boolean {
    return name.length > 0 && !/[`\r\n]/.test(name);
}

/** Langium's value converter plus the backtick names: `` `WmoCliënten` `` is the name `WmoCliënten`. */
export class MonitorValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'QUOTED_NAME') return input.slice(1, -1);
        return super.runConverter(rule, input, cstNode);
    }
}
