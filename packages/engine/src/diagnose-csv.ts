/**
 * Specific diagnoses for CSV files that DuckDB cannot read or reads as one column: not UTF-8, cut
 * off in the middle of a row or quoted field, or written with another delimiter than declared.
 * Runs only after something went wrong, so a full scan of the bytes costs nothing on good files.
 */
import type { SourceIR } from '@monitor/ir';
import type { DataIssue } from './engine-types.js';
import { firstBadRow } from './csv-scan.js';
import { badRow } from './data-issues.js';

const NL = 0x0a;
const QUOTE = 0x22;

function issue(source: SourceIR, text: { en: string; nl: string; hintEn: string; hintNl: string }): DataIssue {
    return {
        source: source.name, code: 'data-unreadable', severity: 'error',
        message: text.en, messageNl: text.nl, hint: text.hintEn, hintNl: text.hintNl, span: source.pathSpan ?? source.span,
    };
}

/** The 1-based line of the first byte sequence that is not UTF-8, or null when the text is UTF-8. */
function firstNonUtf8Line(bytes: Uint8Array): number | null {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
        if (i === bytes.length || bytes[i] === NL) {
            try { decoder.decode(bytes.subarray(start, i)); } catch { return line; }
            line += 1;
            start = i + 1;
        }
    }
    return null;
}

/** Why a file that DuckDB refused cannot be read, when it is one of the known cases; else null. */
export function diagnoseUnreadable(source: SourceIR, bytes: Uint8Array): DataIssue | null {
    const bad = firstNonUtf8Line(bytes);
    if (bad !== null) {
        return issue(source, {
            en: `The data file of source ${source.name} is not UTF-8 text: line ${bad} holds bytes of another encoding (often Windows-1252 or Latin-1, e.g. from Excel).`,
            nl: `Het databestand van bron ${source.name} is geen UTF-8-tekst: regel ${bad} bevat bytes in een andere codering (vaak Windows-1252 of Latin-1, bijvoorbeeld uit Excel).`,
            hintEn: 'Save or export the file as UTF-8 (in Excel: "CSV UTF-8").',
            hintNl: 'Sla het bestand op of exporteer het als UTF-8 (in Excel: "CSV UTF-8").',
        });
    }
    let quotes = 0;
    let lines = 0;
    for (const b of bytes) { if (b === QUOTE) quotes++; else if (b === NL) lines++; }
    const last = bytes[bytes.length - 1];
    const unfinished = last !== NL && last !== 0x0d;
    if (quotes % 2 === 1 || unfinished) {
        const where = lines + (unfinished ? 1 : 0);
        const quoteEn = quotes % 2 === 1 ? ' inside a quoted field' : '';
        const quoteNl = quotes % 2 === 1 ? ' binnen een veld tussen aanhalingstekens' : '';
        return issue(source, {
            en: `The data file of source ${source.name} ends in the middle of a row${quoteEn} (line ${where}): it was probably cut off while exporting, copying or downloading.`,
            nl: `Het databestand van bron ${source.name} houdt midden in een regel op${quoteNl} (regel ${where}): het is waarschijnlijk afgebroken bij het exporteren, kopiëren of downloaden.`,
            hintEn: 'Export or copy the file again and compare its size with the original.',
            hintNl: 'Exporteer of kopieer het bestand opnieuw en vergelijk de grootte met het origineel.',
        });
    }
    // A ragged row (DuckDB: "Error when sniffing file") or a row too long to read ("Line: 1"), at its line.
    const row = firstBadRow(bytes, source.csv.delimiter);
    return row ? badRow(source, row) : null;
}

const CANDIDATES = [';', ',', '\t', '|'];

/**
 * When the header read with the declared delimiter gives one column that splits into the declared
 * names with another delimiter, the file uses that delimiter: one clear issue instead of one
 * missing-column issue per column.
 */
export function wrongDelimiter(source: SourceIR, fileColumns: string[]): DataIssue | null {
    // Derived columns are not in the file.
    const declared = source.columns.filter((c) => !c.expression);
    if (!source.csv.header || fileColumns.length !== 1 || declared.length < 2) return null;
    const names = new Set(declared.map((c) => c.name));
    for (const d of CANDIDATES) {
        if (d === source.csv.delimiter) continue;
        const parts = fileColumns[0].split(d).map((p) => p.trim().replace(/^"|"$/g, ''));
        if (parts.length > 1 && parts.some((p) => names.has(p))) {
            const shown = d === '\t' ? '\\t' : d;
            return issue(source, {
                en: `The data file of source ${source.name} uses "${shown}" as its delimiter, but the source declares "${source.csv.delimiter}".`,
                nl: `Het databestand van bron ${source.name} gebruikt "${shown}" als scheidingsteken, maar de bron declareert "${source.csv.delimiter}".`,
                hintEn: `Declare \`delimiter "${shown}"\` in source ${source.name}.`,
                hintNl: `Declareer \`delimiter "${shown}"\` in bron ${source.name}.`,
            });
        }
    }
    return null;
}
