/** The lowered examples/jeugd monitor, through the real language stages (for the server's unit tests). */
import path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import type { ProgramIR } from '@monitor/ir';
import { createMonitorServices, importClosure, loadDocuments, lowerDocument } from '@monitor/language';

/** The example's folder (its data paths resolve against it). */
export const JEUGD = path.resolve(import.meta.dirname, '../../../examples/jeugd');

/** Parses, validates and lowers examples/jeugd/jeugd.monitor (or `jeugd.monitor` in a copy at `dir`); throws on errors. */
export async function jeugdProgram(dir = JEUGD): Promise<ProgramIR> {
    const { shared } = createMonitorServices(NodeFileSystem);
    const workspace = await loadDocuments(shared, [path.join(dir, 'jeugd.monitor')]);
    const root = workspace.roots[0];
    const errors = workspace.all.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1));
    if (!root || errors.length > 0) throw new Error(`jeugd.monitor has errors: ${errors.map(e => e.message).join('; ')}`);
    return lowerDocument(root, workspace, importClosure(root.uri, shared.workspace.LangiumDocuments));
}
