/** Shared set-up for the language tests: services over an in-memory file system. */
import { AstUtils, EmptyFileSystem, type AstNode, type LangiumDocument } from 'langium';
import {
    expectError, expectNoIssues, expectWarning, parseHelper, validationHelper,
    type ExpectDiagnosticOptionsWithoutContent, type ValidationResult,
} from 'langium/test';
import { expect } from 'vitest';
import { createMonitorServices } from '../src/monitor-module.js';
import type { Model } from '../src/generated/ast.js';

export const services = createMonitorServices(EmptyFileSystem);
export const parse = parseHelper<Model>(services.Monitor);
export const validate = validationHelper<Model>(services.Monitor);

/** A monitor header and two sources that most tests build on. */
export const PRELUDE = `
monitor jeugd {
    title "Jeugdhulp"
    grain quarter
    range 2019-Q1 .. 2026-Q4
    privacy { minimum 10 round 5 }
}
source trajecten from "data/trajecten.csv" {
    episodes start begindatum end einddatum key client_id
    status status
    columns {
        client_id text
        voorziening text
        begindatum date
        einddatum date?
        wijk text
        status text
        kosten decimal
    }
}
source jongeren from "data/jongeren.csv" {
    snapshot at peildatum
    columns { peildatum date  wijk text  aantal integer count }
}
dimension wijk { trajecten.wijk  jongeren.wijk }
`;

/** The issue codes of a document's diagnostics. */
export function codes(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => String((d.data as { code?: string } | undefined)?.code ?? d.code));
}

/** Where a diagnostic should point: a node (optionally one of its properties), or a span of the text. */
export type Where = { node: AstNode; property?: string; index?: number } | { offset: number; length: number };

/**
 * Asserts a diagnostic with issue `code` (both `code` and `data.code`), `severity` and range `where`.
 * Every trigger test goes through this function: coverage.test.ts scans the tests for its calls.
 */
export function expectCode(
    result: ValidationResult<Model>, code: string, severity: 'error' | 'warning', where: Where, message: string | RegExp = /./,
): void {
    const location = 'node' in where
        ? { node: where.node, property: where.property === undefined ? undefined : { name: where.property, index: where.index } }
        : where;
    // The Langium typing ties `property` to the node's static type; the tests pass names of real properties.
    const options = { ...location, code, data: { code } } as ExpectDiagnosticOptionsWithoutContent;
    if (severity === 'error') expectError(result, message, options);
    else expectWarning(result, message, options);
}

/** Asserts that a document has no diagnostics at all (the "close variant" of a trigger test). */
export function expectClean(result: ValidationResult<Model>): void {
    expectNoIssues(result);
}

/** Asserts that no diagnostic with issue `code` was reported (other issues may exist). */
export function expectNoCode(result: ValidationResult<Model>, code: string): void {
    expect(codes(result.document)).not.toContain(code);
    expectNoIssues(result, { code });
}

/** The span of the `nth` (0-based) occurrence of `snippet` in `text`, for offset-based range checks. */
export function span(text: string, snippet: string, nth = 0): { offset: number; length: number } {
    let offset = -1;
    for (let i = 0; i <= nth; i++) {
        offset = text.indexOf(snippet, offset + 1);
        if (offset < 0) throw new Error(`'${snippet}' occurs fewer than ${nth + 1} times`);
    }
    return { offset, length: snippet.length };
}

/** All nodes of one AST type in a document, in text order. */
export function nodes<T extends AstNode>(result: ValidationResult<Model>, guard: (n: unknown) => n is T): T[] {
    return AstUtils.streamAst(result.document.parseResult.value).filter(guard).toArray();
}

/** The only node of an AST type that satisfies `predicate` (fails when there is not exactly one). */
export function one<T extends AstNode>(
    result: ValidationResult<Model>, guard: (n: unknown) => n is T, predicate: (n: T) => boolean = () => true,
): T {
    const found = nodes(result, guard).filter(predicate);
    expect(found, `expected exactly one matching node, found ${found.length}`).toHaveLength(1);
    return found[0];
}

/** The declaration named `name` among the document's top-level elements. */
export function named<T extends AstNode>(result: ValidationResult<Model>, guard: (n: unknown) => n is T, name: string): T {
    return one(result, guard, n => (n as unknown as { name?: string }).name === name);
}
