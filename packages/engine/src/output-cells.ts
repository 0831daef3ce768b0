/**
 * The bound on work: how many output cells a monitor would compute (periods × breakdown cells, summed
 * over its indicators), known once its sources are loaded. Above MAX_OUTPUT_CELLS nothing is computed:
 * `range 0001-01 .. 9999-12` by month and by person would otherwise run for hours and gigabytes.
 */
import { parsePeriod, periodEnd, periodOfDate, periodOrdinal, periodStart, type ProgramIR } from '@monitor/ir';
import type { DataIssue, SqlConnection } from './engine-types.js';
import { quoteIdent } from './sql-quote.js';

/** The most output cells (periods × breakdown cells × indicators) one monitor may have. */
export const MAX_OUTPUT_CELLS = 1_000_000;

/** The number of periods of the monitor's range at its grain, or 0 when the range does not parse. */
export function periodCount(program: ProgramIR): number {
    const { range, grain } = program.monitor;
    const from = parsePeriod(range.from);
    const to = parsePeriod(range.to);
    if (!from || !to) return 0;
    return Math.max(0, periodOrdinal(periodOfDate(periodEnd(to), grain)) - periodOrdinal(periodOfDate(periodStart(from), grain)) + 1);
}

/**
 * An error when the monitor would compute more than MAX_OUTPUT_CELLS cells, at the indicator with the
 * most. A dimension's cells are the distinct values of its bindings' columns in the loaded tables
 * (or a table source's table) plus one for the total; bindings whose table is not loaded, and
 * bindings to derived columns, are left out.
 */
export async function outputCellsIssue(conn: Pick<SqlConnection, 'query'>, program: ProgramIR): Promise<DataIssue | null> {
    const periods = periodCount(program);
    const cellsOf = new Map<string, number>();
    for (const dimension of program.dimensions) {
        let most = 0;
        for (const binding of dimension.bindings) {
            const source = program.sources.find((s) => s.name === binding.source);
            // A derived column is not in the table (and a failed query would end PostgreSQL's transaction).
            if (!source || source.columns.find((c) => c.name === binding.column.column)?.expression) continue;
            const table = source.table
                ? [source.table.schema, source.table.name].filter((p): p is string => p !== null).map(quoteIdent).join('.')
                : quoteIdent(`src_${binding.source}`);
            try {
                const [row] = await conn.query(`SELECT count(DISTINCT ${quoteIdent(binding.column.column)}) AS n FROM ${table}`);
                most = Math.max(most, Number(row.n));
            } catch {
                // the table is not loaded (a source with errors, or checked with another monitor)
            }
        }
        cellsOf.set(dimension.name, most + 1);
    }
    let total = 0;
    let largest: { name: string; cells: number; span: ProgramIR['indicators'][number]['span'] } | null = null;
    for (const indicator of program.indicators) {
        const cells = periods * indicator.by.reduce((product, d) => product * (cellsOf.get(d) ?? 1), 1) * (1 + indicator.references.length);
        total += cells;
        if (!largest || cells > largest.cells) largest = { name: indicator.name, cells, span: indicator.span };
    }
    if (total <= MAX_OUTPUT_CELLS || !largest) return null;
    const shown = (n: number) => n.toLocaleString('en-US');
    return {
        source: '', code: 'data-too-many-cells', severity: 'error', span: largest.span,
        message: `This monitor would compute about ${shown(total)} output cells (${shown(periods)} periods × breakdown cells × indicators), more than the ${shown(MAX_OUTPUT_CELLS)} allowed; indicator ${largest.name} alone has ${shown(largest.cells)}.`,
        messageNl: `Deze monitor zou ongeveer ${shown(total)} uitvoercellen berekenen (${shown(periods)} perioden × uitsplitsingscellen × indicatoren), meer dan de toegestane ${shown(MAX_OUTPUT_CELLS)}; indicator ${largest.name} alleen al heeft er ${shown(largest.cells)}.`,
        hint: 'Shorten the range, use a coarser grain, or break down by a dimension with fewer values (not by person).',
        hintNl: 'Maak de range korter, gebruik een grovere grain, of splits uit naar een dimensie met minder waarden (niet naar persoon).',
    };
}
