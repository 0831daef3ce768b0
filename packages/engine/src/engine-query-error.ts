/** A query an engine could not run, as a data issue (PostgreSQL: timeout, permission, …) rather than a crash. */
import type { DataIssue } from './engine-types.js';

/** Thrown by an engine's `query` when the database refused or stopped a query; `issue` says why and what to do. */
export class EngineQueryError extends Error {
    constructor(readonly issue: DataIssue) {
        super(issue.message);
        this.name = 'EngineQueryError';
    }
}

/** The issue of an `EngineQueryError` (also across module copies), or null for any other error. */
export function queryIssue(error: unknown): DataIssue | null {
    const issue = (error as { issue?: DataIssue } | null)?.issue;
    return error instanceof Error && error.name === 'EngineQueryError' && issue ? issue : null;
}
