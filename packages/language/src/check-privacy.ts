/**
 * Checks of the privacy rules: a monitor over person-level data fails closed (it needs a `privacy`
 * block, or an explicit `privacy none "reason"`), a block states its minimum, and the rules are sound.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import {
    isEpisodesShape, isEventsShape, isMeasure, isReference, isValueAggregation,
    type Column, type Measure, type Model, type MonitorDecl, type Privacy, type Reference, type Source,
} from './generated/ast.js';
import { report } from './check-structure.js';

/** Whether one row of the source is about one person: events, episodes, or declared `one row per person`. */
export function isPersonLevelSource(source: Source | undefined): boolean {
    return source !== undefined && (isEventsShape(source.shape) || isEpisodesShape(source.shape) || source.perPerson);
}

/** The measures and references of a file that read person-level data, in text order. */
function personLevelReads(model: Model): (Measure | Reference)[] {
    const found: (Measure | Reference)[] = [];
    for (const node of AstUtils.streamAst(model)) {
        if ((isMeasure(node) || isReference(node)) && isPersonLevelSource(node.source?.ref)) found.push(node);
    }
    return found;
}

/**
 * The rules for reading person-level data, checked against the file's monitor header (here or imported):
 * - `privacy-missing`: no `privacy` block. Reported on the header when it is in this file, else on the
 *   first person-level source use.
 * - under privacy rules (not `privacy none`): `privacy-min-max-person`, a `min`/`max` of person-level
 *   rows is one person's value, and `privacy-reference-person-level`, a reference series over
 *   person-level rows prints their values unprotected (`where id = "P7" value leeftijd`).
 */
export function checkPersonLevelReads(model: Model, headerOf: () => MonitorDecl | undefined, accept: ValidationAcceptor): void {
    const reads = personLevelReads(model);
    if (reads.length === 0) return;
    const header = headerOf();
    if (!header) return;
    if (!header.privacy) {
        const source = reads[0].source.ref!.name;
        if (AstUtils.getDocument(header) === AstUtils.getDocument(model)) report(accept, 'error', 'privacy-missing', { source }, header, 'name');
        else report(accept, 'error', 'privacy-missing', { source }, reads[0], 'source');
        return;
    }
    if (header.privacy.none) return;
    for (const read of reads) {
        const source = read.source.ref!.name;
        if (isReference(read)) report(accept, 'error', 'privacy-reference-person-level', { source }, read, 'source');
        else if (isValueAggregation(read.aggregation) && (read.aggregation.function === 'min' || read.aggregation.function === 'max')) {
            report(accept, 'error', 'privacy-min-max-person', { fn: read.aggregation.function, source }, read.aggregation, 'function');
        }
    }
}

/**
 * A privacy block states its minimum (`privacy { round 5 }` must not mean minimum 0), a minimum of at
 * least 1 (`minimum 0` hides nothing, with or without `round 1`: use `privacy none "reason"`), at
 * least the rounding base, a denominator of at least the minimum, a dominance share between 1 and 99,
 * and `none` a reason.
 */
export function checkPrivacy(privacy: Privacy, accept: ValidationAcceptor): void {
    if (privacy.none) {
        if (!privacy.reason?.trim()) report(accept, 'error', 'privacy-none-needs-reason', {}, privacy, 'reason');
        return;
    }
    if (privacy.minimum === undefined) {
        report(accept, 'error', 'privacy-minimum-missing', { round: privacy.round ?? 1 }, privacy);
        return;
    }
    if (privacy.minimum < 1) {
        report(accept, 'error', 'privacy-minimum-zero', {}, privacy, 'minimum');
    } else if (privacy.round !== undefined && privacy.minimum < privacy.round) {
        report(accept, 'error', 'privacy-minimum-below-round', { minimum: privacy.minimum, round: privacy.round }, privacy, 'minimum');
    }
    if (privacy.denominator !== undefined && privacy.denominator < privacy.minimum) {
        report(accept, 'error', 'privacy-denominator-below-minimum', { denominator: privacy.denominator, minimum: privacy.minimum }, privacy, 'denominator');
    }
    if (privacy.dominance !== undefined && (privacy.dominance < 1 || privacy.dominance > 99)) {
        report(accept, 'error', 'privacy-dominance-range', { dominance: privacy.dominance }, privacy, 'dominance');
    }
}

/** `integer count`: only a whole-number column can hold counts of people. */
export function checkCountColumn(column: Column, accept: ValidationAcceptor): void {
    if (column.counts && column.type && column.type !== 'integer') report(accept, 'error', 'count-column-not-integer', { name: column.name, type: column.type }, column, 'type');
}
