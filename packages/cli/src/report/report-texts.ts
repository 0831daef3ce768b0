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
    /** A value cell that disclosure control hid (not "< N": a cell hidden to protect another can hold N or more). */
    hidden: 'hidden',
    /** The parts of the privacy sentence (privacy-sentence.ts picks those that apply). */
    privacyRules: {
        noRules: 'This monitor declares no privacy rules.',
        none: (reason: string) => `Published without disclosure control on purpose (privacy none): ${reason}`,
        minimum: (minimum: number) => `A count below ${minimum}, before or after rounding, is hidden.`,
        round: (round: number) => `Shown counts are rounded to a multiple of ${round}; rates of counts are computed from the rounded counts.`,
        perturbed: (max: number) => `Before rounding, every count gets a small deterministic deviation of at most ${max} (the cell key method; zero on average), so cells need not add up to their total.`,
        denominator: (denominator: number) => `A rate is hidden when its denominator is below ${denominator}.`,
        dominance: (minimum: number, share: number) => `A value other than a count over data about individual people (a sum, an average, a median) is shown only when at least ${minimum} rows stand behind it, and a sum or average only when no single row is more than ${share}% of its total.`,
        secondary: (minimum: number) => `Further cells are hidden where a hidden count could otherwise be worked out from totals, other breakdowns, periods or indicators; such a cell can hold ${minimum} or more.`,
        expressions: 'A value computed from a hidden value is hidden.',
        shown: 'Hidden cells read “hidden”.',
    },
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
    hidden: 'verborgen',
    privacyRules: {
        noRules: 'Deze monitor heeft geen privacyregels.',
        none: reason => `Bewust gepubliceerd zonder onthullingscontrole (privacy none): ${reason}`,
        minimum: minimum => `Een aantal onder ${minimum}, vóór of na afronding, is verborgen.`,
        round: round => `Getoonde aantallen zijn afgerond op een veelvoud van ${round}; verhoudingen van aantallen zijn berekend uit de afgeronde aantallen.`,
        perturbed: max => `Vóór het afronden krijgt elk aantal een kleine vaste afwijking van ten hoogste ${max} (de celsleutelmethode; gemiddeld nul), dus cellen tellen niet altijd op tot hun totaal.`,
        denominator: denominator => `Een verhouding is verborgen als de noemer kleiner is dan ${denominator}.`,
        dominance: (minimum, share) => `Een waarde die geen aantal is over gegevens van individuele personen (een som, een gemiddelde, een mediaan) wordt alleen getoond als er ten minste ${minimum} rijen achter staan, en een som of gemiddelde alleen als geen enkele rij meer dan ${share}% van het totaal is.`,
        secondary: minimum => `Meer cellen zijn verborgen waar een verborgen aantal anders uit totalen, andere uitsplitsingen, perioden of indicatoren terug te rekenen is; zo’n cel kan ${minimum} of meer bevatten.`,
        expressions: 'Een waarde berekend uit een verborgen waarde is verborgen.',
        shown: 'Verborgen cellen tonen „verborgen”.',
    },
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
