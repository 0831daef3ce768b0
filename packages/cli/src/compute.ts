/**
 * The whole pipeline for one monitor: data stage → plan → execute → targets → disclosure control.
 * Every output path (run, start, report) gets its rows from here, so disclosure is never skipped.
 */
import type { ProgramIR, ResultRow } from '@monitor/ir';
import { planIndicators, POSTGRES } from '@monitor/compiler';
import { applyDisclosure, assessTargets, breakdownChanges, cellKeyNeedsDuckDB, executePlan, executePresence, indicatorsToCompute, type Engine } from '@monitor/engine';
import { cellKeySecret } from '@monitor/server';
import type { AnalysedMonitor } from './analyse.js';
import type { CliDiagnostic } from './diagnostic.js';
import { atSpan, checkOutputCells, issueAt, loadSources, queryDiagnostic } from './data-stage.js';
import { chosenEngine, startEngine, type EngineChoice } from './engine-choice.js';
import { noValueWarnings } from './no-value-warnings.js';
import { getLocale } from '@monitor/language/messages';

export interface Computed {
    diagnostics: CliDiagnostic[];
    /** Safe rows (after disclosure control); empty when the data stage found errors. */
    rows: ResultRow[];
}

/** Computes the rows of a monitor that passed the language stages. */
export async function computeMonitor(monitor: AnalysedMonitor, root: string, only?: string[], kind: EngineChoice = chosenEngine()): Promise<Computed> {
    const engine = await startEngine(kind);
    try {
        return await computeOn(engine, monitor, root, only);
    } finally {
        await engine.close();
    }
}

/**
 * The pipeline on an engine the caller owns: `run`'s path exactly. `lock: false` leaves the engine
 * open for the next monitor's sources (the in-process fuzzer reuses one engine per kind).
 */
export async function computeOn(engine: Engine, monitor: AnalysedMonitor, root: string, only?: string[], lock = true): Promise<Computed> {
    try {
        const diagnostics = await loadSources(engine, monitor, root, { lock });
        if (diagnostics.some(d => d.severity === 'error')) return { diagnostics, rows: [] };
        // The bound on work: a monitor with too many output cells is refused before it runs for hours.
        diagnostics.push(...(await checkOutputCells(engine, monitor)));
        // `--indicator X` computes X, what X's expression uses and what disclosure control links X
        // to (its rows are a full run's rows for X), not every indicator of the monitor.
        const program = only && only.length > 0 ? onlyIndicators(monitor.program, indicatorsToCompute(monitor.program, only)) : monitor.program;
        // Under `perturb cellkey` the secret comes from MONITOR_CELLKEY_SECRET; without it, no count is published.
        const perturb = program.monitor.privacy?.perturb;
        if (perturb && engine.dialect === 'postgres') diagnostics.push(issueAt(monitor, cellKeyNeedsDuckDB(perturb)));
        const { secret, issue } = cellKeySecret(program);
        if (issue) diagnostics.push(atSpan(monitor, issue.span, issue.severity, issue.code, issue.message));
        if (diagnostics.some(d => d.severity === 'error')) return { diagnostics, rows: [] };
        const plan = planIndicators(program, engine.dialect === 'postgres' ? { dialect: POSTGRES } : {});
        const raw = await executePlan(engine, plan, { cellKeySecret: secret });
        // Targets are judged on the disclosed values, so a status never reveals a hidden count.
        const safe = assessTargets(program, await applyDisclosure(program, raw));
        // Breakdown values that come and go mid-series (a new district layout?): warnings that name
        // values and periods only, never a count, and no value with a hidden cell.
        for (const i of breakdownChanges(program, raw, { presence: await executePresence(engine, plan), safe })) diagnostics.push(issueAt(monitor, i));
        // An indicator with no value at all (the data cover no whole period?): said at the indicator.
        diagnostics.push(...noValueWarnings(monitor, safe, diagnostics, getLocale() === 'nl'));
        const rows = only && only.length > 0 ? safe.filter(r => only.includes(r.indicator)) : safe;
        return { diagnostics, rows };
    } catch (error) {
        // A query the database refused or stopped (PostgreSQL: timeout, permission): a diagnostic, exit 1.
        const diagnostic = queryDiagnostic(monitor, error);
        if (!diagnostic) throw error;
        return { diagnostics: [diagnostic], rows: [] };
    }
}

/** The program with only the indicators named (sources, dimensions and notes as they are). */
function onlyIndicators(program: ProgramIR, names: string[]): ProgramIR {
    const keep = new Set(names);
    return { ...program, indicators: program.indicators.filter(i => keep.has(i.name)) };
}
