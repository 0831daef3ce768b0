/** The few words the charts and the preview show, in English and Dutch. */
import { MAX_DECIMALS, roundTo, type Status } from '@monitor/ir';

/** A UI language. */
export type Lang = 'en' | 'nl';

const STATUS: Record<Lang, Record<Status, string>> = {
    en: { 'on-track': 'on track', 'within-tolerance': 'within tolerance', 'off-track': 'off track', 'no-target': 'no target', 'no-data': 'no data' },
    nl: { 'on-track': 'op koers', 'within-tolerance': 'binnen marge', 'off-track': 'uit koers', 'no-target': 'geen doel', 'no-data': 'geen gegevens' },
};

const WORDS = {
    en: { target: 'target', hidden: 'hidden', provisional: 'provisional', total: 'total', value: 'value', note: 'note' },
    nl: { target: 'doel', hidden: 'verborgen', provisional: 'voorlopig', total: 'totaal', value: 'waarde', note: 'notitie' },
} as const;

/** The label of a status, e.g. `off track` / `uit koers`. */
export function statusLabel(status: Status, lang: Lang): string {
    return STATUS[lang][status];
}

/** A chart word in the given language. */
export function chartWord(word: keyof typeof WORDS.en, lang: Lang): string {
    return WORDS[lang][word];
}

/**
 * Formats a number for people with the language's separators. With `decimals` (an indicator's, see
 * `indicatorDecimals`) it shows exactly that many, rounded by the one rule of every output (`roundTo`);
 * without, at most two.
 */
export function formatNumber(value: number | null, lang: Lang, decimals?: number): string {
    if (value === null || !Number.isFinite(value)) return '–';
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
    if (decimals === undefined) return value.toLocaleString(locale, { maximumFractionDigits: 2 });
    const places = Math.max(0, Math.min(MAX_DECIMALS, decimals));
    return roundTo(value, places).toLocaleString(locale, { minimumFractionDigits: places, maximumFractionDigits: places });
}
