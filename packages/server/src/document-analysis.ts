/**
 * Per open document: lowering, the data stage and the computed rows, via the same pipeline as
 * `monitor run` (`computeAnalysis`). Results are cached per document version and data-file
 * modification times; work runs one document at a time in a worker thread, so requests never wait
 * for DuckDB.
 */
import fs from 'node:fs';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ProgramIR, ResultRow } from '@monitor/ir';
import { ast, importClosure, lowerProgram, message } from '@monitor/language';
import { AnalysisRunner, AnalysisTimeout } from './analysis-runner.js';
import type { SpanIssue } from './data-files.js';
import { resolveDataPath } from './data-paths.js';
import { withPrivacyFloor } from './privacy-floor.js';
import { postgresLink } from './postgres-setting.js';
import { localPath, workspaceRootOf, type ServerSettings } from './server-settings.js';

/** What the server knows about one document: its program and, when trusted, data findings and rows. */
export interface Analysis {
    key: string;
    program: ProgramIR | null;
    errors: number;
    dataFiles: { source: string; path: string }[];
    issues: SpanIssue[];
    /** Safe rows, or null when not computed (untrusted, errors, or no indicators). */
    rows: ResultRow[] | null;
    /** Why nothing was computed although the program is fine: over the row or the time limit. */
    stopped?: 'too-large' | 'timeout';
    /** The engine that computed the rows (hover names it). */
    engine?: 'native' | 'wasm' | 'postgres';
    /** Skipped: the document changed while the job waited; a newer analysis follows. */
    stale?: true;
}

/** The last analysis of a document that computed rows, and when it finished (ms since 1970). */
export interface GoodAnalysis {
    analysis: Analysis & { program: ProgramIR; rows: ResultRow[] };
    at: number;
}

/**
 * The program of a document and its imports, without touching data files; `privacyMinimum` (the
 * editor's setting) raises the program's privacy minimum.
 */
export function lowerForDocument(shared: LangiumSharedServices, uri: string, privacyMinimum: number | null = null, rootState: DocumentState = DocumentState.Validated): { program: ProgramIR | null; errors: number; closure: LangiumDocument[]; ready: boolean } {
    const documents = shared.workspace.LangiumDocuments;
    const closure = [...importClosure(URI.parse(uri), documents)]
        .map(u => documents.getDocument(URI.parse(u)))
        .filter((d): d is LangiumDocument => d !== undefined);
    // Lowering a document that is not yet linked and validated gives a wrong program without a word
    // (an unresolved measure has no time meaning, so every row counts in the first period): not ready.
    // Its imports need to be linked (a workspace file that is not open is linked, not validated).
    // Hover and lenses show the definition once the document is linked (`rootState`); computing waits
    // for validation, so a document with errors is never computed.
    const ready = closure.some(d => d.uri.toString() === uri && d.state >= rootState)
        && closure.every(d => d.state >= DocumentState.Linked);
    if (!ready) return { program: null, errors: 0, closure, ready };
    const errors = closure.reduce((n, d) => n + (d.diagnostics ?? []).filter(x => (x.severity ?? 1) === 1).length, 0);
    const root = closure.find(d => d.uri.toString() === uri);
    if (!root || errors > 0) return { program: null, errors: Math.max(errors, root ? 0 : 1), closure, ready };
    const input = (d: LangiumDocument) => ({ uri: d.uri.toString(), model: d.parseResult.value as ast.Model });
    try {
        const program = lowerProgram(input(root), closure.filter(d => d !== root).map(input));
        return { program: withPrivacyFloor(program, privacyMinimum), errors: 0, closure, ready };
    } catch {
        // Invariant (ARCHITECTURE.md): lowering does not throw without errors; if it does, show no program.
        return { program: null, errors: 1, closure, ready };
    }
}

