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

/** A whole number as the locale writes it (1,000,000 or 1.000.000). */
function num(value: string | number | undefined, locale: Locale): string {
    return Number(value).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-US');
}
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
    'data-engine-unavailable': {
        en: () => "Native DuckDB cannot start here, and the setting 'monitor.engine.duckdb' asks for it: nothing is computed. Set it to 'auto' (native DuckDB where it loads, else the built-in DuckDB-WASM) or to 'wasm'.",
        nl: () => "Native DuckDB kan hier niet starten, en de instelling 'monitor.engine.duckdb' vraagt erom: er wordt niets berekend. Zet haar op 'auto' (native DuckDB waar die laadt, anders de ingebouwde DuckDB-WASM) of op 'wasm'.",
    },
    'data-wasm-unavailable': {
        en: a => `DuckDB-WASM cannot start: its file ${a.file} could not be unpacked into ${a.folder} (${a.reason}), so nothing is computed. Free disk space or make that folder writable (or set MONITOR_WASM_CACHE to a writable folder for a server started by hand), then restart the language server.`,
        nl: a => `DuckDB-WASM kan niet starten: het bestand ${a.file} kon niet worden uitgepakt in ${a.folder} (${a.reason}), dus er wordt niets berekend. Maak schijfruimte vrij of maak die map beschrijfbaar (of zet MONITOR_WASM_CACHE op een beschrijfbare map voor een met de hand gestarte server), en start de taalserver daarna opnieuw.`,
    },
    'data-pg-client-unavailable': {
        en: () => "Every source of this monitor is a database table and a PostgreSQL connection is configured, but the PostgreSQL client (pg) is not part of this install of the editor: nothing is computed. Use 'monitor check --engine postgres' on the command line, or run the language server from an install with its node_modules ('monitor lsp').",
        nl: () => "Elke bron van deze monitor is een databasetabel en er is een PostgreSQL-verbinding ingesteld, maar de PostgreSQL-client (pg) hoort niet bij deze installatie van de editor: er wordt niets berekend. Gebruik 'monitor check --engine postgres' op de opdrachtregel, of start de taalserver uit een installatie met zijn node_modules ('monitor lsp').",
    },
    'data-path-absolute': {
        en: a => `The data path '${a.path}' of source '${a.source}' is absolute. Use a path relative to the .monitor file, inside the workspace.`,
        nl: a => `Het datapad '${a.path}' van bron '${a.source}' is absoluut. Gebruik een pad relatief ten opzichte van het .monitor-bestand, binnen de werkmap.`,
    },
    'data-path-outside': {
        en: a => `The data path '${a.path}' of source '${a.source}' leads outside the workspace (${a.root}). Move the file into the workspace.`,
        nl: a => `Het datapad '${a.path}' van bron '${a.source}' wijst buiten de werkmap (${a.root}). Zet het bestand in de werkmap.`,
    },
    'data-path-not-file': {
        en: a => `The data path '${a.path}' of source '${a.source}' is not a regular file (a folder, device or pipe), so it is not read. Point at a CSV or Parquet file.`,
        nl: a => `Het datapad '${a.path}' van bron '${a.source}' is geen gewoon bestand (een map, apparaat of pipe) en wordt dus niet gelezen. Verwijs naar een CSV- of Parquet-bestand.`,
    },
    'data-path-remote': {
        en: a => `Source '${a.source}' points at a web address ('${a.path}'); remote data is refused. Download the file into the workspace and point at it.`,
        nl: a => `Bron '${a.source}' wijst naar een webadres ('${a.path}'); externe data wordt geweigerd. Download het bestand naar de werkmap en verwijs daarnaar.`,
    },
    'backtick-name': {
        en: a => `Backticks are for column names only; write this name without them: '${a.suggestion}' instead of '${a.name}'. A monitor, source, dimension or indicator name consists of letters, digits and '_'.`,
        nl: a => `Backticks zijn alleen voor kolomnamen; schrijf deze naam zonder: '${a.suggestion}' in plaats van '${a.name}'. Een naam van een monitor, bron, dimensie of indicator bestaat uit letters, cijfers en '_'.`,
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
    'import-outside-root': {
        en: a => `The import '${a.path}' leads outside the workspace (${a.root}), directly or through a symlink, so it is not read. Copy the file into the workspace, or widen the workspace with --root.`,
        nl: a => `De import '${a.path}' wijst buiten de werkmap (${a.root}), direct of via een symbolische koppeling, en wordt dus niet gelezen. Kopieer het bestand naar de werkmap, of maak de werkmap ruimer met --root.`,
    },
    'import-not-file': {
        en: a => `The import '${a.path}' is not a regular file (a folder, device or pipe), so it is not read. Import a .monitor file.`,
        nl: a => `De import '${a.path}' is geen gewoon bestand (een map, apparaat of pipe) en wordt dus niet gelezen. Importeer een .monitor-bestand.`,
    },
    'import-too-large': {
        en: a => `The import '${a.path}' is ${a.size} bytes, more than the ${a.max} an imported .monitor file may have, so it is not read. Split it into smaller files.`,
        nl: a => `De import '${a.path}' is ${a.size} bytes, meer dan de ${a.max} die een geïmporteerd .monitor-bestand mag hebben, en wordt dus niet gelezen. Verdeel het over kleinere bestanden.`,
    },
    'dimension-name-reserved': {
        en: a => `A dimension cannot be named '${a.name}': every output row already has a field of that name (${a.fields}), which it would overwrite in CSV and JSON. Give the dimension another name.`,
        nl: a => `Een dimensie kan niet '${a.name}' heten: elke uitvoerrij heeft al een veld met die naam (${a.fields}), dat ze in CSV en JSON zou overschrijven. Geef de dimensie een andere naam.`,
    },
    'too-many-periods': {
        en: a => `This range holds ${a.periods} periods by ${a.grain}, more than the ${a.max} a monitor may compute. Shorten the range or use a coarser grain.`,
        nl: a => `Deze range bevat ${a.periods} perioden per ${a.grain}, meer dan de ${a.max} die een monitor mag berekenen. Maak de range korter of gebruik een grovere grain.`,
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
    'privacy-missing': {
        en: a => `This monitor reads person-level data (source '${a.source}') but has no privacy rules, so every count would be published as it is. Add 'privacy { minimum 10  round 5 }' to the monitor header, or, for data that is already public, 'privacy none "reason"'.`,
        nl: a => `Deze monitor leest gegevens over personen (bron '${a.source}') maar heeft geen privacyregels, dus elk aantal zou onbewerkt worden gepubliceerd. Voeg 'privacy { minimum 10  round 5 }' toe aan de monitorkop, of, voor gegevens die al openbaar zijn, 'privacy none "reden"'.`,
    },
    'privacy-minimum-missing': {
        en: a => `A privacy block needs a minimum: without one no count would be hidden. Add 'minimum ${Math.max(10, Number(a.round))}'.`,
        nl: a => `Een privacyblok heeft een minimum nodig: zonder minimum wordt geen enkel aantal verborgen. Voeg 'minimum ${Math.max(10, Number(a.round))}' toe.`,
    },
    'privacy-minimum-zero': {
        en: () => `A privacy minimum of 0 hides nothing. Use a minimum of at least 1 (10 is usual), or write 'privacy none "reason"' to publish without disclosure control on purpose.`,
        nl: () => `Een privacyminimum van 0 verbergt niets. Gebruik een minimum van ten minste 1 (10 is gebruikelijk), of schrijf 'privacy none "reden"' om bewust zonder onthullingscontrole te publiceren.`,
    },
    'privacy-none-needs-reason': {
        en: () => `'privacy none' needs a reason, shown in the report (for example "public CBS figures"). Write why this data may be published as it is.`,
        nl: () => `'privacy none' heeft een reden nodig, die in het rapport staat (bijvoorbeeld "openbare CBS-cijfers"). Schrijf waarom deze gegevens onbewerkt gepubliceerd mogen worden.`,
    },
    'privacy-denominator-below-minimum': {
        en: a => `The minimum denominator ${a.denominator} is below the minimum ${a.minimum}; a rate's denominator is a count, already hidden below ${a.minimum}. Use at least ${a.minimum}.`,
        nl: a => `De minimale noemer ${a.denominator} ligt onder het minimum ${a.minimum}; de noemer van een verhouding is een aantal en wordt onder ${a.minimum} al verborgen. Gebruik ten minste ${a.minimum}.`,
    },
    'privacy-dominance-range': {
        en: a => `A dominance share of ${a.dominance}% cannot work: it must lie between 1 and 99 (50 is usual).`,
        nl: a => `Een dominantieaandeel van ${a.dominance}% werkt niet: het moet tussen 1 en 99 liggen (50 is gebruikelijk).`,
    },
    'privacy-min-max-person': {
        en: a => `'${a.fn}' of person-level rows (source '${a.source}') is one person's own value, which privacy rules cannot protect. Use 'median' or 'avg' (shown only with enough rows behind them), or a count with a condition.`,
        nl: a => `'${a.fn}' over rijen per persoon (bron '${a.source}') is de waarde van één persoon, die privacyregels niet kunnen beschermen. Gebruik 'median' of 'avg' (alleen getoond met genoeg rijen erachter), of een telling met een voorwaarde.`,
    },
    'privacy-looks-person-level': {
        en: a => `Source '${a.source}' looks like one row per person (a key column '${a.column}', read here one person or one extreme at a time), but it is not declared so: its values are published without the privacy rules for people. If each row is one person, add 'one row per person' to the source; if it is aggregated data, rename the column or ignore this warning.`,
        nl: a => `Bron '${a.source}' lijkt één rij per persoon te bevatten (een sleutelkolom '${a.column}', hier per persoon of als uiterste waarde gelezen), maar is niet zo gedeclareerd: de waarden worden gepubliceerd zonder de privacyregels voor personen. Is elke rij één persoon, voeg dan 'one row per person' toe aan de bron; zijn het geaggregeerde gegevens, hernoem de kolom of negeer deze waarschuwing.`,
    },
    'privacy-sum-looks-count': {
        en: a => `'${a.column}' of source '${a.source}' reads like a count of people, but it is summed as an amount: a sum of, say, 3 is published although this monitor hides counts under ${a.minimum}. If it counts people, declare it '${a.column} integer count' under 'columns' of that source, so its sums are counts to the privacy rules; if it is an amount, ignore this warning.`,
        nl: a => `'${a.column}' van bron '${a.source}' lijkt een aantal personen, maar wordt opgeteld als bedrag: een som van bijvoorbeeld 3 wordt gepubliceerd, hoewel deze monitor aantallen onder ${a.minimum} verbergt. Telt de kolom personen, declareer hem dan als '${a.column} integer count' onder 'columns' van die bron, zodat de privacyregels de som als aantal behandelen; is het een bedrag, negeer deze waarschuwing dan.`,
    },
    'privacy-reference-person-level': {
        en: a => `A reference series reads its values as they are, but source '${a.source}' holds person-level rows: it could print one person's value. Compare with aggregated data (a table or snapshot of counts), or make it an indicator.`,
        nl: a => `Een vergelijkingsreeks leest de waarden zoals ze zijn, maar bron '${a.source}' bevat rijen per persoon: hij kan de waarde van één persoon tonen. Vergelijk met geaggregeerde gegevens (een tabel of peiling van aantallen), of maak er een indicator van.`,
    },
    'count-column-not-integer': {
        en: a => `Column '${a.name}' is declared as a count of people but is ${a.type}. A count column must be 'integer count'.`,
        nl: a => `Kolom '${a.name}' is gedeclareerd als aantal personen maar is ${a.type}. Een aantalkolom moet 'integer count' zijn.`,
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
        en: a => `'${a.name}' is ${a.type}, but it is compared with ${a.literal}, which the engine cannot compare. Compare it with a ${a.type} value.`,
        nl: a => `'${a.name}' is ${a.type}, maar wordt vergeleken met ${a.literal}, wat de rekenmachine niet kan vergelijken. Vergelijk hem met een waarde van type ${a.type}.`,
    },
    'comparison-type-mismatch': {
        en: a => `'${a.left}' is ${a.leftType} but '${a.right}' is ${a.rightType}; values of these types cannot be compared. Compare columns of one type (integer and decimal count as one).`,
        nl: a => `'${a.left}' is ${a.leftType} maar '${a.right}' is ${a.rightType}; waarden van deze typen zijn niet te vergelijken. Vergelijk kolommen van één type (integer en decimal tellen als één).`,
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
    'names-needs-table': {
        en: a => `'names via' reads one name per code from a lookup table, but source '${a.source}' is not a 'table key <code>' source. Declare the names file as 'table key <code column>'.`,
        nl: a => `'names via' leest per code één naam uit een opzoektabel, maar bron '${a.source}' is geen 'table key <code>'-bron. Declareer het namenbestand als 'table key <codekolom>'.`,
    },
    'levels-needs-total': {
        en: a => `'levels ${a.name}' needs the value of the rows that hold the total, e.g. 'levels ${a.name} { total "Gemeente"  cells "Wijk" }'.`,
        nl: a => `'levels ${a.name}' heeft de waarde nodig van de rijen met het totaal, bijvoorbeeld 'levels ${a.name} { total "Gemeente"  cells "Wijk" }'.`,
    },
    'levels-same-value': {
        en: a => `"${a.value}" cannot be both the total level and the cell level; name the level of the breakdown rows after 'cells'.`,
        nl: a => `"${a.value}" kan niet tegelijk het totaalniveau en het celniveau zijn; noem na 'cells' het niveau van de uitsplitsingsrijen.`,
    },
    'data-levels-summed': {
        en: a => `This sums rows of several levels of source '${a.source}': column '${a.column}' holds ${a.levels} rows, so the municipality and its wijken (or a "Totaal" and its parts) are counted twice. Declare the levels on the source, e.g. 'levels soort_regio { total "Gemeente"  cells "Wijk" }', or keep one level with 'where'.`,
        nl: a => `Dit telt rijen van meerdere niveaus van bron '${a.source}' op: kolom '${a.column}' bevat ${a.levels}-rijen, dus de gemeente en haar wijken (of een "Totaal" en zijn delen) tellen dubbel. Declareer de niveaus bij de bron, bijvoorbeeld 'levels soort_regio { total "Gemeente"  cells "Wijk" }', of houd met 'where' één niveau over.`,
    },
    'data-value-not-found': {
        en: a => `No row of '${a.source}' has ${a.value} in column '${a.column}', so this matches nothing.`
            + (a.hint === 'trim' ? ` The data has it with other spaces or capitals: trim the column or write the value as in the file.`
                : a.hint === 'nearest' ? ` Nearest values in the data: ${a.nearest}.` : ' Check the value against the data.'),
        nl: a => `Geen rij van '${a.source}' heeft ${a.value} in kolom '${a.column}', dus dit treft niets.`
            + (a.hint === 'trim' ? ` De data heeft de waarde met andere spaties of hoofdletters: trim de kolom of schrijf de waarde zoals in het bestand.`
                : a.hint === 'nearest' ? ` Dichtstbijzijnde waarden in de data: ${a.nearest}.` : ' Controleer de waarde tegen de data.'),
    },
    'data-codes-not-found': {
        en: a => `None of the codes in '${a.source}.${a.column}' is found in '${a.table}.${a.key}', so the translation or lookup changes nothing.`
            + (a.hint === 'trim' ? ` They are there with other spaces or capitals: trim the column.`
                : a.hint === 'example' ? ` A code in the data: ${a.example}; compare it with the table.` : ' Compare the codes of the data with the table.'),
        nl: a => `Geen van de codes in '${a.source}.${a.column}' komt voor in '${a.table}.${a.key}', dus de omzetting of opzoeking verandert niets.`
            + (a.hint === 'trim' ? ` Ze staan er met andere spaties of hoofdletters: trim de kolom.`
                : a.hint === 'example' ? ` Een code in de data: ${a.example}; vergelijk die met de tabel.` : ' Vergelijk de codes van de data met de tabel.'),
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
    'reference-rate-mismatch': {
        en: a => `Reference "${a.series}" is a rate ${a.scale}, but indicator '${a.name}' is ${a.own === 'no rate' ? 'not a rate' : `a rate ${a.own}`}; the two cannot be compared on one axis. Write the reference with the indicator's scale (${a.own === 'no rate' ? 'or read one column' : a.own}).`,
        nl: a => `Referentie "${a.series}" is een verhouding ${a.scale}, maar indicator '${a.name}' is ${a.own === 'no rate' ? 'geen verhouding' : `een verhouding ${a.own}`}; die zijn niet op één as te vergelijken. Schrijf de referentie met de schaal van de indicator (${a.own === 'no rate' ? 'of lees één kolom' : a.own}).`,
    },
    'reference-period-outside-range': {
        en: a => `Reference "${a.series}" is from ${a.label}, outside the monitor's range ${a.from} .. ${a.to}, so no chart or row shows it. Widen the range or name the period of its data.`,
        nl: a => `Referentie "${a.series}" is van ${a.label}, buiten het bereik van de monitor ${a.from} .. ${a.to}, dus geen grafiek of rij toont hem. Verruim het bereik of noem de periode van de gegevens.`,
    },
    'decimals-out-of-range': {
        en: a => `'decimals ${a.decimals}' asks for more precision than the data carries; at most ${a.max} decimals are published. Write 'decimals ${a.max}' or fewer.`,
        nl: a => `'decimals ${a.decimals}' vraagt meer precisie dan de gegevens hebben; er worden hoogstens ${a.max} decimalen gepubliceerd. Schrijf 'decimals ${a.max}' of minder.`,
    },
    'transition-share-denominator': {
        en: a => `A share of transitions should be divided by the same episodes that ended: 'count from ${a.source} ended' with the same 'where' (and 'distinct' when the transitions use it). Otherwise the percentage can pass 100.`,
        nl: a => `Een aandeel overgangen hoort gedeeld te worden door dezelfde beëindigde episodes: 'count from ${a.source} ended' met dezelfde 'where' (en 'distinct' als de overgangen dat gebruiken). Anders kan het percentage boven 100 uitkomen.`,
    },
    'file-too-large': {
        en: a => `This file has more than ${num(a.limit, 'en')} ${a.kind === 'statements' ? 'statements (imports, sources, indicators, …)' : 'characters'}, more than a monitor needs; it is not read. Split it into files that import each other.`,
        nl: a => `Dit bestand heeft meer dan ${num(a.limit, 'nl')} ${a.kind === 'statements' ? 'opdrachten (imports, bronnen, indicatoren, …)' : 'tekens'}, meer dan een monitor nodig heeft; het wordt niet gelezen. Verdeel het over bestanden die elkaar importeren.`,
    },
    'literal-too-long': {
        en: a => `This text in quotes is longer than ${num(a.limit, 'en')} characters (is a closing " missing?). The file is not checked further until it is shorter.`,
        nl: a => `Deze tekst tussen aanhalingstekens is langer dan ${num(a.limit, 'nl')} tekens (ontbreekt een sluitend "?). Het bestand wordt pas verder gecontroleerd als hij korter is.`,
    },
    'too-deeply-nested': {
        en: a => `Parentheses are nested more than ${num(a.limit, 'en')} deep here. The file is not checked further; write the condition or the arithmetic with fewer levels, or split it over indicators.`,
        nl: a => `Haakjes zijn hier meer dan ${num(a.limit, 'nl')} diep genest. Het bestand wordt niet verder gecontroleerd; schrijf de voorwaarde of de berekening met minder niveaus, of verdeel hem over indicatoren.`,
    },
    'expression-too-long': {
        en: a => `This statement has more than ${num(a.limit, 'en')} ${a.kind === 'prefixes' ? "opening parentheses and 'not's" : "operators ('and', 'or', '+', '-', '*', '/')"}. The file is not checked further; use 'in (…)' instead of a chain of 'or', or split the arithmetic over indicators.`,
        nl: a => `Deze opdracht heeft meer dan ${num(a.limit, 'nl')} ${a.kind === 'prefixes' ? "openingshaakjes en 'not's" : "operatoren ('and', 'or', '+', '-', '*', '/')"}. Het bestand wordt niet verder gecontroleerd; gebruik 'in (…)' in plaats van een reeks 'or', of verdeel de berekening over indicatoren.`,
    },
    'parse-failed': {
        en: a => `This file could not be parsed (${a.reason}); nothing in it is checked. Simplify the part you changed last, and please report this as a bug.`,
        nl: a => `Dit bestand kon niet worden ontleed (${a.reason}); er is niets in gecontroleerd. Vereenvoudig het deel dat u het laatst wijzigde, en meld dit alstublieft als fout.`,
    },
    'file-unreadable': {
        en: a => `This file could not be read (${a.reason}), so nothing in it is checked.`,
        nl: a => `Dit bestand kon niet worden gelezen (${a.reason}), dus er is niets in gecontroleerd.`,
    },
    'analysis-failed': {
        en: a => `This file could not be analysed (${a.reason}); its checks are incomplete. Please report this as a bug.`,
        nl: a => `Dit bestand kon niet worden geanalyseerd (${a.reason}); de controles zijn onvolledig. Meld dit alstublieft als fout.`,
    },
    'data-rows-untrusted': {
        en: () => 'This workspace is not trusted, so the language server connects to no database and computes nothing. Trust the workspace to see the values of the table sources.',
        nl: () => 'Deze werkmap wordt niet vertrouwd, dus de taalserver maakt geen verbinding met een database en berekent niets. Vertrouw de werkmap om de waarden van de tabelbronnen te zien.',
    },
    'data-rows-not-computed': {
        en: () => "The language server could not compute this monitor (see the output panel 'Monitor' for the reason). Edit or save the file to try again, or run 'monitor run --engine postgres' on the command line.",
        nl: () => "De taalserver kon deze monitor niet berekenen (de reden staat in het uitvoervenster 'Monitor'). Wijzig of bewaar het bestand om het opnieuw te proberen, of gebruik 'monitor run --engine postgres' op de opdrachtregel.",
    },
    'derived-column-self': {
        en: a => `Derived column '${a.name}' is computed from itself. Name the file's columns it is computed from instead.`,
        nl: a => `Afgeleide kolom '${a.name}' wordt uit zichzelf berekend. Noem in plaats daarvan de kolommen uit het bestand waaruit hij volgt.`,
    },
    'derived-column-cycle': {
        en: a => `Derived column '${a.name}' depends on itself through other derived columns (${a.path}). Break the cycle.`,
        nl: a => `Afgeleide kolom '${a.name}' hangt via andere afgeleide kolommen van zichzelf af (${a.path}). Doorbreek de kring.`,
    },
    'derived-column-type': {
        en: a => `Derived column '${a.name}' is declared ${a.type}, but its expression gives ${a.found}. Declare it as ${a.found}, or change the expression.`,
        nl: a => `Afgeleide kolom '${a.name}' is gedeclareerd als ${a.type}, maar de formule geeft ${a.found}. Declareer hem als ${a.found}, of pas de formule aan.`,
    },
    'derived-column-optional': {
        en: a => `Derived column '${a.name}' is declared required, but its expression can be missing (a column it reads may be missing, or a division by a column can divide by 0). Declare it as '${a.type}?'.`,
        nl: a => `Afgeleide kolom '${a.name}' is gedeclareerd als verplicht, maar de formule kan leeg zijn (een kolom die hij leest mag leeg zijn, of een deling door een kolom kan door 0 delen). Declareer hem als '${a.type}?'.`,
    },
    'column-expression-operand': {
        en: a => `'${a.operator}' needs ${a.needs}, but this is ${a.found}. Use a column or value of the right type.`,
        nl: a => `'${a.operator}' heeft ${a.needs === 'number' ? 'een getal' : a.needs === 'one value' ? 'één waarde' : a.needs} nodig, maar dit is ${a.found}. Gebruik een kolom of waarde van het juiste type.`,
    },
    'trim-not-text': {
        en: a => `'trim' only changes text, and column '${a.name}' is ${a.type}: numbers and dates are read without the spaces around them anyway. Remove 'trim'.`,
        nl: a => `'trim' verandert alleen tekst, en kolom '${a.name}' is ${a.type}: getallen en datums worden sowieso zonder omringende spaties gelezen. Verwijder 'trim'.`,
    },
    'table-name-invalid': {
        en: a => `'${a.table}' is not a table name: write "name" or "schema.name", each part 1 to 63 bytes, with at most one dot. The table source '${a.source}' is read from that table.`,
        nl: a => `'${a.table}' is geen tabelnaam: schrijf "naam" of "schema.naam", elk deel 1 tot 63 bytes, met hoogstens één punt. De tabelbron '${a.source}' wordt uit die tabel gelezen.`,
    },
    'sources-mixed': {
        en: a => `${a.via ? `The import "${a.via}" brings in source '${a.source}', which reads` : `Source '${a.source}' reads`} ${a.kind === 'table' ? 'a database table' : 'a data file'}, and this monitor also reads ${a.kind === 'table' ? 'data files' : 'database tables'} (source '${a.other}'). A monitor reads files (computed with DuckDB) or database tables (computed in PostgreSQL), never both: the tools never copy case data out of the database, nor a file into it. ${a.kind === 'table' ? `Read '${a.source}' from a file too, or load the files into tables` : `Load the file of '${a.source}' into a table and write 'from table "schema.name"'`}, or split the monitor in two.`,
        nl: a => `${a.via ? `De import "${a.via}" brengt bron '${a.source}' mee, die` : `Bron '${a.source}'`} leest ${a.kind === 'table' ? 'een databasetabel' : 'een databestand'}, en deze monitor leest ook ${a.kind === 'table' ? 'databestanden' : 'databasetabellen'} (bron '${a.other}'). Een monitor leest bestanden (berekend met DuckDB) of databasetabellen (berekend in PostgreSQL), nooit allebei: de tools kopiëren nooit casusgegevens uit de database, noch een bestand erin. ${a.kind === 'table' ? `Lees '${a.source}' ook uit een bestand, of laad de bestanden in tabellen` : `Laad het bestand van '${a.source}' in een tabel en schrijf 'from table "schema.naam"'`}, of splits de monitor in tweeën.`,
    },
    'table-source-file-option': {
        en: a => `'${a.option}' is about reading a file, and source '${a.source}' reads a database table, whose columns have types already. Remove '${a.option}'.`,
        nl: a => `'${a.option}' gaat over het lezen van een bestand, en bron '${a.source}' leest een databasetabel, waarvan de kolommen al een type hebben. Verwijder '${a.option}'.`,
    },
    'stacking-min-too-low': {
        en: a => `'having distinct … >= ${a.min}' holds for every client, so nothing is stacked. Stacking means at least 2 provisions at once.`,
        nl: a => `'having distinct … >= ${a.min}' geldt voor elke cliënt, dus er is geen stapeling. Stapeling betekent ten minste 2 voorzieningen tegelijk.`,
    },
};

/** The message for an issue code in the current locale. */
export function message(code: string, args: Args = {}, locale: Locale = current): string {
    const text = TEXTS[code];
    return text ? text[locale](shown(args)) : code;
}

/**
 * The arguments as a message shows them: a value the checker does not have (a name the parser could not
 * read, say) is shown as '…', never as "undefined" or "NaN" (the syntax error beside it says what is missing).
 */
function shown(args: Args): Args {
    const missing = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v));
    if (!Object.values(args).some(missing)) return args;
    return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, missing(v) ? '…' : v])) as Args;
}

/** All issue codes that have messages (tests check each has a trigger). */
export function knownCodes(): string[] {
    return Object.keys(TEXTS);
}
