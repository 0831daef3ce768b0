/**
 * PostgreSQL's failures as data issues: one code per kind (server unreachable, authentication,
 * missing table, missing column, wrong type, permission, timeout, other), English and Dutch, with a
 * fix hint. No text of a connection string or password reaches a message (`scrub`).
 */
import type { ColumnIR, PerturbationIR, SourceIR, Span } from '@monitor/ir';
import type { DataIssue, DataIssueCode } from './engine-types.js';

// Light, like this module: the language server's main thread tells a refused query from a bug with it.
export { queryIssue } from './engine-query-error.js';

type Text = { en: string; nl: string; hintEn: string; hintNl: string };

/** An issue at a span (the source's table name, or a column's declaration). */
export function pgIssue(source: string, span: Span, code: DataIssueCode, text: Text): DataIssue {
    return { source, code, severity: 'error', message: text.en, messageNl: text.nl, hint: text.hintEn, hintNl: text.hintNl, span };
}

/** The name of a table source as written, for messages. */
export function tableName(source: SourceIR): string {
    return source.table ? [source.table.schema, source.table.name].filter((p) => p !== null).join('.') : source.path;
}

/** A file source given to the PostgreSQL engine: refused (the tool never writes to the warehouse). */
export function fileSourceRefused(source: SourceIR): DataIssue {
    return pgIssue(source.name, source.pathSpan ?? source.span, 'data-file-source-postgres', {
        en: `Source ${source.name} reads the file "${source.path}", and the PostgreSQL engine reads tables only: it never loads a file into the database.`,
        nl: `Bron ${source.name} leest het bestand "${source.path}", en de PostgreSQL-engine leest alleen tabellen: hij laadt nooit een bestand in de database.`,
        hintEn: `Load the file into a table and write 'source ${source.name} from table "schema.name"', or run without --engine postgres.`,
        hintNl: `Laad het bestand in een tabel en schrijf 'source ${source.name} from table "schema.naam"', of reken zonder --engine postgres.`,
    });
}

/**
 * `perturb cellkey` on the PostgreSQL engine: refused. The secret goes into a temporary table
 * (never into the plan's SQL), which a read-only transaction cannot create.
 */
export function cellKeyNeedsDuckDB(perturb: PerturbationIR): DataIssue {
    return pgIssue('', perturb.span, 'data-pg-cellkey', {
        en: 'The cell key method (perturb cellkey) runs on DuckDB only: its secret key goes into a temporary table, and the PostgreSQL engine never writes to the warehouse.',
        nl: 'De celsleutelmethode (perturb cellkey) werkt alleen met DuckDB: de geheime sleutel gaat in een tijdelijke tabel, en de PostgreSQL-engine schrijft nooit in het datawarehouse.',
        hintEn: 'Run without --engine postgres (on files), or leave out the perturb line and rely on the minimum and secondary suppression.',
        hintNl: 'Reken zonder --engine postgres (op bestanden), of laat de perturb-regel weg en vertrouw op het minimum en de secundaire onderdrukking.',
    });
}

/** A table source given to a DuckDB engine. */
export function tableSourceNeedsPostgres(source: SourceIR): DataIssue {
    return pgIssue(source.name, source.pathSpan ?? source.span, 'data-table-source-needs-postgres', {
        en: `Source ${source.name} reads the database table "${tableName(source)}", and DuckDB reads files only.`,
        nl: `Bron ${source.name} leest de databasetabel "${tableName(source)}", en DuckDB leest alleen bestanden.`,
        hintEn: 'Run with --engine postgres (the connection from PGHOST, PGDATABASE, PGUSER, … or --pg-url-env NAME), or point the source at a file.',
        hintNl: 'Reken met --engine postgres (de verbinding uit PGHOST, PGDATABASE, PGUSER, … of --pg-url-env NAAM), of verwijs de bron naar een bestand.',
    });
}

/** The table or view does not exist (or is not visible on the search path). */
export function tableMissing(source: SourceIR): DataIssue {
    return pgIssue(source.name, source.pathSpan ?? source.span, 'data-pg-missing-table', {
        en: `The table "${tableName(source)}" of source ${source.name} does not exist in the database (or is not on the search path).`,
        nl: `De tabel "${tableName(source)}" van bron ${source.name} bestaat niet in de database (of staat niet op het zoekpad).`,
        hintEn: 'Check the name and its schema ("schema.name"), and that PGDATABASE names the right database.',
        hintNl: 'Controleer de naam en het schema ("schema.naam"), en of PGDATABASE de juiste database noemt.',
    });
}

