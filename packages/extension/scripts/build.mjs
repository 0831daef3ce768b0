// Bundles the VS Code extension into packages/extension/dist/ with esbuild, from the TypeScript
// sources (no `tsc -b` needed first; `npm run generate` must have run for the language package):
//   dist/extension.cjs        the client (vscode-languageclient), `vscode` left external
//   dist/server.cjs           the language server (packages/server/src/main.ts: polyfill first)
//   dist/analysis-worker.js   the server's worker thread that computes with native DuckDB where
//                             `require('@duckdb/node-api')` finds it, else with DuckDB-WASM
//   dist/pg.cjs               the PostgreSQL client (npm `pg`), one copy that server and worker require
// and into media/ the preview webview (packages/preview/build.mjs), media/duckdb-eh.wasm.br, the one
// copy of DuckDB-WASM that both the webview and the server's worker load, and media/highs.wasm.br, the
// one copy of the HiGHS solver of disclosure control, likewise: brotli-compressed with media/wasm.json
// (scripts/pack-wasm.mjs), unpacked once on the user's machine (packages/engine/src/wasm-store.ts).
//   node packages/extension/scripts/build.mjs [--no-minify]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { monitorSources as monitorSourcesPlugin } from '../../../scripts/esbuild-monitor-sources.mjs';
import { packWasm } from './pack-wasm.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXT = path.resolve(here, '..');
const ROOT = path.resolve(EXT, '../..');
const DIST = path.join(EXT, 'dist');
const require = createRequire(import.meta.url);

// The @monitor packages are bundled from their sources; a subpath not listed here is an error.
const SOURCES = {
    '@monitor/ir': 'packages/ir/src/index.ts',
    '@monitor/language': 'packages/language/src/index.ts',
    '@monitor/language/polyfill': 'packages/language/polyfill.mjs',
    '@monitor/compiler': 'packages/compiler/src/index.ts',
    '@monitor/engine': 'packages/engine/src/index.ts',
    '@monitor/engine/native': 'packages/engine/src/native.ts',
    '@monitor/engine/parquet': 'packages/engine/src/parquet-columns.ts',
    '@monitor/engine/issues': 'packages/engine/src/postgres-issues.ts',
    '@monitor/engine/postgres': 'packages/engine/src/postgres.ts',
    '@monitor/engine/wasm-store': 'packages/engine/src/wasm-store.ts',
    '@monitor/protocol': 'packages/protocol/src/index.ts',
};
const monitorSources = monitorSourcesPlugin(SOURCES, 'packages/extension/scripts/build.mjs');

/**
 * A plugin that rewrites one expression of one source file while bundling: `file` is the path under
 * packages/ (`engine/src/lp-solver.ts`), `pattern` what must be there (the build fails, naming the
 * file, when the source no longer matches), `replacement` what the bundle has instead, `prefix` a line
 * put before the source (an import the replacement uses).
 */
function rewrite(name, file, pattern, replacement, prefix = '') {
    const filter = new RegExp(`packages[\\\\/]${file.split('/').map(p => p.replace(/\./g, '\\.')).join('[\\\\/]')}$`);
    return {
        name,
        setup(build) {
            build.onLoad({ filter }, args => {
                const text = fs.readFileSync(args.path, 'utf8');
                if (!pattern.test(text)) return { errors: [{ text: `${file} no longer matches ${pattern} as build.mjs (${name}) expects; update build.mjs.` }] };
                return { contents: prefix + text.replace(pattern, replacement), loader: 'ts' };
            });
        },
    };
}

