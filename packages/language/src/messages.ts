/**
 * Every diagnostic the language reports, in English and Dutch, keyed by its issue code.
 * Quick fixes and tests match on the code, never on the text.
 */

/** A language for user-facing text. */
export type Locale = 'en' | 'nl';

let current: Locale = 'en';

/** Sets the language of diagnostics (the CLI's `--lang`, the editor's display language). */
export function setLocale(locale: Locale): void {
    current = locale;
}

/** The language diagnostics are currently written in. */
export function getLocale(): Locale {
    return current;
}

/** Picks a locale from a tag such as `nl-NL` or `en-US`; English when unknown. */
export function localeFromTag(tag: string | undefined): Locale {
    return tag?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

type Args = Record<string, string | number>;
type Text = (a: Args) => string;

/** Appends " Did you mean 'x'?" when there is a suggestion. */
function hint(a: Args, en: boolean): string {
    if (!a.suggestion) return '';
    return en ? ` Did you mean '${a.suggestion}'?` : ` Bedoelt u '${a.suggestion}'?`;
}

const TEXTS: Record<string, { en: Text; nl: Text }> = {
    'data-file-missing': {
        en: a => `The data file '${a.path}' of source '${a.source}' does not exist.${hint(a, true)} The path is relative to the .monitor file.`,
        nl: a => `Het databestand '${a.path}' van bron '${a.source}' bestaat niet.${hint(a, false)} Het pad is relatief ten opzichte van het .monitor-bestand.`,
    },
    'data-too-large': {
        en: a => `The data file '${a.path}' of source '${a.source}' has about ${a.rows} rows, more than the ${a.max} the editor computes on, so nothing is computed. Raise the setting 'monitor.engine.maxRows', or use 'monitor run' on the command line.`,
        nl: a => `Het databestand '${a.path}' van bron '${a.source}' heeft ongeveer ${a.rows} rijen, meer dan de ${a.max} waarmee de editor rekent, dus er wordt niets berekend. Verhoog de instelling 'monitor.engine.maxRows', of gebruik 'monitor run' op de opdrachtregel.`,
    },
    'data-timeout': {
        en: a => `Computing this monitor took longer than ${a.seconds} s and was stopped. Raise the setting 'monitor.engine.timeoutSeconds', use smaller data files, or use 'monitor run' on the command line.`,
        nl: a => `Het berekenen van deze monitor duurde langer dan ${a.seconds} s en is gestopt. Verhoog de instelling 'monitor.engine.timeoutSeconds', gebruik kleinere databestanden, of gebruik 'monitor run' op de opdrachtregel.`,
    },
    'data-path-absolute': {
        en: a => `The data path '${a.path}' of source '${a.source}' is absolute. Use a path relative to the .monitor file, inside the workspace.`,
        nl: a => `Het datapad '${a.path}' van bron '${a.source}' is absoluut. Gebruik een pad relatief ten opzichte van het .monitor-bestand, binnen de werkmap.`,
    },
    'data-path-outside': {
        en: a => `The data path '${a.path}' of source '${a.source}' leads outside the workspace (${a.root}). Move the file into the workspace.`,
        nl: a => `Het datapad '${a.path}' van bron '${a.source}' wijst buiten de werkmap (${a.root}). Zet het bestand in de werkmap.`,
    },
    'data-path-remote': {
        en: a => `Source '${a.source}' points at a web address ('${a.path}'); remote data is refused. Download the file into the workspace and point at it.`,
        nl: a => `Bron '${a.source}' wijst naar een webadres ('${a.path}'); externe data wordt geweigerd. Download het bestand naar de werkmap en verwijs daarnaar.`,
    },
    'unknown-source': {
        en: a => `There is no source named '${a.name}'.${hint(a, true)} Declare it with 'source ${a.name} from "…" { … }' or import the file that declares it.`,
        nl: a => `Er is geen bron met de naam '${a.name}'.${hint(a, false)} Declareer hem met 'source ${a.name} from "…" { … }' of importeer het bestand waarin hij staat.`,
    },
    'unknown-column': {
        en: a => `Source '${a.source}' has no column '${a.name}'.${hint(a, true)} Declare it under 'columns' of that source.`,
        nl: a => `Bron '${a.source}' heeft geen kolom '${a.name}'.${hint(a, false)} Declareer hem onder 'columns' van die bron.`,
    },
    'unknown-indicator': {
        en: a => `There is no indicator named '${a.name}'.${hint(a, true)}`,
        nl: a => `Er is geen indicator met de naam '${a.name}'.${hint(a, false)}`,
    },
    'unknown-dimension': {
        en: a => `There is no dimension named '${a.name}'.${hint(a, true)} Declare it with 'dimension ${a.name} { source.column }'.`,
        nl: a => `Er is geen dimensie met de naam '${a.name}'.${hint(a, false)} Declareer hem met 'dimension ${a.name} { bron.kolom }'.`,
    },
    'unknown-import': {
        en: a => `The imported file '${a.path}' does not exist. Check the path; it is relative to this file.`,
        nl: a => `Het geïmporteerde bestand '${a.path}' bestaat niet. Controleer het pad; het is relatief ten opzichte van dit bestand.`,
    },
    'duplicate-name': {
        en: a => `The name '${a.name}' is declared more than once as ${a.kind}. Give each one its own name.`,
        nl: a => `De naam '${a.name}' is meer dan eens gedeclareerd als ${a.kind}. Geef elk een eigen naam.`,
    },
    'duplicate-property': {
        en: a => `'${a.name}' is given more than once here; only the last one would count. Remove the extra one.`,
        nl: a => `'${a.name}' staat hier meer dan eens; alleen de laatste zou tellen. Verwijder de overbodige.`,
    },
    'missing-value': {
        en: a => `Indicator '${a.name}' has no 'value'. Say what it counts, e.g. 'value count from <source> active at end'.`,
        nl: a => `Indicator '${a.name}' heeft geen 'value'. Zeg wat hij telt, bijv. 'value count from <bron> active at end'.`,
    },
    'missing-monitor': {
        en: () => `This file has indicators but no 'monitor { … }' header. Add one with a title, grain and range.`,
        nl: () => `Dit bestand heeft indicatoren maar geen kop 'monitor { … }'. Voeg er een toe met titel, grain en range.`,
    },
    'nul-in-text': {
        en: () => `This text contains a NUL character (\\0), which no data file or code list can hold. Remove it.`,
        nl: () => `Deze tekst bevat een NUL-teken (\\0), dat geen databestand of codelijst kan bevatten. Verwijder het.`,
    },
    'missing-range': {
        en: () => `The monitor has no 'range'. Add the periods it covers, e.g. 'range 2019-Q1 .. 2026-Q4'.`,
        nl: () => `De monitor heeft geen 'range'. Voeg de periodes toe die hij beslaat, bijv. 'range 2019-Q1 .. 2026-Q4'.`,
    },
    'duplicate-monitor': {
        en: () => `Only one 'monitor' header is allowed per file. Remove this one.`,
        nl: () => `Per bestand is maar één kop 'monitor' toegestaan. Verwijder deze.`,
    },
    'missing-shape': {
        en: a => `Source '${a.name}' does not say what a row is. Add 'events on <date>', 'episodes start <date> end <date> key <id>', 'snapshot at <date>' or 'table'.`,
        nl: a => `Bron '${a.name}' zegt niet wat een rij is. Voeg 'events on <datum>', 'episodes start <datum> end <datum> key <id>', 'snapshot at <datum>' of 'table' toe.`,
    },
    'column-not-date': {
        en: a => `Column '${a.name}' is used as a date here but is declared as ${a.type}. Declare it as 'date'.`,
        nl: a => `Kolom '${a.name}' wordt hier als datum gebruikt maar is gedeclareerd als ${a.type}. Declareer hem als 'date'.`,
    },
    'column-not-numeric': {
        en: a => `'${a.fn}' needs a number, but column '${a.name}' is ${a.type}. Use a column declared as integer or decimal.`,
        nl: a => `'${a.fn}' heeft een getal nodig, maar kolom '${a.name}' is ${a.type}. Gebruik een kolom van type integer of decimal.`,
    },
    'end-not-nullable': {
        en: a => `The end column '${a.name}' is not nullable, so open episodes (no end date yet) would be rejected. Declare it as 'date?'.`,
        nl: a => `De eindkolom '${a.name}' mag niet leeg zijn, dus lopende trajecten (nog zonder einddatum) worden afgewezen. Declareer hem als 'date?'.`,
    },
    'time-meaning-needs-episodes': {
        en: a => `'${a.meaning}' only applies to episodes, and source '${a.source}' is ${a.shape}. Remove it or use an episodes source.`,
        nl: a => `'${a.meaning}' geldt alleen voor episodes, en bron '${a.source}' is ${a.shape}. Verwijder het of gebruik een bron met episodes.`,
    },
    'episodes-need-time-meaning': {
        en: a => `Counting episodes of '${a.source}' needs a time meaning. Add 'active at end', 'active during', 'started' or 'ended'.`,
        nl: a => `Het tellen van episodes van '${a.source}' vraagt een tijdsbetekenis. Voeg 'active at end', 'active during', 'started' of 'ended' toe.`,
    },
    'duration-needs-ended': {
        en: () => `A duration is measured over episodes that ended in the period. Use an episodes source with 'ended'.`,
        nl: () => `Een duur wordt gemeten over trajecten die in de periode eindigden. Gebruik een bron met episodes en 'ended'.`,
    },
    'transition-needs-episodes': {
        en: a => `Transitions follow episodes, and source '${a.source}' is ${a.shape}. Use an episodes source.`,
        nl: a => `Overgangen volgen trajecten, en bron '${a.source}' is ${a.shape}. Gebruik een bron met episodes.`,
    },
    'transition-time-meaning': {
        en: a => `A transition counts episodes that end in the period, so '${a.meaning}' does not apply. Write 'ended' or leave the time meaning out.`,
        nl: a => `Een overgang telt trajecten die in de periode eindigen, dus '${a.meaning}' past hier niet. Schrijf 'ended' of laat de tijdsbetekenis weg.`,
    },
    'transition-incomplete': {
        en: () => `A transition needs both 'to where …' and 'within N days'. Example: 'transitions from bw where soort = "bw" to where soort = "ambulant" within 90 days'.`,
        nl: () => `Een overgang heeft zowel 'to where …' als 'within N days' nodig. Voorbeeld: 'transitions from bw where soort = "bw" to where soort = "ambulant" within 90 days'.`,
    },
    'transition-clause-misplaced': {
        en: () => `'to where … within N days' belongs to 'transitions'. Start the measure with 'transitions' or remove this clause.`,
        nl: () => `'to where … within N days' hoort bij 'transitions'. Begin de maat met 'transitions' of verwijder deze toevoeging.`,
    },
    'stacking-needs-episodes': {
        en: a => `'having distinct' counts provisions at the same time per client and needs an episodes source; '${a.source}' is ${a.shape}.`,
        nl: a => `'having distinct' telt voorzieningen tegelijk per cliënt en heeft een bron met episodes nodig; '${a.source}' is ${a.shape}.`,
    },
    'stacking-time-meaning': {
        en: () => `Stacking is measured 'active at end' or 'active during'. Use one of those.`,
        nl: () => `Stapeling wordt gemeten met 'active at end' of 'active during'. Gebruik een van die twee.`,
    },
    'lookup-needs-table-key': {
        en: a => `'via ${a.source}' looks values up by key, but '${a.source}' is not a 'table key <column>' source. Declare it as 'table key <column>'.`,
        nl: a => `'via ${a.source}' zoekt waarden op via een sleutel, maar '${a.source}' is geen bron 'table key <kolom>'. Declareer hem als 'table key <kolom>'.`,
    },
    'breakdown-not-in-source': {
        en: a => `Breakdown '${a.dimension}' has no column in source '${a.source}'. Add '${a.source}.<column>' to dimension '${a.dimension}', or remove the breakdown.`,
        nl: a => `Uitsplitsing '${a.dimension}' heeft geen kolom in bron '${a.source}'. Voeg '${a.source}.<kolom>' toe aan dimensie '${a.dimension}', of verwijder de uitsplitsing.`,
    },
    'breakdown-on-expression': {
        en: a => `Breakdown '${a.dimension}' is not available in indicator '${a.indicator}' that this expression uses. Add the same 'by' there.`,
        nl: a => `Uitsplitsing '${a.dimension}' ontbreekt in indicator '${a.indicator}' die deze formule gebruikt. Voeg daar dezelfde 'by' toe.`,
    },
    'indicator-cycle': {
        en: a => `Indicator '${a.name}' depends on itself (${a.path}). Break the cycle.`,
        nl: a => `Indicator '${a.name}' hangt van zichzelf af (${a.path}). Doorbreek de kring.`,
    },
    'invalid-period': {
        en: a => `'${a.label}' is not a period. Write 2024, 2024-H1, 2024-Q3 or 2024-07.`,
        nl: a => `'${a.label}' is geen periode. Schrijf 2024, 2024-H1, 2024-Q3 of 2024-07.`,
    },
    'invalid-date': {
        en: a => `'${a.date}' is not a calendar date. Write an existing date as YYYY-MM-DD.`,
        nl: a => `'${a.date}' is geen bestaande datum. Schrijf een bestaande datum als JJJJ-MM-DD.`,
    },
    'range-reversed': {
        en: a => `The range starts at ${a.from}, after its end ${a.to}. Swap them.`,
        nl: a => `Het bereik begint op ${a.from}, na het einde ${a.to}. Draai ze om.`,
    },
    'period-finer-than-grain': {
        en: a => `Period ${a.label} is finer than the grain '${a.grain}' of '${a.name}'. Use a period of grain '${a.grain}' or coarser.`,
        nl: a => `Periode ${a.label} is fijner dan de grain '${a.grain}' van '${a.name}'. Gebruik een periode met grain '${a.grain}' of grover.`,
    },
    'target-outside-range': {
        en: a => `Target period ${a.label} lies outside the monitor's range ${a.from} .. ${a.to}. Move it inside the range or widen the range.`,
        nl: a => `Doelperiode ${a.label} valt buiten het bereik van de monitor ${a.from} .. ${a.to}. Verplaats hem binnen het bereik of verruim het bereik.`,
    },
    'baseline-after-target': {
        en: a => `The baseline ${a.baseline} does not lie before target period ${a.label}. A trajectory runs from the baseline forward.`,
        nl: a => `De nulmeting ${a.baseline} ligt niet vóór doelperiode ${a.label}. Een traject loopt vanaf de nulmeting vooruit.`,
    },
    'relative-target-needs-baseline': {
        en: a => `Target ${a.label} is relative or a direction, so it needs a baseline. Add 'baseline <period>'.`,
        nl: a => `Doel ${a.label} is relatief of een richting en heeft dus een nulmeting nodig. Voeg 'baseline <periode>' toe.`,
    },
    'target-contradicts-desired': {
        en: a => `Target ${a.label} asks the value to go ${a.direction}, but indicator '${a.name}' is 'desired ${a.desired}'. Fix the target or the desired direction.`,
        nl: a => `Doel ${a.label} vraagt dat de waarde ${a.direction === 'up' ? 'stijgt' : 'daalt'}, maar indicator '${a.name}' heeft 'desired ${a.desired}'. Pas het doel of de gewenste richting aan.`,
    },
    'duplicate-target': {
        en: a => `Indicator '${a.name}' has more than one target block. Put all its target points in one block.`,
        nl: a => `Indicator '${a.name}' heeft meer dan één doelblok. Zet alle doelpunten in één blok.`,
    },
    'target-needs-desired': {
        en: a => `Indicator '${a.name}' has a target but no 'desired up|down'. Say which direction is good.`,
        nl: a => `Indicator '${a.name}' heeft een doel maar geen 'desired up|down'. Zeg welke richting goed is.`,
    },
    'privacy-minimum-below-round': {
        en: a => `The privacy minimum ${a.minimum} is below the rounding base ${a.round}; a rounded count could then reveal a hidden one. Use a minimum of at least ${a.round}.`,
        nl: a => `Het privacyminimum ${a.minimum} ligt onder de afrondingsbasis ${a.round}; een afgerond aantal kan dan een verborgen aantal verraden. Gebruik een minimum van ten minste ${a.round}.`,
    },
    'privacy-perturb-max': {
        en: a => `The maximum deviation of the cell key method is ${a.max}; it must be from 1 to ${a.most}. Use 'perturb cellkey max 2' unless you have a reason for more noise.`,
        nl: a => `De maximale afwijking van de celsleutelmethode is ${a.max}; die moet van 1 tot en met ${a.most} zijn. Gebruik 'perturb cellkey max 2', tenzij u reden hebt voor meer ruis.`,
    },
    'privacy-perturb-variance': {
        en: a => `A variance of ${a.variance} is not possible with a maximum deviation of ${a.max}: it must be above 0 and at most ${a.most}. Lower the variance or raise 'max'.`,
        nl: a => `Een variantie van ${a.variance} kan niet bij een maximale afwijking van ${a.max}: die moet boven 0 liggen en ten hoogste ${a.most} zijn. Verlaag de variantie of verhoog 'max'.`,
    },
    'privacy-cellkey-secret-missing': {
        en: a => `This monitor perturbs counts with the cell key method, but the environment variable ${a.variable} holding its secret key is not set, so no count can be published. Set ${a.variable} to the secret your organisation keeps for these publications (at least ${a.length} characters; never put it in the .monitor file).`,
        nl: a => `Deze monitor verstoort aantallen met de celsleutelmethode, maar de omgevingsvariabele ${a.variable} met de geheime sleutel is niet gezet, dus kan geen aantal gepubliceerd worden. Zet ${a.variable} op het geheim dat uw organisatie voor deze publicaties bewaart (ten minste ${a.length} tekens; zet het nooit in het .monitor-bestand).`,
    },
    'privacy-cellkey-secret-short': {
        en: a => `The secret key in ${a.variable} has ${a.actual} characters; the cell key method needs at least ${a.length}, or a reader could try every key. Use a long random secret (for example 32 random characters).`,
        nl: a => `De geheime sleutel in ${a.variable} heeft ${a.actual} tekens; de celsleutelmethode heeft er ten minste ${a.length} nodig, anders kan een lezer elke sleutel proberen. Gebruik een lang willekeurig geheim (bijvoorbeeld 32 willekeurige tekens).`,
    },
    'literal-type-mismatch': {
        en: a => `Column '${a.name}' is ${a.type}, but it is compared with ${a.literal}. Compare it with a ${a.type} value.`,
        nl: a => `Kolom '${a.name}' is ${a.type}, maar wordt vergeleken met ${a.literal}. Vergelijk hem met een waarde van type ${a.type}.`,
    },
    'unsupported-format': {
        en: a => `Format '${a.format}' is not supported yet by the embedded engine. Convert the file to CSV.`,
        nl: a => `Formaat '${a.format}' wordt nog niet ondersteund door de ingebouwde engine. Zet het bestand om naar CSV.`,
    },
    'shift-needs-date': {
        en: a => `'${a.name}' is shifted by ${a.unit}, which only works on dates, but it is ${a.type}.`,
        nl: a => `'${a.name}' wordt verschoven met ${a.unit}, wat alleen op datums werkt, maar hij is ${a.type}.`,
    },
    'mapping-needs-table': {
        en: a => `A dimension mapping needs a lookup table, but source '${a.source}' is not a 'table' source. Declare the mapping file as 'table' with the old and new codes as columns.`,
        nl: a => `Een dimensie-omzetting heeft een opzoektabel nodig, maar bron '${a.source}' is geen 'table'-bron. Declareer het omzettingsbestand als 'table' met de oude en nieuwe codes als kolommen.`,
    },
    'mapping-same-column': {
        en: a => `The mapping translates column '${a.name}' into itself, so it changes nothing. Name the column with the new codes after 'to'.`,
        nl: a => `De omzetting vertaalt kolom '${a.name}' naar zichzelf en verandert dus niets. Noem na 'to' de kolom met de nieuwe codes.`,
    },
    'reference-series-reserved': {
        en: () => `The series name 'actual' is reserved for the monitor's own values. Name the reference after what it shows, e.g. "Nederland".`,
        nl: () => `De reeksnaam 'actual' is gereserveerd voor de eigen waarden van de monitor. Noem de referentie naar wat hij toont, bijvoorbeeld "Nederland".`,
    },
    'reference-series-duplicate': {
        en: a => `Indicator '${a.name}' already has a reference "${a.series}"; two series with one name cannot be told apart. Give each reference its own name.`,
        nl: a => `Indicator '${a.name}' heeft al een referentie "${a.series}"; twee reeksen met één naam zijn niet uit elkaar te houden. Geef elke referentie een eigen naam.`,
    },
    'reference-unit-mismatch': {
        en: a => `Reference "${a.series}" is in '${a.unit}', but indicator '${a.name}' is in '${a.own}'; the two cannot be compared on one axis. Use a reference column in '${a.own}'.`,
        nl: a => `Referentie "${a.series}" is in '${a.unit}', maar indicator '${a.name}' is in '${a.own}'; die zijn niet op één as te vergelijken. Gebruik een referentiekolom in '${a.own}'.`,
    },
    'transition-share-denominator': {
        en: a => `A share of transitions should be divided by the same episodes that ended: 'count from ${a.source} ended' with the same 'where' (and 'distinct' when the transitions use it). Otherwise the percentage can pass 100.`,
        nl: a => `Een aandeel overgangen hoort gedeeld te worden door dezelfde beëindigde episodes: 'count from ${a.source} ended' met dezelfde 'where' (en 'distinct' als de overgangen dat gebruiken). Anders kan het percentage boven 100 uitkomen.`,
    },
    'stacking-min-too-low': {
        en: a => `'having distinct … >= ${a.min}' holds for every client, so nothing is stacked. Stacking means at least 2 provisions at once.`,
        nl: a => `'having distinct … >= ${a.min}' geldt voor elke cliënt, dus er is geen stapeling. Stapeling betekent ten minste 2 voorzieningen tegelijk.`,
    },
};

/** The message for an issue code in the current locale. */
export function message(code: string, args: Args = {}, locale: Locale = current): string {
    const text = TEXTS[code];
    return text ? text[locale](args) : code;
}

/** All issue codes that have messages (tests check each has a trigger). */
export function knownCodes(): string[] {
    return Object.keys(TEXTS);
}
