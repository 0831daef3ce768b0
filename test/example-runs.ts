/**
 * The example monitors as data for the privacy and golden tests: their IR, the plan, the raw rows
 * (before disclosure control, computed in-process on DuckDB-WASM) and what the CLI prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { planIndicators } from '@monitor/compiler';
import { createNodeEngine, executePlan } from '@monitor/engine';
import type { IndicatorIR, Plan, ProgramIR, ResultRow } from '@monitor/ir';
import { createMonitorServices, importClosure, loadDocuments, lowerDocument } from '@monitor/language';
import { ROOT } from './cli-helpers.js';
import { skippedExample } from './example-program.js';

/**
 * The example monitors that need nothing outside the project: examples/<name>/<name>.monitor, without
 * the folders marked `.monitor-skip` (examples/cbs-almere, on ../shared: test/cbs-almere.test.ts).
 */
export function exampleMonitors(): string[] {
    const dir = path.join(ROOT, 'examples');
    return fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, `${n}.monitor`)) && !skippedExample(path.join(dir, n))).sort()
        .map((n) => path.join(dir, n, `${n}.monitor`));
}

/** Lowers one monitor file (and its imports) to IR. */
export async function programOf(file: string): Promise<ProgramIR> {
    const { shared } = createMonitorServices(NodeFileSystem);
    const workspace = await loadDocuments(shared, [file]);
    const root = workspace.roots[0];
    return lowerDocument(root, workspace, importClosure(root.uri, shared.workspace.LangiumDocuments));
}

/** The plan and the raw rows of a program, its data files read relative to the declaring file. */
export async function rawRows(program: ProgramIR): Promise<{ plan: Plan; rows: ResultRow[] }> {
    const engine = await createNodeEngine();
    try {
        for (const source of program.sources) {
            const file = path.resolve(path.dirname(fileURLToPath(source.declaredIn)), source.path);
            const issues = await engine.loadSource(source, new Uint8Array(fs.readFileSync(file)));
            if (issues.some((i) => i.severity === 'error')) throw new Error(`${source.name}: ${issues[0].message}`);
        }
        const plan = planIndicators(program);
        return { plan, rows: await executePlan(engine, plan) };
    } finally {
        await engine.close();
    }
}

/** Which parts of an indicator's rows are counts under disclosure control. */
export function countParts(indicator: IndicatorIR): { numerator: boolean; denominator: boolean } {
    const v = indicator.value;
    if (v.kind === 'measure') return { numerator: v.measure.isCount, denominator: false };
    if (v.kind === 'rate') return { numerator: v.numerator.isCount, denominator: v.denominator.isCount };
    return { numerator: false, denominator: false };
}

/** Parses the CLI's CSV (fields never hold commas in the examples; quotes are stripped). */
export function parseCsv(text: string): Record<string, string>[] {
    const [head, ...lines] = text.trim().split('\n');
    const columns = head.split(',');
    return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v.replace(/^"|"$/g, '')])));
}
