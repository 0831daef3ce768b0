/**
 * A heuristic for a pre-aggregated count of people that is summed but not declared a count (attack 9
 * of issue 14: `sum clienten` over a CBS-style table published 3 clients while the monitor hides counts
 * under 10). A `sum` is a count to disclosure control only when its column is declared `integer count`
 * (or the source holds one row per person); otherwise it is published as an amount. This warns
 * (`privacy-sum-looks-count`) when a monitor with privacy rules publishes such a sum — an indicator's
 * value or a rate's numerator, not a denominator (a rate over a small denominator is hidden by
 * `denominator N`) — of a whole-number column named like a count of people.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import {
    isMeasure, isRate, isValueAggregation, type Model, type MonitorDecl, type Source,
} from './generated/ast.js';
import { isPersonLevelSource } from './check-privacy.js';
import { report } from './check-structure.js';

/** Column names that count people (or their cases), in Dutch and English. */
const COUNT_LIKE = /(aantal|cli[eë]nt|personen|persons|people|jongeren|jeugdigen|kinderen|inwoners|bewoners|huishoudens|deelnemers|leerlingen|aanvragen|meldingen|uitkeringen|gebruikers|cases)/i;

/** Whether a column name reads like a count of people. */
export function countLikeName(name: string): boolean {
    return COUNT_LIKE.test(name);
}

/** A source the tool treats as aggregated data: not events, episodes or declared `one row per person`. */
function aggregated(source: Source | undefined): source is Source {
    return source !== undefined && !isPersonLevelSource(source);
}

/** Warns once per column (see the file comment), at the first published sum of it. */
export function checkUndeclaredCounts(model: Model, headerOf: () => MonitorDecl | undefined, accept: ValidationAcceptor): void {
    const warned = new Set<string>();
    let header: MonitorDecl | undefined | null = null;
    for (const node of AstUtils.streamAst(model)) {
        if (!isMeasure(node) || !isValueAggregation(node.aggregation) || node.aggregation.function !== 'sum') continue;
        if (isRate(node.$container) && node.$containerProperty === 'denominator') continue;
        const ref = node.aggregation.column;
        const column = ref && !ref.lookup ? ref.column.ref : undefined;
        const source = node.source?.ref;
        if (!column || !aggregated(source) || column.type !== 'integer' || column.counts || !countLikeName(column.name)) continue;
        const key = `${source.name}.${column.name}`;
        if (warned.has(key)) continue;
        header ??= headerOf() ?? undefined;
        const privacy = header?.privacy;
        if (!privacy || privacy.none) return;
        warned.add(key);
        report(accept, 'warning', 'privacy-sum-looks-count', { source: source.name, column: column.name, minimum: privacy.minimum ?? 10 }, node.aggregation, 'column');
    }
}
