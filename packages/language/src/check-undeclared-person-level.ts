/**
 * A heuristic for a snapshot or table that looks like one row per person but is not declared so:
 * the tool treats such a source as aggregated data, so its values print unprotected (attacks 5b and 6
 * of issue 14: `max leeftijd where id = "P7"`). It warns (`privacy-looks-person-level`) when a source
 * that is neither events, episodes nor declared `one row per person` has a key-like column (named like
 * `id`, `bsn`, `clientnummer`, `persoon_id`) and a measure or reference over it either selects one
 * value of that column (`where id = "P7"`) or takes the `min`/`max` of a column.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import {
    isColumnRef, isComparison, isLiteral, isMeasure, isReference, isValueAggregation,
    type Measure, type Model, type MonitorDecl, type Reference, type Source,
} from './generated/ast.js';
import { isPersonLevelSource } from './check-privacy.js';
import { report } from './check-structure.js';

/** Column names that identify a person (or a case file), in Dutch and English. */
const KEY_LIKE = /^(id|bsn|burgerservicenummer|(persoons?|personen|person|cli[eë]nt|client|klant|burger|inwoner|relatie|dossier)(_?(id|nummer|nr|number))?)$/i;

/** Whether the name looks like a person's key. */
export function keyLikeName(name: string): boolean {
    return KEY_LIKE.test(name);
}

/** A source the tool treats as aggregated data: not events, episodes or declared `one row per person`. */
function undeclared(source: Source | undefined): source is Source {
    return source !== undefined && !isPersonLevelSource(source);
}

/** The key-like column a read's `where` selects one value of (`id = "P7"`), if any. */
function selectedKey(read: Measure | Reference): string | null {
    if (!read.where) return null;
    for (const node of AstUtils.streamAst(read.where)) {
        if (!isComparison(node) || node.operator !== '=' || !node.right) continue;
        for (const [a, b] of [[node.left.base, node.right.base], [node.right.base, node.left.base]] as const) {
            if (isColumnRef(a) && !a.lookup && isLiteral(b) && a.column.ref && keyLikeName(a.column.ref.name)) return a.column.ref.name;
        }
    }
    return null;
}

/**
 * Warns once per source that looks person-level (see the file comment), on the first read that shows
 * it, unless the monitor publishes without disclosure control on purpose (`privacy none "reason"`).
 */
export function checkUndeclaredPersonLevel(model: Model, headerOf: () => MonitorDecl | undefined, accept: ValidationAcceptor): void {
    const warned = new Set<Source>();
    let header: MonitorDecl | undefined | null = null;
    for (const node of AstUtils.streamAst(model)) {
        if (!isMeasure(node) && !isReference(node)) continue;
        const source = node.source?.ref;
        if (!undeclared(source) || warned.has(source)) continue;
        const key = source.columns.find((c) => keyLikeName(c.name));
        if (!key) continue;
        const selected = selectedKey(node);
        const extreme = isMeasure(node) && isValueAggregation(node.aggregation) && (node.aggregation.function === 'min' || node.aggregation.function === 'max');
        if (!selected && !extreme) continue;
        header ??= headerOf() ?? undefined;
        if (header?.privacy?.none) return;
        warned.add(source);
        report(accept, 'warning', 'privacy-looks-person-level', { source: source.name, column: selected ?? key.name }, node, 'source');
    }
}
