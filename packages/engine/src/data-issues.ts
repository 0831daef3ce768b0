/** Builders for data issues: one function per code, each with English and Dutch text. */
import type { ColumnIR, SourceIR } from '@monitor/ir';
import type { DataIssue, DataIssueCode } from './engine-types.js';
import { MAX_LINE_BYTES, type ScanFinding } from './csv-scan.js';

function issue(source: SourceIR, code: DataIssueCode, text: { en: string; nl: string; hintEn: string; hintNl: string }, column?: ColumnIR): DataIssue {
    return {
        source: source.name, code, severity: 'error',
        message: text.en, messageNl: text.nl, hint: text.hintEn, hintNl: text.hintNl,
        span: column?.span ?? source.pathSpan ?? source.span,
    };
}

const FORMAT: Record<SourceIR['format'], string> = { csv: 'CSV', parquet: 'Parquet', json: 'JSON' };

const TYPE_NL: Record<ColumnIR['type'], string> = {
    text: 'tekst', integer: 'geheel getal', decimal: 'decimaal getal', date: 'datum', boolean: 'ja/nee-waarde',
};

/** The file of a source does not exist (reported by the caller, which resolves paths). */
export function fileMissing(source: SourceIR, resolvedPath: string): DataIssue {
    return issue(source, 'data-file-missing', {
        en: `The data file "${resolvedPath}" of source ${source.name} does not exist.`,
        nl: `Het databestand "${resolvedPath}" van bron ${source.name} bestaat niet.`,
        hintEn: `Check the path "${source.path}"; it is relative to the .monitor file that declares the source.`,
        hintNl: `Controleer het pad "${source.path}"; het is relatief aan het .monitor-bestand dat de bron declareert.`,
    });
}

/** The file is empty, or has a header but no data rows. */
export function fileEmpty(source: SourceIR, headerOnly: boolean): DataIssue {
    return issue(source, 'data-empty', headerOnly ? {
        en: `The data file of source ${source.name} has a header but no data rows.`,
        nl: `Het databestand van bron ${source.name} heeft een kopregel maar geen gegevensregels.`,
        hintEn: 'Export the data again; the export may have failed or filtered out every row.',
        hintNl: 'Exporteer de gegevens opnieuw; de export is misschien mislukt of heeft alle regels weggefilterd.',
    } : {
        en: `The data file of source ${source.name} is empty.`,
        nl: `Het databestand van bron ${source.name} is leeg.`,
        hintEn: 'Export the data again, or point the source at the right file.',
        hintNl: 'Exporteer de gegevens opnieuw, of verwijs de bron naar het juiste bestand.',
    });
}

/** DuckDB could not read the file as CSV with the declared options. */
export function fileUnreadable(source: SourceIR, reason: string): DataIssue {
    const first = reason.split('\n')[0].trim();
    return issue(source, 'data-unreadable', {
        en: `The data file of source ${source.name} could not be read as ${FORMAT[source.format]}: ${first}`,
        nl: `Het databestand van bron ${source.name} kon niet als ${FORMAT[source.format]} worden gelezen: ${first}`,
        hintEn: `Check the delimiter ("${source.csv.delimiter}"), the quotes and the encoding (UTF-8) of the file.`,
        hintNl: `Controleer het scheidingsteken ("${source.csv.delimiter}"), de aanhalingstekens en de codering (UTF-8) van het bestand.`,
        ...(source.format === 'parquet' ? {
            hintEn: 'Check that the file is a complete Parquet file (write it again, e.g. with DuckDB COPY … TO … (FORMAT parquet)).',
            hintNl: 'Controleer of het bestand een volledig Parquet-bestand is (schrijf het opnieuw, bijvoorbeeld met DuckDB COPY … TO … (FORMAT parquet)).',
        } : {}),
    });
}

/** JSON cannot be read offline in DuckDB-WASM yet. */
export function formatUnsupported(source: SourceIR): DataIssue {
    return issue(source, 'data-format-unsupported', {
        en: `Source ${source.name} is a ${source.format} file, which this engine cannot read yet; only CSV and Parquet are supported.`,
        nl: `Bron ${source.name} is een ${source.format}-bestand, dat deze engine nog niet kan lezen; alleen CSV en Parquet worden ondersteund.`,
        hintEn: 'Export the data as CSV or Parquet.',
        hintNl: 'Exporteer de gegevens als CSV of Parquet.',
    });
}