/** The data files of a program that pass the confinement check (absolute paths); none without a root. */
export function confinedDataFiles(program: ProgramIR, root: string | undefined): { source: string; path: string }[] {
    if (root === undefined) return [];
    return program.sources.flatMap(s => {
        if (localPath(s.declaredIn) === undefined || s.table) return [];
        const r = resolveDataPath(s, root);
        return r.ok ? [{ source: s.name, path: r.file }] : [];
    });
}

function mtime(file: string): number {
    try { return fs.statSync(file).mtimeMs; } catch { return -1; }
}

/** Runs and caches analyses; `onResult` hears about each finished one (to publish diagnostics). */
export class DocumentAnalyses {
    private readonly results = new Map<string, Analysis>();
    private readonly good = new Map<string, GoodAnalysis>();
    private readonly pending = new Map<string, Promise<Analysis>>();
    private readonly wanted = new Map<string, string>();
    private readonly timers = new Map<string, NodeJS.Timeout>();
    private queue: Promise<unknown> = Promise.resolve();
    private computing = 0;

    /**
     * `onComputing` hears the number of documents being computed (queued or running in the worker)
     * whenever it changes — the server sends it as `monitor/status`.
     */
    constructor(
        private readonly shared: LangiumSharedServices,
        private readonly settings: ServerSettings,
        private readonly onResult: (uri: string, analysis: Analysis) => void,
        private readonly runner: AnalysisRunner = new AnalysisRunner(),
        private readonly onComputing: (count: number) => void = () => undefined,
    ) {}

    private countComputing(delta: number): void {
        this.computing += delta;
        this.onComputing(this.computing);
    }

    /** The last finished analysis of a document, if any (never waits). */
    latest(uri: string): Analysis | undefined {
        return this.results.get(uri);
    }

    /**
     * The last analysis of a document that computed rows, kept while later versions have errors or
     * fail, so lenses and hover can still show those values, marked as the last good result.
     */
    lastGood(uri: string): GoodAnalysis | undefined {
        return this.good.get(uri);
    }

    /** Stores a finished analysis (and, when it has rows, as the last good one) and reports it. */
    private store(uri: string, analysis: Analysis): void {
        this.results.set(uri, analysis);
        if (analysis.program !== null && analysis.rows !== null) this.good.set(uri, { analysis: analysis as GoodAnalysis['analysis'], at: Date.now() });
        this.onResult(uri, analysis);
    }

    /** Every document with a finished analysis. */
    uris(): string[] {
        return [...this.results.keys()];
    }

    /** The current program of a document (lowered now, cheap), or null when it has errors. */
    lowered(uri: string): ProgramIR | null {
        return lowerForDocument(this.shared, uri, this.settings.privacyMinimum, DocumentState.Linked).program;
    }

    /**
     * Analyses a document once edits have paused for `delayMs` (typing never waits for DuckDB).
     * `restart: false` (hover, lenses) keeps a pending timer instead of postponing it.
     */
    schedule(uri: string, delayMs = 300, restart = true): void {
        if (!restart && this.timers.has(uri)) return;
        clearTimeout(this.timers.get(uri));
        this.timers.set(uri, setTimeout(() => {
            this.timers.delete(uri);
            // An error in one document's work is that document's diagnostic, never the server's end.
            try {
                void this.analyse(uri).catch(error => this.failed(uri, error));
            } catch (error) {
                this.failed(uri, error);
            }
        }, delayMs));
    }

    /** Logs a failed analysis and shows it as an error on the document (the next edit retries). */
    private failed(uri: string, error: unknown): void {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(`monitor: the analysis of ${uri} failed:`, error);
        const issue: SpanIssue = { span: { uri, offset: 0, length: 0 }, severity: 'error', code: 'analysis-failed', message: message('analysis-failed', { reason }) };
        const analysis: Analysis = { key: `failed:${Date.now()}`, program: null, errors: 1, dataFiles: [], issues: [issue], rows: null };
        try {
            this.store(uri, analysis);
        } catch (inner) {
            console.error('monitor: could not report a failed analysis:', inner);
        }
    }

