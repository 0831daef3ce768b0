/**
 * The host's half of a preview of table sources: the webview never connects to a database, so the
 * host asks the language server for the rows (`monitor/rows`, computed on PostgreSQL after disclosure
 * control) and checks the answer (`isRowsResult`) before it goes into the update. No `vscode` import:
 * tests drive it with a real language server over stdio.
 */
import { isRowsResult, ROWS_REQUEST_METHOD, type PreviewLang, type RowsParams, type RowsResult, type ServerComputed } from '@monitor/protocol';

/** The program of a monitor, as the protocol carries it. */
type ProgramIR = NonNullable<RowsResult['program']>;

/** The part of a language client this needs. */
export interface RowsClient {
    sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/** Whether the preview gets a program's rows from the server: it reads a database table. */
export function readsTables(program: ProgramIR | null): program is ProgramIR {
    return program !== null && program.sources.some(s => s.table !== undefined && s.table !== null);
}

const NO_ANSWER = {
    en: 'The language server gave no rows for this monitor of database tables (it may be restarting). The preview asks again at the next edit, save or restart of the server (command "Monitor: Restart Language Server").',
    nl: 'De taalserver gaf geen rijen voor deze monitor van databasetabellen (misschien start hij opnieuw). De preview vraagt het opnieuw bij de volgende wijziging, bewaring of herstart van de server (opdracht "Monitor: Taalserver opnieuw starten").',
};

/**
 * The server's rows for a document, with the program they were computed for (null: the document has
 * errors now). A failed request or an answer of the wrong shape is a banner, never an exception.
 */
export async function serverComputed(client: RowsClient, uri: string, lang: PreviewLang): Promise<{ program: ProgramIR | null; server: ServerComputed }> {
    let answer: unknown;
    try {
        answer = await client.sendRequest<unknown>(ROWS_REQUEST_METHOD, { uri } satisfies RowsParams);
    } catch {
        answer = undefined;
    }
    if (!isRowsResult(answer)) {
        return { program: null, server: { engine: 'postgres', rows: null, problems: [{ code: 'preview-no-rows', severity: 'error', message: NO_ANSWER[lang], line: 1, column: 1 }] } };
    }
    return { program: answer.program, server: { engine: 'postgres', rows: answer.rows, problems: answer.problems } };
}