/** A declared column is not in the file's header. */
export function columnMissing(source: SourceIR, column: ColumnIR, found: string[], suggestion: string | null): DataIssue {
    // A file may have thousands of columns; the message names the first few.
    const shown = found.slice(0, 20).map((f) => `"${f}"`).join(', ');
    const list = found.length > 20 ? `${shown} … (${found.length} in all)` : shown;
    return issue(source, 'data-missing-column', {
        en: `The data file of source ${source.name} has no column "${column.name}"; its columns are ${list}.`,
        nl: `Het databestand van bron ${source.name} heeft geen kolom "${column.name}"; de kolommen zijn ${list}.`,
        hintEn: suggestion ? `Did you mean "${suggestion}"?${backticks(suggestion, 'en')} Rename the declared column or the column in the file.` : 'Declare a column that the file has, or add the column to the file.',
        hintNl: suggestion ? `Bedoelde u "${suggestion}"?${backticks(suggestion, 'nl')} Hernoem de gedeclareerde kolom of de kolom in het bestand.` : 'Declareer een kolom die het bestand heeft, of voeg de kolom toe aan het bestand.',
    }, column);
}

/** For a header that is no plain name (an accent, a space): how to write it in a `.monitor` file. */
function backticks(name: string, lang: 'en' | 'nl'): string {
    if (/^[_a-zA-Z]\w*$/.test(name)) return '';
    return lang === 'en' ? ` Write it between backticks: \`${name}\`.` : ` Schrijf hem tussen backticks: \`${name}\`.`;
}

/** The longest part of a cell value a diagnostic shows (it may end up in CI logs). */
export const MAX_SHOWN_VALUE = 40;

/** The key column of a source's shape: an identifier of a person, never echoed into diagnostics. */
function isKeyColumn(source: SourceIR, column: ColumnIR): boolean {
    return 'key' in source.shape && source.shape.key === column.name;
}

/** A cell value as a diagnostic shows it: quoted, cut to MAX_SHOWN_VALUE characters. */
export function shownValue(value: string): string {
    const chars = [...value];
    return chars.length > MAX_SHOWN_VALUE ? `${JSON.stringify(chars.slice(0, MAX_SHOWN_VALUE).join(''))}… (${chars.length} characters)` : JSON.stringify(value);
}

/**
 * A value does not fit the declared type; `row` counts data rows from 1. The value of a key column is
 * not shown (line and column are enough); others are cut to MAX_SHOWN_VALUE characters.
 */
export function typeMismatch(source: SourceIR, column: ColumnIR, row: number, value: string, lineOffset: number): DataIssue {
    const line = row + lineOffset;
    const key = isKeyColumn(source, column);
    const holdsEn = key ? 'holds a value that does not fit (values of the key column are not shown)' : `holds ${shownValue(value)}`;
    const holdsNl = key ? 'bevat een waarde die niet past (waarden van de sleutelkolom worden niet getoond)' : `bevat ${shownValue(value)}`;
    return issue(source, 'data-type-mismatch', {
        en: `Column "${column.name}" of source ${source.name} is declared ${column.type}, but data row ${row} (line ${line}) ${holdsEn}.`,
        nl: `Kolom "${column.name}" van bron ${source.name} is gedeclareerd als ${TYPE_NL[column.type]}, maar gegevensregel ${row} (regel ${line}) ${holdsNl}.`,
        hintEn: typeHint(source, column, 'en'),
        hintNl: typeHint(source, column, 'nl'),
    }, column);
}

function typeHint(source: SourceIR, column: ColumnIR, lang: 'en' | 'nl'): string {
    const nullsEn = 'or declare the marker used for missing values with `nulls`';
    const nullsNl = 'of declareer de markering voor ontbrekende waarden met `nulls`';
    if (column.type === 'date') {
        const fmt = source.csv.dateFormat ?? 'YYYY-MM-DD';
        return lang === 'en' ? `Dates must look like ${fmt}; declare a date format for the source ${nullsEn}.`
            : `Datums moeten eruitzien als ${fmt}; declareer een datumformaat voor de bron ${nullsNl}.`;
    }
    if (column.type === 'decimal' && !source.csv.decimalComma) {
        return lang === 'en' ? `If the file uses a decimal comma, declare \`decimal comma\` for the source, ${nullsEn}.`
            : `Als het bestand een decimale komma gebruikt, declareer dan \`decimal comma\` voor de bron, ${nullsNl}.`;
    }
    return lang === 'en' ? `Fix the value in the file, change the declared type, ${nullsEn}.`
        : `Herstel de waarde in het bestand, wijzig het gedeclareerde type, ${nullsNl}.`;
}

