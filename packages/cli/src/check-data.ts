/**
 * The data stage of `monitor check` over many monitors: one DuckDB engine for a batch of monitors
 * (each `loadSource` replaces its tables), because starting an engine per file would dominate
 * a check of thousands of files.
 */
import { planIndicators, POSTGRES } from '@monitor/compiler';
import { applyDisclosure, breakdownChanges, executePlan, executePresence, type Engine } from '@monitor/engine';
import { getLocale } from '@monitor/language';
import type { AnalysedMonitor } from './analyse.js';
import { atSpan, checkOutputCells, loadSources, queryDiagnostic } from './data-stage.js';
import type { CliDiagnostic } from './diagnostic.js';
import { startEngine } from './engine-choice.js';
import { noValueWarnings } from './no-value-warnings.js';

/**
 * The warnings on computed rows — breakdown values that come and go, an indicator without any value —
 * computed as `monitor run` does (every source loaded, disclosure control applied), so `check` reports
 * them too; the rows are dropped.
 */
async function computedWarnings(engine: Engine, monitor: AnalysedMonitor, root: string, earlier: CliDiagnostic[]): Promise<CliDiagnostic[]> {
    const program = monitor.program;
    if (program.indicators.length === 0) return [];
    // Sources checked for an earlier monitor may have been replaced since: load this monitor's own.
    if ((await loadSources(engine, monitor, root)).some(d => d.severity === 'error')) return [];
    const plan = planIndicators(program, engine.dialect === 'postgres' ? { dialect: POSTGRES } : {});
    const raw = await executePlan(engine, plan);
    const safe = await applyDisclosure(program, raw);
    const nl = getLocale() === 'nl';
    const issues = program.indicators.some(i => i.by.length > 0) ? breakdownChanges(program, raw, { presence: await executePresence(engine, plan), safe }) : [];
    const changed = issues.map(i => atSpan(monitor, i.span, i.severity, i.code, nl ? `${i.messageNl} ${i.hintNl}` : `${i.message} ${i.hint}`));
    return [...changed, ...noValueWarnings(monitor, safe, [...earlier, ...changed], nl)];
}

/** Monitors checked on one engine before it is replaced, so loaded tables do not pile up. */
const BATCH = 50;

/** Checks the data files of every monitor; `onMonitor` is told before each one (for progress). */
export async function checkAllData(monitors: AnalysedMonitor[], rootOf: (m: AnalysedMonitor) => string,
    onMonitor: (index: number, monitor: AnalysedMonitor) => void = () => {}): Promise<CliDiagnostic[]> {
    const diagnostics: CliDiagnostic[] = [];
    // A source imported by many monitors gives the same findings each time: check it once.
    const checked = new Set<string>();
    let engine: Engine | undefined;
    let loaded = 0;
    try {
        for (const [i, monitor] of monitors.entries()) {
            const root = rootOf(monitor);
            const sources = monitor.program.sources.filter(s => !checked.has(`${root}|${s.declaredIn}|${s.name}`));
            if (sources.length === 0) continue;
            for (const s of sources) checked.add(`${root}|${s.declaredIn}|${s.name}`);
            onMonitor(i, monitor);
            if (engine && loaded >= BATCH) {
                await engine.close();
                engine = undefined;
                loaded = 0;
            }
            engine ??= await startEngine();
            loaded++;
            try {
                const found = await loadSources(engine, { ...monitor, program: { ...monitor.program, sources } }, root);
                diagnostics.push(...found);
                const cells = await checkOutputCells(engine, monitor);
                diagnostics.push(...cells);
                // Computing for the warnings on rows only when the data loaded and the work is bounded.
                if (![...found, ...cells].some(d => d.severity === 'error')) diagnostics.push(...(await computedWarnings(engine, monitor, root, [...found, ...cells])));
            } catch (error) {
                // A query the database refused or stopped (PostgreSQL): a diagnostic, and the next monitor.
                const diagnostic = queryDiagnostic(monitor, error);
                if (!diagnostic) throw error;
                diagnostics.push(diagnostic);
            }
        }
    } finally {
        await engine?.close();
    }
    return diagnostics;
}
