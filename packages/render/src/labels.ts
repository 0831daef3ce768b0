/** The few words the charts and the preview show, in English and Dutch. */
import type { Status } from '@monitor/ir';

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

/** Formats a number for people: at most two decimals, the language's separators. */
export function formatNumber(value: number | null, lang: Lang): string {
    if (value === null || !Number.isFinite(value)) return '–';
    return value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
}
