/**
 * `sources-mixed`: a monitor reads data files or database tables, never both. Files are computed
 * with DuckDB (the CLI, the editor, the preview) and tables in PostgreSQL; a monitor with both would
 * need case data copied out of the warehouse or a file copied into it, and the tools do neither
 * (docs/postgres.md). The monitor is a file with the files it imports (its sources are all of theirs).
 * The error stands at each source of the kind the monitor has fewer of (the table sources when equal),
 * in the file that declares it; where such sources come in through an import, at that import.
 */
import type { ValidationAcceptor } from 'langium';
import { isSource, type Import, type Model, type Source } from './generated/ast.js';
import { report } from './check-structure.js';

/** What the check needs to know about the imports: the sources each import brings in, transitively. */
export type ImportedSources = (imp: Import) => Source[];

const kindOf = (s: Source): 'table' | 'file' => (s.table ? 'table' : 'file');

/** Reports `sources-mixed` in `model` when it and its imports read both files and tables. */
export function checkSourceKinds(model: Model, imported: ImportedSources, accept: ValidationAcceptor): void {
    const own = model.elements.filter(isSource);
    if (own.length === 0 && model.imports.length === 0) return;
    const viaImport = model.imports.map(imp => ({ imp, sources: imp.path ? imported(imp) : [] }));
    const all = [...new Set([...own, ...viaImport.flatMap(v => v.sources)])];
    const tables = all.filter(s => kindOf(s) === 'table');
    const files = all.filter(s => kindOf(s) === 'file');
    if (tables.length === 0 || files.length === 0) return;
    const odd = tables.length <= files.length ? 'table' : 'file';
    const other = (odd === 'table' ? files : tables)[0];
    const args = (s: Source, via = '') => ({ source: s.name, kind: odd, other: other.name, via });
    for (const source of own) {
        if (kindOf(source) === odd) report(accept, 'error', 'sources-mixed', args(source), source, 'path');
    }
    for (const { imp, sources } of viaImport) {
        const first = sources.find(s => kindOf(s) === odd && !own.includes(s));
        if (first) report(accept, 'error', 'sources-mixed', args(first, imp.path), imp, 'path');
    }
}
