/** Notes for charts: `monitor run` output stays rows only; the report and preview take notes from the IR. */
import type { NoteIR, ProgramIR } from './ir.js';

/**
 * The notes that belong on an indicator's chart, by date: its own notes and the monitor-wide ones
 * (a note without `on`).
 */
export function notesFor(program: ProgramIR, indicator: string): NoteIR[] {
    return program.notes
        .filter((n) => n.indicator === null || n.indicator === indicator)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
