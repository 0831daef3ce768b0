/**
 * Column names as written in a `.monitor` file: a plain name (`WmoClienten`, or a keyword such as
 * `status` that the grammar's `Name` rule allows) stands as it is; any other header goes between
 * backticks (`` `WmoCliënten` ``, `` `Personen met jeugdzorg (aantal)` ``).
 */
import { AstUtils, DefaultValueConverter, GrammarAST, type CstNode, type ValueType } from 'langium';
import { MonitorGrammar } from './generated/grammar.js';

/** The grammar's keywords, and those the `Name` rule allows as a column name; read from the grammar once. */
let keywords: { all: Set<string>; names: Set<string> } | undefined;
function grammarKeywords(): { all: Set<string>; names: Set<string> } {
    if (!keywords) {
        const grammar = MonitorGrammar();
        const words = (node: GrammarAST.Grammar | GrammarAST.AbstractRule) =>
            new Set(AstUtils.streamAllContents(node).filter(GrammarAST.isKeyword).map(k => k.value));
        const nameRule = grammar.rules.find(r => r.name === 'Name');
        keywords = { all: words(grammar), names: nameRule ? words(nameRule) : new Set() };
    }
    return keywords;
}

/** The name as it must be written in a `.monitor` file: bare when the grammar allows, else between backticks. */
export function quoteName(name: string): string {
    const { all, names } = grammarKeywords();
    if (/^[_a-zA-Z]\w*$/.test(name) && (!all.has(name) || names.has(name))) return name;
    return `\`${name}\``;
}

/** Langium's value converter plus the backtick names: `` `WmoCliënten` `` is the name `WmoCliënten`. */
export class MonitorValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'QUOTED_NAME') return input.slice(1, -1);
        return super.runConverter(rule, input, cstNode);
    }
}
