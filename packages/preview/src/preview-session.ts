/**
 * Keeps DuckDB-WASM and the loaded data between edits: the data is loaded again only when a file
 * changed on disk or the source declarations changed; an edit elsewhere re-plans, and re-runs the
 * queries only when a query changed (a target, title or note edit re-runs disclosure and targets only).
 */
import type { ProgramIR, ResultRow } from '@monitor/ir';
import { executePlan, startBrowserDatabase, type BrowserDatabase, type BrowserDuckDBAssets, type DataIssue, type Engine } from '@monitor/engine/browser';
import { planIndicators } from '@monitor/compiler';
import { loadProgramData, safeRows } from './compute-rows.js';

/** The outcome of one computation. */
export interface SessionResult {
    rows: ResultRow[];
    issues: DataIssue[];
    /** True when the data was (re)loaded for this result. */
    reloaded: boolean;
}

/** One preview's database and data cache. */
export class PreviewSession {
    private database: Promise<BrowserDatabase> | null = null;
    private engine: Engine | null = null;
    private loadedKey = '';
    private issues: DataIssue[] = [];
    private readonly files = new Map<string, Uint8Array>();
    private filesVersion = 0;
    /** The raw rows of the last plan run on the loaded data: an edit that leaves every query alone (a target, a title, a note) skips DuckDB. */
    private raw: { plan: string; rows: ResultRow[] } | null = null;

    constructor(private readonly assets: BrowserDuckDBAssets) {}

    /** Replaces the bytes of changed files (as the host posts them). */
    updateFiles(files: { source: string; bytes: Uint8Array }[]): void {
        for (const f of files) this.files.set(f.source, f.bytes);
        if (files.length > 0) this.filesVersion += 1;
    }

    /** Computes a program's rows, reloading data only when needed. */
    async compute(program: ProgramIR): Promise<SessionResult> {
        // Spans move on every keystroke; only what the data stage reads counts for the key.
        const sources = program.sources.map(({ span: _s, pathSpan: _p, columns, ...rest }) => ({ ...rest, columns: columns.map(({ span: _c, ...c }) => c) }));
        const key = JSON.stringify([this.filesVersion, sources]);
        let reloaded = false;
        if (!this.engine || key !== this.loadedKey) {
            this.database ??= startBrowserDatabase(this.assets);
            const db = await this.database;
            this.engine = await db.newEngine();
            this.issues = await loadProgramData(this.engine, program, this.files);
            this.loadedKey = key;
            this.raw = null;
            reloaded = true;
        }
        const failed = this.issues.some(i => i.severity === 'error');
        if (failed) return { rows: [], issues: this.issues, reloaded };
        const plan = planIndicators(program);
        const planKey = JSON.stringify(plan);
        if (this.raw?.plan !== planKey) this.raw = { plan: planKey, rows: await executePlan(this.engine, plan) };
        // A copy: the later stages must never see rows another run already changed.
        const rows = safeRows(program, structuredClone(this.raw.rows));
        return { rows, issues: this.issues, reloaded };
    }
}
