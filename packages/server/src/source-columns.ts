/** The real columns of a source's data file, with the workspace confinement check. Trusted only. */
import { AstUtils } from 'langium';
import type { SourceIR } from '@monitor/ir';
import type { ast } from '@monitor/language';
import { readCsvColumns, type FileColumn } from './csv-header.js';
import { resolveDataPath } from './data-paths.js';
import { readParquetColumns } from './parquet-header.js';
import type { ServerContext } from './server-context.js';
import { workspaceRootOf } from './server-settings.js';

/** Header columns of the file a source declares (CSV header or Parquet footer); undefined when untrusted, refused or unreadable. */
export function sourceFileColumns(ctx: ServerContext, source: ast.Source): FileColumn[] | undefined {
    // A table source's columns are in a database the editor does not connect to (docs/postgres.md).
    if (!ctx.settings.trusted || !source.path || source.table) return undefined;
    const parquet = source.format === 'parquet' || (!source.format && /\.parquet$/i.test(source.path));
    if (source.format === 'json' || (!source.format && /\.json$/i.test(source.path))) return undefined;
    const declaredIn = AstUtils.getDocument(source).uri.toString();
    // resolveDataPath reads only the name, path and declaring file of a source.
    const root = workspaceRootOf(ctx.settings, declaredIn);
    if (root === undefined) return undefined;
    const resolved = resolveDataPath({ name: source.name, path: source.path, declaredIn } as SourceIR, root);
    if (!resolved.ok) return undefined;
    if (parquet) return readParquetColumns(resolved.file);
    return readCsvColumns(resolved.file, { delimiter: source.delimiter, decimalComma: source.decimal === 'comma', nulls: source.nulls });
}