/**
 * A view read by a transition measure: the plan tells one episode from the next by the row id
 * (`ctid`), which a view has not. Refused before any query instead of failing inside one.
 */
export function viewHasNoRowId(source: SourceIR): DataIssue {
    return pgIssue(source.name, source.pathSpan ?? source.span, 'data-pg-view-transition', {
        en: `Source ${source.name} reads the view "${tableName(source)}", and a transition measure reads this source: a transition tells episodes apart by PostgreSQL's row id (ctid), which a view has not.`,
        nl: `Bron ${source.name} leest de view "${tableName(source)}", en een overgangsmaat (transitions) leest deze bron: een overgang onderscheidt episodes met de rij-id van PostgreSQL (ctid), en die heeft een view niet.`,
        hintEn: `Point the source at the view's table, or at a materialized view (CREATE MATERIALIZED VIEW … AS SELECT …), which has row ids.`,
        hintNl: `Verwijs de bron naar de tabel onder de view, of naar een materialized view (CREATE MATERIALIZED VIEW … AS SELECT …), die wel rij-id's heeft.`,
    });
}

/** The role may not read the table. */
export function tableNotReadable(source: SourceIR): DataIssue {
    return pgIssue(source.name, source.pathSpan ?? source.span, 'data-pg-permission', {
        en: `The database role may not read the table "${tableName(source)}" of source ${source.name} (no SELECT privilege).`,
        nl: `De databaserol mag de tabel "${tableName(source)}" van bron ${source.name} niet lezen (geen SELECT-recht).`,
        hintEn: `Ask the database administrator for 'GRANT SELECT ON ${tableName(source)} TO <role>' (SELECT is all the tool needs), or connect as a role that has it.`,
        hintNl: `Vraag de databasebeheerder om 'GRANT SELECT ON ${tableName(source)} TO <rol>' (SELECT is alles wat de tool nodig heeft), of verbind als een rol die het heeft.`,
    });
}

/** A declared column the table lacks. */
export function pgColumnMissing(source: SourceIR, column: ColumnIR, suggestion: string | null): DataIssue {
    const also = suggestion ? { en: ` Did you mean '${suggestion}'?`, nl: ` Bedoelt u '${suggestion}'?` } : { en: '', nl: '' };
    return pgIssue(source.name, column.span, 'data-missing-column', {
        en: `Column ${column.name} of source ${source.name} is not a column of the table "${tableName(source)}".${also.en}`,
        nl: `Kolom ${column.name} van bron ${source.name} is geen kolom van de tabel "${tableName(source)}".${also.nl}`,
        hintEn: 'Declare the column by its name in the table, or remove it.',
        hintNl: 'Declareer de kolom met zijn naam in de tabel, of verwijder hem.',
    });
}

/** A declared column whose database type does not hold the declared type. */
export function pgColumnType(source: SourceIR, column: ColumnIR, found: string, fits: string | null): DataIssue {
    const declare = fits ? { en: `declare it as ${fits}, or `, nl: `declareer hem als ${fits}, of ` } : { en: '', nl: '' };
    return pgIssue(source.name, column.span, 'data-type-mismatch', {
        en: `Column ${column.name} of source ${source.name} is declared ${column.type}, but in the table "${tableName(source)}" it is ${found}.`,
        nl: `Kolom ${column.name} van bron ${source.name} is gedeclareerd als ${column.type}, maar in de tabel "${tableName(source)}" is hij ${found}.`,
        hintEn: `Change the declaration: ${declare.en}read the table through a view that casts the column (CREATE VIEW … AS SELECT CAST(${column.name} AS …)).`,
        hintNl: `Pas de declaratie aan: ${declare.nl}lees de tabel via een view die de kolom omzet (CREATE VIEW … AS SELECT CAST(${column.name} AS …)).`,
    });
}

/** A required column with missing values in the table. */
export function pgNullsInRequired(source: SourceIR, column: ColumnIR, count: number): DataIssue {
    return pgIssue(source.name, column.span, 'data-null-in-required', {
        en: `Column ${column.name} of source ${source.name} is required, but ${count} row(s) of the table "${tableName(source)}" have no value in it.`,
        nl: `Kolom ${column.name} van bron ${source.name} is verplicht, maar ${count} rij(en) van de tabel "${tableName(source)}" hebben er geen waarde in.`,
        hintEn: `Declare it optional ('${column.type}?') if a missing value is allowed, or fix the rows.`,
        hintNl: `Declareer hem als optioneel ('${column.type}?') als een ontbrekende waarde mag, of herstel de rijen.`,
    });
}

