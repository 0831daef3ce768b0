/**
 * The data stage of `monitor check` over many monitors: one DuckDB engine for a batch of monitors
 * (each `loadSource` replaces its tables), because starting an engine per file would dominate
 * a check of thousands of files.
 */
import { createNodeEngine, type Engine } from '@monitor/engine';
import type { AnalysedMonitor } from './analyse.js';
import { checkOutputCells, loadSources } from './data-stage.js';
import type { CliDiagnostic } from './diagnostic.js';

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
            engine ??= await createNodeEngine();
            loaded++;
            diagnostics.push(...(await loadSources(engine, { ...monitor, program: { ...monitor.program, sources } }, root)));
            diagnostics.push(...(await checkOutputCells(engine, monitor)));
        }
    } finally {
        await engine?.close();
    }
    return diagnostics;
}
