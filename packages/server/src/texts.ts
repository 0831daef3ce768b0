/** User-facing text of the language server (hover, code lenses, quick fixes) in English and Dutch. */
import type { Locale } from '@monitor/language';
import { MAX_DECIMALS, roundTo, type Status } from '@monitor/ir';

const EN = {
    latest: 'latest', latestValue: 'Latest value', status: 'Status', unit: 'Unit', target: 'Target',
    computing: 'being computed…', untrusted: 'not computed: the workspace is not trusted',
    noValue: 'no value yet', preview: 'Preview', definition: 'Definition',
    tooLarge: 'not computed: a data file has more rows than the setting monitor.engine.maxRows allows',
    timedOut: (s: number) => `not computed: it took longer than ${s} s (setting monitor.engine.timeoutSeconds)`,
    didYouMean: (s: string) => `Change to '${s}'`,
    declareColumn: (c: string, t: string, s: string) => `Declare column '${c}' (${t}) in source '${s}'`,
    createTarget: (i: string) => `Create a target for '${i}'`,
    addPrivacy: (rules: string) => `Add '${rules}'`,
    status_: { 'on-track': 'on track', 'within-tolerance': 'within tolerance', 'off-track': 'off track', 'no-target': 'no target', 'no-data': 'no data' } as Record<Status, string>,
    desired: { up: 'higher is better', down: 'lower is better' },
    tolerance: 'tolerance', baseline: 'baseline',
};

const NL: typeof EN = {
    latest: 'laatst', latestValue: 'Laatste waarde', status: 'Status', unit: 'Eenheid', target: 'Doel',
    computing: 'wordt berekend…', untrusted: 'niet berekend: de werkmap is niet vertrouwd',
    noValue: 'nog geen waarde', preview: 'Voorbeeld', definition: 'Definitie',
    tooLarge: 'niet berekend: een databestand heeft meer rijen dan de instelling monitor.engine.maxRows toestaat',
    timedOut: (s: number) => `niet berekend: het duurde langer dan ${s} s (instelling monitor.engine.timeoutSeconds)`,
    didYouMean: (s: string) => `Wijzig in '${s}'`,
    declareColumn: (c: string, t: string, s: string) => `Declareer kolom '${c}' (${t}) in bron '${s}'`,
    createTarget: (i: string) => `Maak een doel voor '${i}'`,
    addPrivacy: (rules: string) => `Voeg '${rules}' toe`,
    status_: { 'on-track': 'op koers', 'within-tolerance': 'binnen de marge', 'off-track': 'uit koers', 'no-target': 'geen doel', 'no-data': 'geen gegevens' },
    desired: { up: 'hoger is beter', down: 'lager is beter' },
    tolerance: 'marge', baseline: 'basis',
};

/** The texts for a locale. */
export function texts(locale: Locale): typeof EN {
    return locale === 'nl' ? NL : EN;
}

/**
 * A number as the locale writes it (7.9 / 7,9; 1,000 / 1.000): with `decimals` (an indicator's value)
 * exactly that many, rounded by the one rule of every output (`roundTo`); without, at most one.
 */
export function formatNumber(value: number, locale: Locale, decimals?: number): string {
    const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
    if (decimals === undefined) return new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value);
    const places = Math.max(0, Math.min(MAX_DECIMALS, decimals));
    return new Intl.NumberFormat(tag, { minimumFractionDigits: places, maximumFractionDigits: places }).format(roundTo(value, places));
}