// The engine finds DuckDB's .wasm through `require.resolve` in node_modules, which a VSIX does not
// have: in the bundle the server takes the one copy in media/ (beside dist/) that the webview uses too,
// unpacked into the cache folder the extension names (wasm-store.ts; the blocking build loads the "eh" file).
const UNPACK = "import { unpackedWasmSync as __unpackedWasmSync } from './wasm-store.js';\n";
const duckdbBesideBundle = rewrite('duckdb-beside-bundle', 'engine/src/node-connection.ts',
    /path\.dirname\(require\.resolve\(['"]@duckdb\/duckdb-wasm\/dist\/duckdb-mvp\.wasm['"]\)\)/,
    'path.dirname(__unpackedWasmSync(path.join(__dirname, "..", "media"), "duckdb-eh.wasm"))', UNPACK);

// HiGHS (disclosure control's solver, packages/engine/src/lp-solver.ts) looks for highs.wasm beside
// its own script; in the bundle the server and its worker take the one copy in media/ the webview loads.
const highsBesideBundle = rewrite('highs-beside-bundle', 'engine/src/lp-solver.ts',
    /let locate: \(\(file: string\) => string\) \| undefined;/,
    'let locate: ((file: string) => string) | undefined = (file: string) => __unpackedWasmSync(require("path").join(__dirname, "..", "media"), file);', UNPACK);

// One copy of the PostgreSQL client for server and worker: both bundles leave `pg` to a `require`
// of dist/pg.cjs beside them (built below); `pg-native` is never bundled, pg runs without it.
const PG_FILE = 'pg.cjs';
const pgBesideBundle = {
    name: 'pg-beside-bundle',
    setup(build) { build.onResolve({ filter: /^pg$/ }, () => ({ path: `./${PG_FILE}`, external: true })); },
};

// The VSIX always ships its analysis worker (dist/analysis-worker.js), so the server's fallback of
// computing on its own thread is dead code there; left in, a CommonJS bundle without splitting
// would inline DuckDB-WASM, Arrow and HiGHS into server.cjs a second time (about 0.5 MB of the VSIX).
const noInThreadFallback = rewrite('no-in-thread-fallback', 'server/src/analysis-runner.ts',
    /import\('\.\/compute-analysis\.js'\)/,
    "Promise.reject(new Error('the analysis worker (dist/analysis-worker.js) is missing from this installation'))");

const common = {
    bundle: true, format: 'cjs', platform: 'node', target: 'node20', sourcemap: false,
    legalComments: 'none', logLevel: 'warning',
    // Native DuckDB is never bundled (a binary per platform): where `require` finds it (a development
    // checkout, a platform VSIX) the worker computes on it, else on the WASM copy in media/.
    external: ['vscode', '@duckdb/node-api', 'pg-native'],
    // ESM sources read import.meta.url; a CommonJS bundle has __filename instead.
    define: { 'import.meta.url': '__monitorImportMetaUrl' },
    banner: { js: 'var __monitorImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
    // vscode-languageserver and langium ship both module formats: take the CommonJS "main".
    mainFields: ['main', 'module'],
};

/**
 * Builds client, server, worker and (unless `preview: false`) the preview; returns the files written
 * with their sizes. `out` and `media` replace dist/ and media/ (packaging and tests build elsewhere);
 * they must be siblings, as the bundled server finds the .wasm in `../media`.
 */
export async function buildExtension({ minify = true, preview = true, out = DIST, media = path.join(path.dirname(out), 'media') } = {}) {
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const plugins = [monitorSources, duckdbBesideBundle, highsBesideBundle, pgBesideBundle];
    await Promise.all([
        esbuild.build({ ...common, minify, plugins, entryPoints: [path.join(EXT, 'src/extension.ts')], outfile: path.join(out, 'extension.cjs') }),
        esbuild.build({ ...common, minify, plugins: [...plugins, noInThreadFallback], entryPoints: [path.join(ROOT, 'packages/server/src/main.ts')], outfile: path.join(out, 'server.cjs') }),
        // The server starts its worker as `analysis-worker.js` beside its own file (analysis-runner.ts);
        // `.js` is CommonJS here because the extension's package.json has no "type": "module".
        esbuild.build({ ...common, minify, plugins, entryPoints: [path.join(ROOT, 'packages/server/src/analysis-worker.ts')], outfile: path.join(out, 'analysis-worker.js') }),
        esbuild.build({ ...common, minify, stdin: { contents: "module.exports = require('pg');", resolveDir: EXT, loader: 'js' }, outfile: path.join(out, PG_FILE) }),
    ]);
    // Every runtime VS Code runs on supports WebAssembly exceptions, so DuckDB picks the "eh" build.
    const wasmDir = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
    fs.mkdirSync(media, { recursive: true });
    if (preview) {
        const { buildPreview } = await import(pathToFileURL(path.join(ROOT, 'packages/preview/build.mjs')).href);
        await buildPreview({ minify, out: media });
    }
    // After the preview's build, which copies the plain .wasm files: packWasm replaces them.
    packWasm([
        { name: 'duckdb-eh.wasm', file: path.join(wasmDir, 'duckdb-eh.wasm') },
        { name: 'highs.wasm', file: path.join(path.dirname(require.resolve('highs')), 'highs.wasm') },
    ], media);
    const listed = dir => fs.readdirSync(dir).filter(f => fs.statSync(path.join(dir, f)).isFile())
        .map(f => ({ file: path.join(dir, f), bytes: fs.statSync(path.join(dir, f)).size }));
    return [...listed(out), ...listed(media)];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const files = await buildExtension({ minify: !process.argv.includes('--no-minify') });
    for (const { file, bytes } of files) console.log(`${path.relative(ROOT, file).padEnd(58)} ${(bytes / 1024).toFixed(0).padStart(7)} KiB`);
}
