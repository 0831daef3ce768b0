/**
 * The computing half of a document analysis, the same pipeline as `monitor run`
 * (packages/cli/src/compute.ts): data stage → plan → execute → breakdown warnings → disclosure →
 * targets. Plain data in, plain data out, so it can run in a worker thread.
 */
import type { ProgramIR, ResultRow } from '@monitor/ir';
import { planIndicators } from '@monitor/compiler';
import { applyDisclosure, assessTargets, breakdownChanges, createNodeEngine, executePlan, executePresence } from '@monitor/engine';
import { getLocale } from '@monitor/language';
import { cellKeySecret } from './cellkey-secret.js';
import { loadSourceFiles, type DataLimits, type SpanIssue } from './data-files.js';

/** The data findings of a program and, when the data stage found no errors, its safe rows. */
export interface ComputedAnalysis {
    issues: SpanIssue[];
    /** Safe rows (after disclosure control and targets), or null when not computed. */
    rows: ResultRow[] | null;
    /** Why nothing was computed although the program is fine: a file over the row limit, or the time limit. */
    stopped?: 'too-large' | 'timeout';
}

/** Reads the program's data files (inside `root`) and computes its indicators on DuckDB-WASM. */
export async function computeAnalysis(program: ProgramIR, root: string, limits: DataLimits = {}): Promise<ComputedAnalysis> {
    const out: ComputedAnalysis = { issues: [], rows: null };
    if (program.sources.length === 0) return out;
    const engine = await createNodeEngine();
    try {
        out.issues = (await loadSourceFiles(engine, program, root, { ...limits, lock: true })).issues;
        if (out.issues.some(i => i.code === 'data-too-large')) out.stopped = 'too-large';
        if (out.issues.some(i => i.severity === 'error') || program.indicators.length === 0) return out;
        // Under `perturb cellkey` without a usable secret: an error at `perturb`, and no rows.
        const { secret, issue } = cellKeySecret(program);
        if (issue) { out.issues.push(issue); return out; }
        const plan = planIndicators(program);
        const raw = await executePlan(engine, plan, { cellKeySecret: secret });
        const nl = getLocale() === 'nl';
        // Targets are judged on the disclosed values, so a status never reveals a hidden count.
        out.rows = assessTargets(program, applyDisclosure(program, raw));
        // Warnings that name breakdown values and periods only, never a count nor a value with a hidden cell (as in the CLI).
        for (const i of breakdownChanges(program, raw, { presence: await executePresence(engine, plan), safe: out.rows })) {
            out.issues.push({ span: i.span, severity: i.severity, code: i.code, message: nl ? `${i.messageNl} ${i.hintNl}` : `${i.message} ${i.hint}` });
        }
        return out;
    } finally {
        await engine.close();
    }
}
