/**
 * The custom LSP request `monitor/program`: the language server lowers the document (with its
 * imports) and answers with the IR, the number of errors and the data files the monitor declares.
 * The preview panel host uses it to get the program and to know which files it may read.
 */
import type { ProgramIR } from '@monitor/ir';

/** The method name of the request, shared by the server and the client. */
export const PROGRAM_REQUEST_METHOD = 'monitor/program';

/** Parameters of `monitor/program`: the URI of the `.monitor` document. */
export interface ProgramParams {
    uri: string;
}

/**
 * A data file a source declares: the source's name and where it resolves. `path` is the file's
 * `file:` URI (the source path resolved against the folder of the `.monitor` file that declares it);
 * the panel host also accepts an absolute file-system path, and checks it lies inside the workspace.
 */
export interface DataFileRef {
    source: string;
    path: string;
}

/**
 * Result of `monitor/program`. `program` is null when the document cannot be lowered (it has errors);
 * `errors` counts error diagnostics; `dataFiles` lists the files of the sources that the program declares.
 */
export interface ProgramResult {
    program: ProgramIR | null;
    errors: number;
    dataFiles: DataFileRef[];
}

/** The request as one value: method name plus (type-only) params and result. */
export const ProgramRequest = {
    method: PROGRAM_REQUEST_METHOD,
} as const;

/** Type companion of `ProgramRequest` (`ProgramRequest.Params`, `ProgramRequest.Result`). */
export declare namespace ProgramRequest {
    type Params = ProgramParams;
    type Result = ProgramResult;
}