/** Replaces every secret (password, connection string) in a text by `***`. */
export function scrub(text: string, secrets: string[]): string {
    let out = text;
    for (const s of secrets) if (s.length > 0) out = out.split(s).join('***');
    return out;
}

/**
 * A PostgreSQL (or network) error as an issue at `span`, by its SQLSTATE or system error code:
 * unreachable server, failed authentication, missing table or column, permission, timeout, other.
 */
export function pgErrorIssue(error: unknown, span: Span, source: string, secrets: string[]): DataIssue {
    const e = error as { code?: string; message?: string };
    const first = scrub(String(e.message ?? error).split('\n')[0], secrets);
    const code = e.code ?? '';
    const at = (c: DataIssueCode, t: Text) => pgIssue(source, span, c, t);
    if (['ECONNREFUSED', 'ENOENT', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', '57P03'].includes(code) || /timeout expired|Connection terminated/i.test(first)) {
        return at('data-pg-unreachable', {
            en: `The PostgreSQL server could not be reached: ${first}`,
            nl: `De PostgreSQL-server is niet bereikbaar: ${first}`,
            hintEn: 'Check that the server runs and PGHOST and PGPORT (or the connection string of --pg-url-env) point at it.',
            hintNl: 'Controleer of de server draait en of PGHOST en PGPORT (of de verbindingstekst van --pg-url-env) ernaar wijzen.',
        });
    }
    if (code === '28P01' || code === '28000' || /password|SASL|authentication/i.test(first)) {
        return at('data-pg-auth', {
            en: `The PostgreSQL server refused the login: ${first}`,
            nl: `De PostgreSQL-server weigerde de aanmelding: ${first}`,
            hintEn: 'Check PGUSER and PGPASSWORD (or ~/.pgpass, or the connection string of --pg-url-env); the password is never shown.',
            hintNl: 'Controleer PGUSER en PGPASSWORD (of ~/.pgpass, of de verbindingstekst van --pg-url-env); het wachtwoord wordt nooit getoond.',
        });
    }
    if (code === '3D000') {
        return at('data-pg-unreachable', {
            en: `The database does not exist on the server: ${first}`,
            nl: `De database bestaat niet op de server: ${first}`,
            hintEn: 'Check PGDATABASE (or the database in the connection string).',
            hintNl: 'Controleer PGDATABASE (of de database in de verbindingstekst).',
        });
    }
    if (code === '42501') {
        return at('data-pg-permission', {
            en: `The database role may not read what the query reads: ${first}`,
            nl: `De databaserol mag niet lezen wat de query leest: ${first}`,
            hintEn: 'Ask for SELECT on the tables of the table sources; SELECT is all the tool needs.',
            hintNl: 'Vraag SELECT-rechten op de tabellen van de tabelbronnen; SELECT is alles wat de tool nodig heeft.',
        });
    }
    if (code === '57014') {
        return at('data-pg-timeout', {
            en: `A query took longer than the statement timeout and was stopped by the server: ${first}`,
            nl: `Een query duurde langer dan de statement-timeout en is door de server gestopt: ${first}`,
            hintEn: 'Raise --pg-statement-timeout (seconds), shorten the range or use a coarser grain, or ask for indexes on the key and date columns.',
            hintNl: 'Verhoog --pg-statement-timeout (seconden), maak de range korter of gebruik een grovere grain, of vraag om indexen op de sleutel- en datumkolommen.',
        });
    }
    if (code === '42P01') {
        return at('data-pg-missing-table', {
            en: `A table the query reads does not exist: ${first}`,
            nl: `Een tabel die de query leest bestaat niet: ${first}`,
            hintEn: 'Check the table names of the table sources.',
            hintNl: 'Controleer de tabelnamen van de tabelbronnen.',
        });
    }
    return at('data-pg-error', {
        en: `PostgreSQL reported an error: ${first}${code ? ` (SQLSTATE ${code})` : ''}`,
        nl: `PostgreSQL meldde een fout: ${first}${code ? ` (SQLSTATE ${code})` : ''}`,
        hintEn: 'This is a bug if the check passed: please report it with the monitor file (no data needed).',
        hintNl: 'Dit is een fout in de tool als de controle slaagde: meld hem met het monitorbestand (geen data nodig).',
    });
}
