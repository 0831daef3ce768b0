/**
 * The preview's computation, stage for stage the same as `computeMonitor` in the CLI: data stage,
 * lock-down, plan, execute, disclosure control, targets. Works on any `Engine` (browser or Node).
 */
import type { ProgramIR, ResultRow } from '@monitor/ir';
import { planIndicators } from '@monitor/compiler';
import { applyDisclosure, assessTargets, executePlan, fileMissing, type DataIssue, type Engine } from '@monitor/engine/browser';

/** Loads every source from the given bytes; a source without bytes gets a `data-file-missing` issue. */
export async function loadProgramData(engine: Engine, program: ProgramIR, files: ReadonlyMap<string, Uint8Array>): Promise<DataIssue[]> {
    const issues: DataIssue[] = [];
    for (const source of program.sources) {
        const bytes = files.get(source.name);
        if (!bytes) issues.push(fileMissing(source, source.path));
        else issues.push(...(await engine.loadSource(source, bytes)));
    }
    // Invariant: locked after loading, like the CLI (no file access, no configuration changes).
    await engine.lock();
    return issues;
}

/** Raw rows → safe rows with target and status: the same stages, in the same order, as the CLI. */
export async function safeRows(program: ProgramIR, raw: ResultRow[]): Promise<ResultRow[]> {
    // Same order as the CLI: targets are judged on disclosed values, so a status never reveals a hidden count.
    return assessTargets(program, await applyDisclosure(program, raw));
}

/** Computes the safe rows of a program on an engine that holds its sources (plan → execute → safe rows). */
export async function computeRows(engine: Engine, program: ProgramIR): Promise<ResultRow[]> {
    return await safeRows(program, await executePlan(engine, planIndicators(program)));
}
