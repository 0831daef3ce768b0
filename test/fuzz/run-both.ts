/**
 * Runs a generated case with data in-process as `monitor check` and `monitor run` would: the language
 * stages on one set of services, then `computeOn` (the CLI's pipeline: data stage, cell bound, plan,
 * execute, disclosure control, targets) on one DuckDB-WASM and one native DuckDB engine that live
 * for the whole fuzz run. An exception anywhere is what the CLI reports as an internal error (exit 2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { createMonitorServices, lowerProgram } from '@monitor/language';
import { createNodeEngine, type Engine } from '@monitor/engine';
import type { ResultRow } from '@monitor/ir';
import { computeOn } from '../../packages/cli/src/compute.js';
import type { AnalysedMonitor } from '../../packages/cli/src/analyse.js';
import type { DataCase } from './data-monitor.js';
import { validateOrThrow } from './validate-or-throw.js';

/** What one case came to. */
export interface CaseOutcome {
    /** Error codes of the language stages (then nothing was computed). */
    languageErrors: string[];
    /** Their texts, for a person reading a failure. */
    messages?: string[];
    /** Error codes of the data stage (the same on both engines, or the property fails). */
    dataErrors: string[];
    rows: ResultRow[];
}

/** A fuzz session: services, a folder for the data and both engines. */
export interface FuzzSession {
    run(c: DataCase): Promise<CaseOutcome>;
    close(): Promise<void>;
}

/** Rows in one order with their numbers as the outputs show them, so two engines can be compared. */
export function canonicalRows(rows: ResultRow[]): string[] {
    return rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
}

/** Starts a session; the native engine is left out (`native: false`) where @duckdb/node-api is missing. */
export async function startFuzzSession(native = true): Promise<FuzzSession> {
    const services = createMonitorServices(EmptyFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-fuzz-data-')));
    fs.mkdirSync(path.join(dir, 'data'));
    const wasm = await createNodeEngine();
    let nativeEngine: Engine | undefined;
    if (native) nativeEngine = await (await import('@monitor/engine/native')).createNativeEngine();
    let counter = 0;
    // One case at a time: the data folder and the engines are shared (a property that timed out may
    // still be running when the next one starts).
    let queue: Promise<unknown> = Promise.resolve();
    const session: FuzzSession = {
        run(c) {
            const next = queue.then(() => runOne(c));
            queue = next.catch(() => undefined);
            return next;
        },
        async close() {
            await queue;
            await wasm.close();
            await nativeEngine?.close();
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
    return session;

    async function runOne(c: DataCase): Promise<CaseOutcome> {
        for (const name of fs.readdirSync(path.join(dir, 'data'))) fs.rmSync(path.join(dir, 'data', name));
        for (const [name, text] of Object.entries(c.files)) fs.writeFileSync(path.join(dir, name), text);
        const file = path.join(dir, `m${counter++}.monitor`);
        const uri = URI.parse(pathToFileURL(file).toString());
        const document = LangiumDocumentFactory.fromString(c.text, uri);
        LangiumDocuments.addDocument(document);
        try {
            // An exception in a check is an internal error too.
            await validateOrThrow(DocumentBuilder, document);
            const diagnostics = document.diagnostics ?? [];
            const languageErrors = diagnostics.filter((d) => d.severity === 1).map((d) => String((d.data as { code?: string } | undefined)?.code ?? d.code ?? 'syntax-error'));
            if (languageErrors.length > 0) return { languageErrors, messages: diagnostics.filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}: ${d.message}`), dataErrors: [], rows: [] };
            const monitor: AnalysedMonitor = {
                file,
                program: lowerProgram({ uri: uri.toString(), model: document.parseResult.value as never }),
                positionAt: (_uri, offset) => document.textDocument.positionAt(offset),
            };
            const first = await computeOn(wasm, monitor, dir, undefined, false);
            const errorsOf = (d: typeof first.diagnostics) => d.filter((x) => x.severity === 'error').map((x) => `${x.code}@${x.line}`);
                            const outcome = { languageErrors: [], dataErrors: errorsOf(first.diagnostics), rows: first.rows };
            if (!nativeEngine) return outcome;
            const second = await computeOn(nativeEngine, monitor, dir, undefined, false);
            const a = { errors: outcome.dataErrors, rows: canonicalRows(first.rows) };
            const b = { errors: errorsOf(second.diagnostics), rows: canonicalRows(second.rows) };
            if (JSON.stringify(a) !== JSON.stringify(b)) throw new EngineMismatch(a, b);
            return outcome;
        } finally {
            await DocumentBuilder.update([], [uri]);
        }
    }
}

/** The two engines disagreed on a case: the first differing row (or the data errors) of each. */
export class EngineMismatch extends Error {
    constructor(wasm: { errors: string[]; rows: string[] }, native: { errors: string[]; rows: string[] }) {
        const at = wasm.rows.findIndex((r, i) => r !== native.rows[i]);
        super(`DuckDB-WASM and native DuckDB differ: errors ${JSON.stringify(wasm.errors)} vs ${JSON.stringify(native.errors)}; `
            + `${wasm.rows.length} vs ${native.rows.length} rows; first difference:\n  wasm:   ${wasm.rows[at] ?? '-'}\n  native: ${native.rows[at] ?? '-'}`);
    }
}