    /** Forgets a document (closed). */
    forget(uri: string): void {
        clearTimeout(this.timers.get(uri));
        this.results.delete(uri);
        this.good.delete(uri);
        this.wanted.delete(uri);
    }

    /**
     * Analyses a document unless the cached result is still valid; resolves with the current result.
     * `retryFailed` (the preview's `monitor/rows`): a cached result of a lowered program that computed
     * no rows is not valid — the database may be reachable again.
     */
    analyse(uri: string, options: { retryFailed?: boolean } = {}): Promise<Analysis> {
        const { program, errors, closure, ready } = lowerForDocument(this.shared, uri, this.settings.privacyMinimum);
        // Not yet validated: nothing is computed or cached now; the Validated phase schedules it again.
        if (!ready) return Promise.resolve(this.results.get(uri) ?? { key: 'not-ready', program: null, errors: 0, dataFiles: [], issues: [], rows: null });
        const root = workspaceRootOf(this.settings, uri);
        const dataFiles = program && this.settings.trusted ? confinedDataFiles(program, root) : [];
        const key = [this.settings.trusted, ...closure.map(d => `${d.uri}@${d.textDocument.version}`),
            ...dataFiles.map(f => `${f.path}@${mtime(f.path)}`)].join('|');
        const cached = this.results.get(uri);
        const failed = options.retryFailed === true && cached?.program !== null && cached?.rows === null;
        if (cached?.key === key && !failed) return Promise.resolve(cached);
        this.wanted.set(uri, key);
        const running = this.pending.get(key);
        if (running) return running;
        // A job whose document changed while it waited in the queue is skipped: a newer one follows.
        const stale = (): Analysis => ({ key, program, errors, dataFiles, issues: [], rows: null, stale: true });
        const computes = this.computes(program) && root !== undefined;
        if (computes) this.countComputing(1);
        const job = this.queue.then(() => this.wanted.get(uri) === key ? this.compute(key, program, errors, dataFiles, root) : stale());
        this.queue = job.catch(() => undefined);
        this.pending.set(key, job);
        return job.then(result => {
            if (this.wanted.get(uri) !== key) return result;
            this.store(uri, result);
            return result;
        }).finally(() => {
            this.pending.delete(key);
            if (computes) this.countComputing(-1);
        });
    }

    /** Whether a program is computed at all: only a lowered one with sources, in a trusted workspace. */
    private computes(program: ProgramIR | null): program is ProgramIR {
        return program !== null && this.settings.trusted && program.sources.length > 0;
    }

    private async compute(key: string, program: ProgramIR | null, errors: number,
        dataFiles: Analysis['dataFiles'], root: string | undefined): Promise<Analysis> {
        const base: Analysis = { key, program, errors, dataFiles, issues: [], rows: null };
        // A document that is no local file (untitled:, git:, a notebook cell) has no data stage.
        if (!this.computes(program) || root === undefined) return base;
        const { maxRows, timeoutSeconds, engine } = this.settings;
        try {
            // Only a monitor with table sources looks for a PostgreSQL connection (nothing is attempted otherwise).
            const postgres = program.sources.some(s => s.table) ? postgresLink(this.settings) : null;
            return { ...base, ...(await this.runner.run(program, root, this.settings.locale, { maxRows, timeoutSeconds, engine, postgres })) };
        } catch (error) {
            if (error instanceof AnalysisTimeout) {
                const issue = { span: program.monitor.span, severity: 'error' as const, code: 'data-timeout', message: message('data-timeout', { seconds: error.seconds }) };
                return { ...base, issues: [issue], stopped: 'timeout' };
            }
            // A worker that failed leaves no findings and no rows; the next edit retries.
            return base;
        }
    }

    /** Stops the background worker. */
    dispose(): void {
        this.runner.dispose();
    }
}
