/**
 * The computing half of a document analysis, the same pipeline as `monitor run`
 * (packages/cli/src/compute.ts): data stage → plan → execute → breakdown warnings → disclosure →
 * targets. Plain data in, plain data out, so it can run in a worker thread.
 */
import type { ProgramIR, ResultRow, Span } from '@monitor/ir';
import { planIndicators } from '@monitor/compiler';
import { applyDisclosure, assessTargets, breakdownChanges, emptySeries, executePlan, executePresence, queryIssue } from '@monitor/engine';
import { getLocale, message } from '@monitor/language';
import { cellKeySecret } from './cellkey-secret.js';
import { loadSourceFiles, type DataLimits, type SpanIssue } from './data-files.js';
import { startAnalysisEngine, type StartedEngine } from './engine-choice.js';
import type { AnalysisEngineChoice } from './engine-setting.js';
import { computesOnPostgres, planOptionsFor, postgresRefusals, startPostgresAnalysisEngine, withEditorHint } from './postgres-analysis-engine.js';
import type { PostgresLink } from './postgres-setting.js';

/** The data findings of a program and, when the data stage found no errors, its safe rows. */
export interface ComputedAnalysis {
    issues: SpanIssue[];
    /** Safe rows (after disclosure control and targets), or null when not computed. */
    rows: ResultRow[] | null;
    /** Why nothing was computed although the program is fine: a file over the row limit, or the time limit. */
    stopped?: 'too-large' | 'timeout';
    /** The engine that computed (hover says so); absent when none started. */
    engine?: 'native' | 'wasm' | 'postgres';
}

/** How one analysis computes: the engine (`monitor.engine.duckdb`) and a way to stop it. */
export interface AnalysisRun {
    /** Which DuckDB; `auto` (the default) takes native DuckDB where its binary loads. */
    engine?: AnalysisEngineChoice;
    /** Aborted at the time limit: a native query is interrupted, and the analysis rejects. */
    signal?: AbortSignal;
    /** Told which engine computes, once it has started (the worker reports it to the server). */
    onEngine?: (kind: 'native' | 'wasm' | 'postgres', fallback?: string) => void;
    /** The configured PostgreSQL connection: a monitor of table sources only computes there. */
    postgres?: PostgresLink | null;
}

/** Reads the program's data files (inside `root`) and computes its indicators on native DuckDB or DuckDB-WASM. */
export async function computeAnalysis(program: ProgramIR, root: string, limits: DataLimits = {}, run: AnalysisRun = {}): Promise<ComputedAnalysis> {
    const out: ComputedAnalysis = { issues: [], rows: null };
    if (program.sources.length === 0) return out;
    let started: StartedEngine;
    try {
        started = computesOnPostgres(program, run.postgres) ? await startPostgresAnalysisEngine(run.postgres) : await startAnalysisEngine(run.engine ?? 'auto', run.signal);
    } catch (error) {
        // Only a named `native`, the PostgreSQL client or the unpacking of DuckDB's .wasm (an installed
        // VSIX whose storage cannot be written: @monitor/engine/wasm-store's WasmStoreError) fails here
        // (`auto` falls back): the analyst is told at the header why nothing is computed.
        const onPostgres = computesOnPostgres(program, run.postgres);
        const unpacking = error instanceof Error && error.name === 'WasmStoreError' ? error as Error & { file: string; folder: string; reason: string } : null;
        if (run.engine !== 'native' && !onPostgres && !unpacking) throw error;
        console.error(`monitor: ${String((error as Error)?.message ?? error).split('\n')[0]}`);
        const code = onPostgres ? 'data-pg-client-unavailable' : unpacking ? 'data-wasm-unavailable' : 'data-engine-unavailable';
        const args: Record<string, string> = unpacking ? { file: unpacking.file, folder: unpacking.folder, reason: unpacking.reason } : {};
        out.issues.push({ span: program.monitor.span, severity: 'error', code, message: message(code, args) });
        return out;
    }
    const { engine, kind, fallback } = started;
    run.onEngine?.(kind, fallback);
    out.engine = kind;
    try {
        // Stopped while the engine started: no query runs, the engine closes below.
        run.signal?.throwIfAborted();
        out.issues = withEditorHint((await loadSourceFiles(engine, program, root, { ...limits, lock: true })).issues, run.postgres);
        if (out.issues.some(i => i.code === 'data-too-large')) out.stopped = 'too-large';
        if (out.issues.some(i => i.severity === 'error') || program.indicators.length === 0) return out;
        // Under `perturb cellkey` without a usable secret: an error at `perturb`, and no rows.
        out.issues.push(...postgresRefusals(program, kind));
        if (out.issues.some(i => i.severity === 'error')) return out;
        const { secret, issue } = cellKeySecret(program);
        if (issue) { out.issues.push(issue); return out; }
        const plan = planIndicators(program, planOptionsFor(kind));
        const raw = await executePlan(engine, plan, { cellKeySecret: secret });
        const nl = getLocale() === 'nl';
        // Targets are judged on the disclosed values, so a status never reveals a hidden count.
        out.rows = assessTargets(program, await applyDisclosure(program, raw));
        // Warnings that name breakdown values and periods only, never a count nor a value with a hidden cell (as in the CLI).
        const inside = (span: Span) => out.issues.some(i => i.span.uri === span.uri && i.span.offset >= span.offset && i.span.offset <= span.offset + span.length);
        for (const i of [...breakdownChanges(program, raw, { presence: await executePresence(engine, plan), safe: out.rows }), ...emptySeries(program, out.rows, spans => spans.some(inside))]) {
            out.issues.push({ span: i.span, severity: i.severity, code: i.code, message: nl ? `${i.messageNl} ${i.hintNl}` : `${i.message} ${i.hint}` });
        }
        return out;
    } catch (error) {
        // A query the database refused or stopped (PostgreSQL: server gone, timeout, permission) is an
        // error at the header, as in the CLI (`queryDiagnostic`), never a failed worker with no word.
        const issue = queryIssue(error);
        if (!issue) throw error;
        const nl = getLocale() === 'nl';
        out.rows = null;
        // A connection that failed is told once: at the first table source, where the data stage found it.
        if (!out.issues.some(i => i.code === issue.code)) {
            out.issues.push({ span: program.monitor.span, severity: 'error', code: issue.code, message: nl ? `${issue.messageNl} ${issue.hintNl}` : `${issue.message} ${issue.hint}` });
        }
        return out;
    } finally {
        await engine.close();
    }
}
