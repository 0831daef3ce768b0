/** The real columns of a source's data file, with the workspace confinement check. Trusted only. */
import { AstUtils } from 'langium';
import type { SourceIR } from '@monitor/ir';
import type { ast } from '@monitor/language';
import { readCsvColumns, type FileColumn } from './csv-header.js';
import { resolveDataPath } from './data-paths.js';
import type { ServerContext } from './server-context.js';
import { workspaceRootOf } from './server-settings.js';

/** Header columns of the file a source declares; undefined when untrusted, refused or unreadable. */
export function sourceFileColumns(ctx: ServerContext, source: ast.Source): FileColumn[] | undefined {
    if (!ctx.settings.trusted || !source.path || (source.format && source.format !== 'csv')) return undefined;
    const declaredIn = AstUtils.getDocument(source).uri.toString();
    // resolveDataPath reads only the name, path and declaring file of a source.
    const resolved = resolveDataPath({ name: source.name, path: source.path, declaredIn } as SourceIR, workspaceRootOf(ctx.settings, declaredIn));
    if (!resolved.ok) return undefined;
    return readCsvColumns(resolved.file, { delimiter: source.delimiter, decimalComma: source.decimal === 'comma', nulls: source.nulls });
}
