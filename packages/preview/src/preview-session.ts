/**
 * Keeps DuckDB-WASM and the loaded data between edits: the data is loaded again only when a file
 * changed on disk or the source declarations changed; an edit elsewhere re-plans, and runs only the
 * queries whose SQL changed (the results of the others are kept by SQL text), so a target, title or
 * note edit runs no query, and an edit of one indicator runs that indicator's queries only.
 */
import type { ProgramIR, ResultRow } from '@monitor/ir';
import { executePlan, startBrowserDatabase, type BrowserDatabase, type BrowserDuckDBAssets, type DataIssue, type Engine, type PlainRow } from '@monitor/engine/browser';
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
    /** Query results on the loaded data by SQL text, for the queries of the last plan. */
    private results = new Map<string, PlainRow[]>();

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
            this.results = new Map();
            reloaded = true;
        }
        const failed = this.issues.some(i => i.severity === 'error');
        if (failed) return { rows: [], issues: this.issues, reloaded };
        // Invariant: the data is locked after loading, so the same SQL gives the same rows until a reload.
        const engine = this.engine;
        const used = new Map<string, PlainRow[]>();
        const cached: Engine = {
            ...engine,
            query: async (sql) => {
                const rows = this.results.get(sql) ?? await engine.query(sql);
                used.set(sql, rows);
                return rows;
            },
        };
        // executePlan builds fresh result rows from the (unchanged) query rows on every run.
        const raw = await executePlan(cached, planIndicators(program));
        this.results = used;
        return { rows: await safeRows(program, raw), issues: this.issues, reloaded };
    }
}
