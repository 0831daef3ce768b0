/** Which sources hold data about individual people: the rule disclosure control and validation share. */
import type { SourceIR } from './ir.js';

/**
 * Whether one row of the source is about one person (or one of their events or episodes): `events`,
 * `episodes`, and any source declared `one row per person`. Such data needs privacy rules, and
 * non-count values over it fall under the contributor and dominance rules.
 */
export function personLevel(source: Pick<SourceIR, 'shape' | 'perPerson'>): boolean {
    return source.shape.kind === 'events' || source.shape.kind === 'episodes' || source.perPerson === true;
}