/** A column declared without `?` holds a missing value. */
export function nullInRequired(source: SourceIR, column: ColumnIR, row: number, lineOffset: number): DataIssue {
    return issue(source, 'data-null-in-required', {
        en: `Column "${column.name}" of source ${source.name} is required, but data row ${row} (line ${row + lineOffset}) has no value.`,
        nl: `Kolom "${column.name}" van bron ${source.name} is verplicht, maar gegevensregel ${row} (regel ${row + lineOffset}) heeft geen waarde.`,
        hintEn: `Declare the column as nullable (\`${column.type}?\`) or fill in the missing values.`,
        hintNl: `Declareer de kolom als optioneel (\`${column.type}?\`) of vul de ontbrekende waarden aan.`,
    }, column);
}

/** The header names a column twice: DuckDB would read the second as another column, silently. */
export function duplicateHeader(source: SourceIR, name: string, times: number): DataIssue {
    const shown = shownValue(name);
    return issue(source, 'data-duplicate-header', {
        en: `The header of the data file of source ${source.name} names the column ${shown} ${times} times; only one of them would be read.`,
        nl: `De kopregel van het databestand van bron ${source.name} noemt de kolom ${shown} ${times} keer; maar één daarvan zou worden gelezen.`,
        hintEn: 'Give each column of the file its own name.',
        hintNl: 'Geef elke kolom van het bestand een eigen naam.',
    });
}

/** Episodes that end before they start (negative durations, wrong activity); `row` counts data rows from 1. */
export function endBeforeStart(source: SourceIR, end: ColumnIR, count: number, row: number, lineOffset: number): DataIssue {
    const start = source.shape.kind === 'episodes' ? source.shape.start : '';
    return issue(source, 'data-end-before-start', {
        en: `${count} episode(s) of source ${source.name} end before they start ("${end.name}" before "${start}"), the first at data row ${row} (line ${row + lineOffset}).`,
        nl: `${count} episode(s) van bron ${source.name} eindigen voordat ze beginnen ("${end.name}" vóór "${start}"), de eerste op gegevensregel ${row} (regel ${row + lineOffset}).`,
        hintEn: 'Correct the dates in the file (swapped start and end?), or leave those rows out of the export.',
        hintNl: 'Herstel de datums in het bestand (begin en eind verwisseld?), of laat die regels weg uit de export.',
    }, end);
}

/** A row with another number of fields than the header, or one too long to read, at its line. */
export function badRow(source: SourceIR, finding: ScanFinding): DataIssue {
    return issue(source, 'data-unreadable', finding.kind === 'ragged' ? {
        en: `Line ${finding.line} of the data file of source ${source.name} has ${finding.fields} fields, but the header has ${finding.expected}.`,
        nl: `Regel ${finding.line} van het databestand van bron ${source.name} heeft ${finding.fields} velden, maar de kopregel heeft er ${finding.expected}.`,
        hintEn: `Check that line for an unquoted delimiter ("${source.csv.delimiter}") in a value or a missing field.`,
        hintNl: `Controleer die regel op een scheidingsteken ("${source.csv.delimiter}") zonder aanhalingstekens in een waarde, of een ontbrekend veld.`,
    } : {
        en: `Line ${finding.line} of the data file of source ${source.name} is ${finding.bytes} bytes long, more than the ${MAX_LINE_BYTES} bytes a row may have.`,
        nl: `Regel ${finding.line} van het databestand van bron ${source.name} is ${finding.bytes} bytes lang, meer dan de ${MAX_LINE_BYTES} bytes die een regel mag hebben.`,
        hintEn: 'Check that line: a field holding a whole document, or a quote that is never closed.',
        hintNl: 'Controleer die regel: een veld met een heel document erin, of een aanhalingsteken dat nooit wordt gesloten.',
    });
}
