/**
 * The language stages for the CLI: syntax, references and meaning, over files and folders,
 * and lowering of every file that passes to IR.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'langium';
import type { ProgramIR } from '@monitor/ir';
import { createMonitorServices, getLocale, importClosure, loadDocuments, lowerDocument, message, setImportGuard } from '@monitor/language';
import { confineImport } from '@monitor/server';
import { fromRange, type CliDiagnostic } from './diagnostic.js';
import { UsageError } from './usage-error.js';
import { workspaceRoot } from './workspace-root.js';

/** A monitor that passed the language stages, ready for the data stage. */
export interface AnalysedMonitor {
    file: string;
    program: ProgramIR;
    /** Converts an offset in a loaded file to a 0-based line and character. */
    positionAt: (uri: string, offset: number) => { line: number; character: number };
}

export interface Analysis {
    diagnostics: CliDiagnostic[];
    monitors: AnalysedMonitor[];
    files: string[];
}

/** Expands folders into the `.monitor` files below them (sorted, skipping node_modules and dot folders). */
export async function collectFiles(inputs: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const input of inputs) {
        const abs = path.resolve(input);
        const stat = await fs.stat(abs).catch(() => undefined);
        if (!stat) throw new UsageError(`No such file or folder: ${input}`);
        if (stat.isFile()) out.push(abs);
        else out.push(...(await walk(abs)));
    }
    return [...new Set(out)];
}

/**
 * A folder with a `.monitor-skip` file is left out when a parent folder is walked (named directly, it
 * is checked). The file holds the reason: line 1 English, line 2 Dutch; it is printed on stderr.
 * examples/cbs-almere uses it: it reads the CBS files in ../shared and needs `--root ..`.
 */
async function walk(dir: string, top = true): Promise<string[]> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    if (!top && entries.some(e => e.name === '.monitor-skip' && e.isFile())) {
        const [en, nl] = (await fs.readFile(path.join(dir, '.monitor-skip'), 'utf8')).split(/\r?\n/).map(l => l.trim());
        const where = path.relative(process.cwd(), dir) || dir;
        process.stderr.write(getLocale() === 'nl' ? `Overgeslagen: ${where}: ${nl || en}\n` : `Skipped ${where}: ${en}\n`);
        return [];
    }
    const found: string[] = [];
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) found.push(...(await walk(full, false)));
        else if (e.isFile() && e.name.endsWith('.monitor')) found.push(full);
    }
    return found;
}

export { UsageError };

const SEVERITY: Record<number, CliDiagnostic['severity']> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

/**
 * Runs the language stages on files and returns their diagnostics and the programs without errors.
 * Imports are confined like data paths: to `--root` (`root`), else the importing file's workspace root.
 */
export async function analyse(files: string[], root?: string): Promise<Analysis> {
    const { shared } = createMonitorServices(NodeFileSystem);
    setImportGuard(shared, (from, target, importPath) => confineImport(target.fsPath, workspaceRoot(root, from.fsPath), importPath));
    const workspace = await loadDocuments(shared, files);
    const diagnostics: CliDiagnostic[] = [];
    const erroneous = new Set<string>();
    const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // Invariant: check never passes a file it could not read, parse or analyse.
    for (const { uri, reason } of workspace.failed) {
        erroneous.add(uri.toString());
        const code = workspace.all.some(d => d.uri.toString() === uri.toString()) ? 'analysis-failed' : 'file-unreadable';
        diagnostics.push(fromRange(uri.fsPath, start, 'error', code, message(code, { reason })));
    }
    for (const doc of workspace.all) {
        const file = doc.uri.fsPath;
        for (const d of doc.diagnostics ?? []) {
            const data = d.data as { code?: string } | undefined;
            const code = String(data?.code ?? d.code ?? 'syntax-error');
            const severity = SEVERITY[d.severity ?? 1];
            if (severity === 'error') erroneous.add(doc.uri.toString());
            diagnostics.push(fromRange(file, d.range, severity, code, typeof d.message === 'string' ? d.message : d.message.value));
        }
    }
    const documents = shared.workspace.LangiumDocuments;
    const positionAt = (uri: string, offset: number) =>
        documents.getDocument(URI.parse(uri))?.textDocument.positionAt(offset) ?? { line: 0, character: 0 };
    const monitors: AnalysedMonitor[] = [];
    for (const root of workspace.roots) {
        const closure = importClosure(root.uri, documents);
        const model = root.parseResult.value;
        const hasMonitor = model.elements?.some(e => e.$type === 'MonitorDecl' || e.$type === 'Indicator');
        if (!hasMonitor || [...closure].some(u => erroneous.has(u))) continue;
        try {
            monitors.push({ file: root.uri.fsPath, program: lowerDocument(root, workspace, closure), positionAt });
        } catch (error) {
            // Invariant (ARCHITECTURE.md): lowering does not throw on a file without errors; if it does, say so.
            const reason = error instanceof Error ? error.message : String(error);
            diagnostics.push(fromRange(root.uri.fsPath, start, 'error', 'analysis-failed', message('analysis-failed', { reason })));
        }
    }
    return { diagnostics, monitors, files };
}
