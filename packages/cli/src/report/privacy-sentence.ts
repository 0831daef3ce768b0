/**
 * The report's privacy sentence: exactly the disclosure rules that apply to one monitor, and no more
 * (docs/privacy.md, "What the report and preview promise"). A rule is named only when the monitor has
 * a value it applies to: the denominator minimum only with a rate, the contributor and dominance rules
 * only with a non-count value over person-level rows, the cell key method only under `perturb`.
 */
import { countLike, overPersons, type MeasureIR, type ProgramIR } from '@monitor/ir';
import type { Locale } from '@monitor/language';
import { reportTexts } from './report-texts.js';

/** The measures of the monitor's own indicators (references are published data, not measures). */
function measures(program: ProgramIR): MeasureIR[] {
    return program.indicators.flatMap(i => i.value.kind === 'measure' ? [i.value.measure]
        : i.value.kind === 'rate' ? [i.value.numerator, i.value.denominator] : []);
}

/** The privacy sentence of a monitor in the report's language. */
export function privacySentence(program: ProgramIR, lang: Locale): string {
    const t = reportTexts(lang).privacyRules;
    const { privacy, privacyNone } = program.monitor;
    if (!privacy) return privacyNone !== undefined && privacyNone !== null ? t.none(privacyNone) : t.noRules;
    const all = measures(program);
    const parts = [t.minimum(privacy.minimum)];
    if (privacy.round > 1) parts.push(t.round(privacy.round));
    if (privacy.perturb) parts.push(t.perturbed(privacy.perturb.maxDeviation));
    if (program.indicators.some(i => i.value.kind === 'rate')) parts.push(t.denominator(privacy.denominator ?? privacy.minimum));
    // Exactly the values measure-disclosure.ts holds to the contributor and dominance rules.
    if (all.some(m => !m.isCount && overPersons(program, m))) parts.push(t.dominance(privacy.minimum, privacy.dominance ?? 50)); // 50: engine DEFAULT_DOMINANCE
    if (all.some(m => countLike(program, m))) parts.push(t.secondary(privacy.minimum));
    if (program.indicators.some(i => i.value.kind === 'expression')) parts.push(t.expressions);
    parts.push(t.shown);
    return parts.join(' ');
}
