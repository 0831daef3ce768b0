/**
 * Runs a hand-made monitor on inline CSV in-process, the way `monitor run` does: validate, lower, plan,
 * execute on DuckDB-WASM, then disclosure control. For the privacy attack tests: each gives the raw rows
 * (what an attacker wants to learn) and the published ones.
 */
import { EmptyFileSystem } from 'langium';
import { validationHelper } from 'langium/test';
import { planIndicators } from '@monitor/compiler';
import { applyDisclosure, createNodeEngine, executePlan } from '@monitor/engine';
import { flattenRow, type FlatRow, type ProgramIR, type ResultRow } from '@monitor/ir';
import { ast, createMonitorServices, lowerProgram } from '@monitor/language';

const validate = validationHelper<ast.Model>(createMonitorServices(EmptyFileSystem).Monitor);

/** The issue codes of the diagnostics of a monitor text (errors and warnings). */
export async function diagnosticCodes(text: string): Promise<string[]> {
    const result = await validate(text);
    return result.diagnostics.map((d) => String((d.data as { code?: string } | undefined)?.code ?? d.code));
}

/** What one run gives: the program, the raw rows (before disclosure) and the published rows, flat. */
export interface PrivacyRun {
    program: ProgramIR;
    raw: ResultRow[];
    published: FlatRow[];
}

/**
 * Validates `text` (failing on any error), lowers it and runs it on `data` (CSV text per source name).
 * `privacy` replaces the program's privacy rules, so a test can show what leaked before a rule.
 */
export async function runMonitor(text: string, data: Record<string, string>, edit: (p: ProgramIR) => ProgramIR = (p) => p): Promise<PrivacyRun> {
    const result = await validate(text);
    const errors = result.diagnostics.filter((d) => d.severity === 1);
    if (errors.length > 0) throw new Error(`validation errors: ${errors.map((d) => `${String((d.data as { code?: string }).code)} ${d.message}`).join('; ')}`);
    const program = edit(lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value }));
    const engine = await createNodeEngine();
    try {
        for (const source of program.sources) {
            const issues = await engine.loadSource(source, new TextEncoder().encode(data[source.name] ?? ''));
            if (issues.some((i) => i.severity === 'error')) throw new Error(`${source.name}: ${issues[0].message}`);
        }
        const raw = await executePlan(engine, planIndicators(program));
        return { program, raw, published: (await applyDisclosure(program, raw)).map(flattenRow) };
    } finally {
        await engine.close();
    }
}

/** The flat published rows of one indicator and period, or of every period when `period` is left out. */
export function rowsOf(rows: FlatRow[], indicator: string, period?: string): FlatRow[] {
    return rows.filter((r) => r.indicator === indicator && r.series === 'actual' && (period === undefined || r.period === period));
}
