// An esbuild plugin that bundles the @monitor packages from their TypeScript sources (no `tsc -b`
// needed first), shared by the extension's and the preview's builds. `sources` maps each import
// that may be bundled to its file under the repository root; any other @monitor import is an error
// that names `why` (the file that decides what may be bundled).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function monitorSources(sources, why) {
    return {
        name: 'monitor-sources',
        setup(build) {
            build.onResolve({ filter: /^@monitor\// }, args => {
                const file = sources[args.path];
                if (!file) return { errors: [{ text: `${args.path} may not be bundled here (see ${why}).` }] };
                return { path: path.join(ROOT, file) };
            });
        },
    };
}
