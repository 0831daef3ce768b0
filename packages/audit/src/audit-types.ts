/** What the audit reads (one publication: monitors published together) and what it reports. */
import type { ProgramIR, ResultRow } from '@monitor/ir';

/** One monitor as published: its definitions, every row `monitor run` outputs, and its printed warnings. */
export interface PublishedMonitor {
    program: ProgramIR;
    /** The safe rows, exactly as published (every indicator, period, breakdown and reference series). */
    rows: ResultRow[];
    /** Texts printed beside the rows (warnings on stderr, in the editor), with their codes. */
    messages?: { code: string; text: string }[];
}

/** What a finding is about. */
export type FindingKind =
    /** A hidden count follows exactly from the published cells. */
    | 'derivable'
    /** A hidden count is bounded to an interval narrower than the minimum. */
    | 'narrow'
    /** A published count (or a sum of an integer column, or a difference of nested counts) below the minimum. */
    | 'below-minimum'
    /** Counts of person-level rows published without a minimum. */
    | 'no-minimum'
    /** A `min`/`max` over person-level rows: one person's value. */
    | 'single-value'
    /** An average over person-level rows times a published count gives a small count. */
    | 'implied-count'
    /** A reference series read from person-level rows, with no minimum of persons behind it. */
    | 'person-reference'
    /** A hidden row marked provisional: it holds at least one record. */
    | 'provisional-flag'
    /** A printed message names a breakdown value all of whose cells are hidden. */
    | 'message-names-hidden';

/** One leak the reader can exploit. */
export interface AuditFinding {
    kind: FindingKind;
    /** The `.monitor` monitor name. */
    monitor: string;
    /** The cell it is about, in words (`per_wijk 2024 wijk=A`). */
    subject: string;
    /** For `derivable` and `narrow`: the smallest and largest value the reader can prove. */
    interval?: { low: number; high: number };
    /** The published cells that give it away (or the row, message or rule at fault). */
    givenBy: string[];
    message: string;
    messageNl: string;
}

/** The audit's answer: the findings and how much it looked at. */
export interface AuditResult {
    findings: AuditFinding[];
    /** Hidden counts whose bounds were solved, cells and relations in the system. */
    checked: { hidden: number; cells: number; relations: number };
    /** Relations the published values contradict (a gap in the audit's model; should be empty). */
    inconsistent: string[];
}
