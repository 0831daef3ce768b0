/**
 * `auditPublication`: the reader's view of everything published together. It puts every published
 * count into one table of cells, adds the linear relations the definitions imply, bounds each hidden
 * count with two linear programmes (HiGHS), and adds the leaks visible without a solver. Independent of
 * the engine's disclosure code: it sees only the IR and the published rows (ARCHITECTURE.md).
 */
import type { AuditFinding, AuditResult, PublishedMonitor } from './audit-types.js';
import { boundCells } from './bound-cells.js';
import { CellTable, OUTSIDE } from './cell-table.js';
import { collectCells } from './collect-cells.js';
import { linearRelations } from './linear-relations.js';
import { sanityChecks } from './sanity-checks.js';

/** Audits monitors published together; findings are leaks a reader can exploit. */
export async function auditPublication(monitors: PublishedMonitor[]): Promise<AuditResult> {
    const table = new CellTable();
    for (const m of monitors) collectCells(table, m.program, m.rows);
    const relations = linearRelations(table);
    const inconsistent: string[] = [];
    const bounds = await boundCells(table.cells, relations, inconsistent);
    // The protection: the largest minimum among the monitors published together.
    const minimum = Math.max(1, ...monitors.map((m) => m.program.monitor.privacy?.minimum ?? 0));
    const findings: AuditFinding[] = [];
    for (const b of bounds) {
        const exact = b.low === b.high;
        // Narrow: fewer possible values than the minimum (a report's "< 10" leaves 0..9, ten values:
        // not narrower). Rows outside a binding count only when the reader can prove someone is there.
        const narrow = b.high - b.low + 1 < minimum;
        if (b.cell.outside ? b.low < 1 || !(exact || narrow) : !(exact || narrow)) continue;
        const what = b.cell.outside
            ? `${b.cell.label} (rows in no cell of ${[...b.cell.coords].filter(([, v]) => v === OUTSIDE).length > 0 ? 'a breakdown: outside its binding\'s where or without a value' : 'a breakdown'})`
            : b.cell.label;
        const givenBy = b.givenBy.map((c) => c.label).sort();
        findings.push({
            kind: exact ? 'derivable' : 'narrow', monitor: b.cell.monitor, subject: what,
            interval: { low: b.low, high: b.high }, givenBy,
            message: exact
                ? `${what} is not published, but it follows exactly from ${givenBy.join('; ')}: it is ${b.low}.`
                : `${what} is not published, but ${givenBy.join('; ')} bound it to ${b.low}..${b.high}, narrower than the minimum ${minimum}.`,
            messageNl: exact
                ? `${what} is niet gepubliceerd, maar volgt precies uit ${givenBy.join('; ')}: het is ${b.low}.`
                : `${what} is niet gepubliceerd, maar ${givenBy.join('; ')} begrenzen het tot ${b.low}..${b.high}, smaller dan het minimum ${minimum}.`,
        });
    }
    for (const m of monitors) findings.push(...sanityChecks(m, table).map((f) => ({ ...f, monitor: m.program.monitor.name })));
    return {
        findings,
        checked: { hidden: bounds.length, cells: table.cells.length, relations: relations.length },
        inconsistent,
    };
}
