/** The preview's UI text in English and Dutch. */
import type { PreviewLang } from '@monitor/protocol';

const EN = {
    overview: 'Overview',
    loading: 'Computing…',
    starting: 'Starting DuckDB…',
    latest: 'Latest',
    vsPrevious: 'vs {0}',
    vsBaseline: 'vs baseline {0}',
    noValue: 'No value yet',
    table: 'Table',
    chart: 'Chart',
    breakdown: 'Breakdown',
    total: 'Total',
    byDimension: 'by {0}',
    exportPng: 'PNG',
    exportSvg: 'SVG',
    exportVl: 'Vega-Lite',
    exportCsv: 'CSV',
    exportVegaEditor: 'Vega editor',
    exports: 'Export',
    exportLabel: 'Export {0} of {1}',
    reveal: 'Show the definition of {0} in the editor',
    errorBanner: 'The file has errors; showing the last good result. First error (line {0}): {1}',
    errorNoResult: 'The file has errors. First error (line {0}): {1}',
    dataIssues: 'The data could not be loaded:',
    untrusted: 'This workspace is not trusted, so the preview reads no data files and the language server connects to no database. Trust the workspace to see the trends.',
    engineServer: 'Computed by PostgreSQL on the language server, from the database tables.',
    engineWasm: 'Computed by DuckDB-WASM in this preview, from the data files.',
    serverFailed: 'PostgreSQL on the language server could not compute this monitor:',
    serverComputing: 'Computing in PostgreSQL on the language server…',
    problemAt: 'Line {0}: {1}',
    noIndicators: 'This monitor has no indicators yet.',
    failed: 'The preview could not compute the monitor: {0}',
    provisional: 'provisional',
    hidden: 'hidden',
    columns: { period: 'Period', series: 'Series', value: 'Value', target: 'Target', status: 'Status', numerator: 'Numerator', denominator: 'Denominator', suppressed: 'Hidden', provisional: 'Provisional' },
};

const NL: typeof EN = {
    overview: 'Overzicht',
    loading: 'Bezig met rekenen…',
    starting: 'DuckDB wordt gestart…',
    latest: 'Laatst',
    vsPrevious: 't.o.v. {0}',
    vsBaseline: 't.o.v. basis {0}',
    noValue: 'Nog geen waarde',
    table: 'Tabel',
    chart: 'Grafiek',
    breakdown: 'Uitsplitsing',
    total: 'Totaal',
    byDimension: 'per {0}',
    exportPng: 'PNG',
    exportSvg: 'SVG',
    exportVl: 'Vega-Lite',
    exportCsv: 'CSV',
    exportVegaEditor: 'Vega-editor',
    exports: 'Exporteren',
    exportLabel: '{0} van {1} exporteren',
    reveal: 'De definitie van {0} in de editor tonen',
    errorBanner: 'Het bestand bevat fouten; het laatste goede resultaat staat hieronder. Eerste fout (regel {0}): {1}',
    errorNoResult: 'Het bestand bevat fouten. Eerste fout (regel {0}): {1}',
    dataIssues: 'De gegevens konden niet worden geladen:',
    untrusted: 'Deze werkmap wordt niet vertrouwd, dus de preview leest geen databestanden en de taalserver maakt geen verbinding met een database. Vertrouw de werkmap om de trends te zien.',
    engineServer: 'Berekend door PostgreSQL in de taalserver, uit de databasetabellen.',
    engineWasm: 'Berekend door DuckDB-WASM in deze preview, uit de databestanden.',
    serverFailed: 'PostgreSQL in de taalserver kon deze monitor niet berekenen:',
    serverComputing: 'Bezig met rekenen in PostgreSQL in de taalserver…',
    problemAt: 'Regel {0}: {1}',
    noIndicators: 'Deze monitor heeft nog geen indicatoren.',
    failed: 'De preview kon de monitor niet berekenen: {0}',
    provisional: 'voorlopig',
    hidden: 'verborgen',
    columns: { period: 'Periode', series: 'Reeks', value: 'Waarde', target: 'Doel', status: 'Status', numerator: 'Teller', denominator: 'Noemer', suppressed: 'Verborgen', provisional: 'Voorlopig' },
};

/** The UI texts of a language. */
export type Texts = typeof EN;

/** The texts for a language. */
export function texts(lang: PreviewLang): Texts {
    return lang === 'nl' ? NL : EN;
}

/** Fills `{0}`, `{1}` … in a text. */
export function fill(text: string, ...args: (string | number)[]): string {
    return text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
