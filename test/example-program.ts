/**
 * The real language pipeline and the real `monitor run` for an example, for tests of the preview and
 * the charts: the program comes from loadDocuments + lowerDocument, the bytes from the declared files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import type { FlatRow, ProgramIR } from '@monitor/ir';
import { createMonitorServices, importClosure, loadDocuments, lowerDocument } from '@monitor/language';
import { monitorInProcess, ROOT } from './cli-helpers.js';

/**
 * Every example monitor file (examples/<name>/*.monitor, not the generator). Folders with a
 * `.monitor-skip` file (examples/cbs-almere: real CBS data in ../shared, run with `--root ..`) are left
 * out here as in `monitor check examples`, with the reason printed; test/cbs-almere.test.ts covers them.
 */
export function exampleMonitors(): string[] {
    const dir = path.join(ROOT, 'examples');
    return fs.readdirSync(dir, { withFileTypes: true })
        .filter(e => e.isDirectory() && e.name !== 'generate' && !skippedExample(path.join(dir, e.name)))
        .flatMap(e => fs.readdirSync(path.join(dir, e.name)).filter(f => f.endsWith('.monitor')).map(f => path.join(dir, e.name, f)))
        .sort();
}

/** Whether an example folder is left out of the loops over examples/ (prints the reason once). */
export function skippedExample(folder: string): boolean {
    const marker = path.join(folder, '.monitor-skip');
    if (!fs.existsSync(marker)) return false;
    if (!reported.has(folder)) console.warn(`SKIP ${path.relative(ROOT, folder)} in the loop over examples/: ${fs.readFileSync(marker, 'utf8').split('\n')[0]}`);
    reported.add(folder);
    return true;
}
const reported = new Set<string>();

/** A lowered example with the bytes of its declared data files, by source name. */
export interface ExampleProgram {
    file: string;
    program: ProgramIR;
    files: { source: string; bytes: Uint8Array }[];
}

/** Runs the language stages on one monitor file and reads its data files the way the panel host does. */
export async function exampleProgram(file: string): Promise<ExampleProgram> {
    const { shared } = createMonitorServices(NodeFileSystem);
    const workspace = await loadDocuments(shared, [file]);
    const root = workspace.roots[0];
    const errors = workspace.all.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1));
    if (!root || errors.length > 0) throw new Error(`${file} has errors: ${errors.map(e => e.message).join('; ')}`);
    const program = lowerDocument(root, workspace, importClosure(root.uri, shared.workspace.LangiumDocuments));
    const files = program.sources.map(source => {
        const full = path.resolve(path.dirname(fileURLToPath(source.declaredIn)), source.path);
        return { source: source.name, bytes: new Uint8Array(fs.readFileSync(full)) };
    });
    return { file, program, files };
}

/**
 * The rows of `monitor run <file> --format json`, run in this process (`monitorInProcess`: the same
 * `runMonitor` as the command, without the ~3 s of CPU a new process spends starting up).
 */
export async function cliRunRows(file: string): Promise<FlatRow[]> {
    const run = await monitorInProcess(['run', file, '--format', 'json'], ROOT);
    if (run.code !== 0) throw new Error(`monitor run ${file} failed (${run.code}): ${run.stderr}`);
    return JSON.parse(run.stdout) as FlatRow[];
}

/** The path of an artefact a reviewer can open (screenshots, rendered charts); test-output/ is ignored by git. */
export function testOutput(name: string): string {
    const dir = path.join(ROOT, 'test-output');
    fs.mkdirSync(dir, { recursive: true });
    return path.join(dir, name);
}
