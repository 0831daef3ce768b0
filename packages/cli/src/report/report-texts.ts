/** The words of `monitor report` in English and Dutch. */
import type { Locale } from '@monitor/language';

const EN = {
    title: 'Monitor report',
    overview: 'Overview',
    indicator: 'Indicator',
    latest: 'Latest',
    period: 'Period',
    status: 'Status',
    noValue: 'No value yet',
    provisional: 'provisional',
    actual: 'actual',
    vsPrevious: (change: string, period: string) => `${change} vs ${period}`,
    vsBaseline: (change: string, baseline: string) => `${change} vs baseline ${baseline}`,
    definition: 'Definition',
    target: 'Target',
    noTarget: 'No target set.',
    desired: { up: 'higher is better', down: 'lower is better' },
    notes: 'Notes',
    references: 'Compared with',
    breakdown: (dimension: string) => `By ${dimension}`,
    table: 'Table of the values',
    tableBy: (dimension: string) => `Table by ${dimension}`,
    chartLabel: (name: string, status: string) => `Trend of ${name}, status ${status}`,
    columns: { period: 'Period', series: 'Series', value: 'Value', target: 'Target', status: 'Status', provisional: 'Provisional' },
    owner: 'Owner',
    file: 'File',
    privacy: (minimum: number, round: number) => `Counts below ${minimum} are hidden (shown as “< ${minimum}”); counts are rounded to a multiple of ${round}.`,
    noPrivacy: 'This monitor declares no privacy rules.',
    privacyNone: (reason: string) => `Published without disclosure control on purpose (privacy none): ${reason}`,
    perturbed: (max: number) => ` Before rounding, every count gets a small deterministic deviation of at most ${max} (the cell key method; zero on average), so cells need not add up to their total.`,
    generated: (version: string) => `Made with monitor ${version}.`,
    generatedAt: (version: string, at: string) => `Made with monitor ${version} on ${at}.`,
    noIndicators: 'This monitor has no indicators.',
};

const NL: typeof EN = {
    title: 'Monitorrapport',
    overview: 'Overzicht',
    indicator: 'Indicator',
    latest: 'Laatst',
    period: 'Periode',
    status: 'Status',
    noValue: 'Nog geen waarde',
    provisional: 'voorlopig',
    actual: 'werkelijk',
    vsPrevious: (change, period) => `${change} t.o.v. ${period}`,
    vsBaseline: (change, baseline) => `${change} t.o.v. basis ${baseline}`,
    definition: 'Definitie',
    target: 'Doel',
    noTarget: 'Er is geen doel gesteld.',
    desired: { up: 'hoger is beter', down: 'lager is beter' },
    notes: 'Notities',
    references: 'Vergeleken met',
    breakdown: dimension => `Per ${dimension}`,
    table: 'Tabel met de waarden',
    tableBy: dimension => `Tabel per ${dimension}`,
    chartLabel: (name, status) => `Verloop van ${name}, status ${status}`,
    columns: { period: 'Periode', series: 'Reeks', value: 'Waarde', target: 'Doel', status: 'Status', provisional: 'Voorlopig' },
    owner: 'Eigenaar',
    file: 'Bestand',
    privacy: (minimum, round) => `Aantallen onder ${minimum} zijn verborgen (getoond als „< ${minimum}”); aantallen zijn afgerond op een veelvoud van ${round}.`,
    noPrivacy: 'Deze monitor heeft geen privacyregels.',
    privacyNone: reason => `Bewust gepubliceerd zonder onthullingscontrole (privacy none): ${reason}`,
    perturbed: (max) => ` Vóór het afronden krijgt elk aantal een kleine vaste afwijking van ten hoogste ${max} (de celsleutelmethode; gemiddeld nul), dus cellen tellen niet altijd op tot hun totaal.`,
    generated: version => `Gemaakt met monitor ${version}.`,
    generatedAt: (version, at) => `Gemaakt met monitor ${version} op ${at}.`,
    noIndicators: 'Deze monitor heeft geen indicatoren.',
};

/** The report's texts. */
export type ReportTexts = typeof EN;

/** The report's texts for a language. */
export function reportTexts(lang: Locale): ReportTexts {
    return lang === 'nl' ? NL : EN;
}
