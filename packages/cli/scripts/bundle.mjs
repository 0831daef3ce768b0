// Bundles the `monitor` CLI into one installable npm package in packages/cli/publish/ with esbuild,
// from the TypeScript sources (`npm run generate` must have run for the language package):
//   publish/dist/monitor.js          the entry of `--version` and `--help` (ES module, a few kB)
//   publish/dist/chunk-*.js          code shared by the ES module entries, loaded only where needed
//   publish/dist/monitor.cjs         every command in one CommonJS file (the polyfill, then the
//                                    dispatcher), which publish/bin/monitor.js runs through
//   publish/dist/code-cache.cjs      V8's code cache: compiled once per machine, not at every start
//   publish/dist/analysis-worker.js  the language server's worker thread (`monitor lsp`), beside its chunk
//   publish/dist/duckdb-eh.wasm      DuckDB-WASM (the exception-handling build; Node ≥ 20 has it)
//   publish/dist/highs.wasm          the HiGHS solver of disclosure control and of `monitor audit`
// ESM with code splitting: `monitor --version` loads a few kB. The commands run from monitor.cjs:
// Node 20 keeps no compiled code of ES modules between runs, and compiling the ~1 MB a command loads
// was a third of `monitor check --no-data` (issue #18); its modules are still initialised only when
// a command needs them (`monitor fmt` starts no DuckDB).
// Native DuckDB (`@duckdb/node-api`) and resvg (`report --png`) stay external optional dependencies.
//   node packages/cli/scripts/bundle.mjs [--no-minify]     then: npm pack packages/cli/publish
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { monitorSources as monitorSourcesPlugin } from '../../../scripts/esbuild-monitor-sources.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '..');
const ROOT = path.resolve(CLI, '../..');
/** The folder `npm pack` packs: package.json, README.md and bin/ are committed, dist/ is built. */
export const PUBLISH = path.join(CLI, 'publish');
const require = createRequire(import.meta.url);

// The @monitor packages are bundled from their sources; a subpath not listed here is an error.
const SOURCES = {
    '@monitor/ir': 'packages/ir/src/index.ts',
    '@monitor/language': 'packages/language/src/index.ts',
    '@monitor/language/messages': 'packages/language/src/messages.ts',
    '@monitor/language/polyfill': 'packages/language/polyfill.mjs',
    '@monitor/compiler': 'packages/compiler/src/index.ts',
    '@monitor/engine': 'packages/engine/src/index.ts',
    '@monitor/engine/native': 'packages/engine/src/native.ts',
    '@monitor/engine/parquet': 'packages/engine/src/parquet-columns.ts',
    '@monitor/engine/issues': 'packages/engine/src/postgres-issues.ts',
    '@monitor/engine/postgres': 'packages/engine/src/postgres.ts',
    '@monitor/protocol': 'packages/protocol/src/index.ts',
    '@monitor/render': 'packages/render/src/index.ts',
    '@monitor/render/png': 'packages/render/src/render-png.ts',
    '@monitor/server': 'packages/server/src/index.ts',
    '@monitor/audit': 'packages/audit/src/index.ts',
};
const monitorSources = monitorSourcesPlugin(SOURCES, 'packages/cli/scripts/bundle.mjs');

// The engine finds DuckDB's .wasm through `require.resolve` in node_modules, which the installed
// package does not have: in the bundle it takes the copy beside the chunk that holds this code.
const DUCKDB_RESOLVE = /path\.dirname\(require\.resolve\(['"]@duckdb\/duckdb-wasm\/dist\/duckdb-mvp\.wasm['"]\)\)/;
const duckdbBesideBundle = {
    name: 'duckdb-beside-bundle',
    setup(build) {
        build.onLoad({ filter: /packages[\\/]engine[\\/]src[\\/]node-connection\.ts$/ }, args => {
            const text = fs.readFileSync(args.path, 'utf8');
            if (!DUCKDB_RESOLVE.test(text)) {
                return { errors: [{ text: 'node-connection.ts no longer resolves duckdb-mvp.wasm the way bundle.mjs expects; update DUCKDB_RESOLVE.' }] };
            }
            return { contents: text.replace(DUCKDB_RESOLVE, 'path.dirname(require("node:url").fileURLToPath(import.meta.url))'), loader: 'ts' };
        });
        // The bin's `import('../dist/main.js')` is the CLI's source in the bundle.
        build.onResolve({ filter: /^\.\.\/dist\/main\.js$/ }, () => ({ path: path.join(CLI, 'src/main.ts') }));
    },
};

// vega-canvas looks for the optional `canvas` package with a top-level `await import()`, which a
// CommonJS file cannot hold: in monitor.cjs it asks `require` (the same try, the same fallback).
const VEGA_CANVAS_AWAIT = "NodeCanvas = await import('canvas');";
const vegaCanvasRequire = {
    name: 'vega-canvas-require',
    setup(build) {
        build.onLoad({ filter: /vega-canvas[\\/]build[\\/]vega-canvas\.node\.js$/ }, args => {
            const text = fs.readFileSync(args.path, 'utf8');
            if (!text.includes(VEGA_CANVAS_AWAIT)) return { errors: [{ text: 'vega-canvas no longer loads canvas the way bundle.mjs expects; update VEGA_CANVAS_AWAIT.' }] };
            return { contents: text.replace(VEGA_CANVAS_AWAIT, "NodeCanvas = require('canvas');"), loader: 'js' };
        });
    },
};

// The `import()` of an external stays in a CommonJS bundle, but a script that V8 runs from its code
// cache (vm.Script) may not call `import()` without an experimental flag: both are CommonJS, so
// monitor.cjs asks `require` for them (in a promise, as `import()` answers).
const IMPORTED_EXTERNALS = ['@duckdb/node-api', 'node:module'];

/** Rewrites the `import("x")` of monitor.cjs to `require`; fails on an `import()` it does not know. */
function requireNotImport(file) {
    const text = fs.readFileSync(file, 'utf8');
    const unknown = [...text.matchAll(/\bimport\(("[^"]*")\)/g)].map(m => JSON.parse(m[1])).filter(x => !IMPORTED_EXTERNALS.includes(x));
    if (unknown.length > 0) throw new Error(`monitor.cjs imports ${unknown.join(', ')} with import(): add it to IMPORTED_EXTERNALS if it is CommonJS.`);
    fs.writeFileSync(file, text.replace(/\bimport\(("[^"]*")\)/g, (_, name) => `Promise.resolve().then(()=>require(${name}))`));
}

/** The version the package.json of the published package carries: the CLI's own. */
export function cliVersion() {
    return JSON.parse(fs.readFileSync(path.join(CLI, 'package.json'), 'utf8')).version;
}

/** Builds publish/dist/; returns the files written with their sizes. */
export async function bundleCli({ minify = true } = {}) {
    const out = path.join(PUBLISH, 'dist');
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    await esbuild.build({
        entryPoints: { monitor: path.join(CLI, 'bin/monitor.js'), 'analysis-worker': path.join(ROOT, 'packages/server/src/analysis-worker.ts') },
        outdir: out, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
        minify, sourcemap: false, legalComments: 'none', logLevel: 'warning', chunkNames: 'chunk-[hash]',
        // `pg` (plain JS) is bundled for `--engine postgres`; its optional native binding is not.
        external: ['@duckdb/node-api', '@resvg/resvg-js', 'pg-native'],
        plugins: [monitorSources, duckdbBesideBundle],
        // CommonJS dependencies (vscode-languageserver, DuckDB-WASM's Node build) call require() and
        // read __dirname (DuckDB's Emscripten loader), which an ES module does not have.
        banner: { js: [
            'import { createRequire as __monitorCreateRequire } from "node:module";',
            'import { fileURLToPath as __monitorFileURLToPath } from "node:url";',
            'const require = __monitorCreateRequire(import.meta.url);',
            'const __filename = __monitorFileURLToPath(import.meta.url);',
            'const __dirname = require("node:path").dirname(__filename);',
        ].join(' ') },
    });
    // The commands: one CommonJS file, for the code cache (code-cache.cjs). `import.meta.url` is
    // the file's own URL, as in the ES module build.
    await esbuild.build({
        entryPoints: [path.join(CLI, 'scripts/cjs-entry.mjs')], outfile: path.join(out, 'monitor.cjs'),
        bundle: true, format: 'cjs', platform: 'node', target: 'node20',
        minify, sourcemap: false, legalComments: 'none', logLevel: 'warning',
        external: ['@duckdb/node-api', '@resvg/resvg-js', 'pg-native'],
        plugins: [monitorSources, duckdbBesideBundle, vegaCanvasRequire],
        define: { 'import.meta.url': '__monitorImportMetaUrl', 'import.meta.dirname': '__dirname' },
        banner: { js: 'var __monitorImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    });
    requireNotImport(path.join(out, 'monitor.cjs'));
    fs.copyFileSync(path.join(CLI, 'scripts/code-cache.cjs'), path.join(out, 'code-cache.cjs'));
    const wasmDir = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
    fs.copyFileSync(path.join(wasmDir, 'duckdb-eh.wasm'), path.join(out, 'duckdb-eh.wasm'));
    fs.copyFileSync(path.join(path.dirname(require.resolve('highs')), 'highs.wasm'), path.join(out, 'highs.wasm'));
    fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(PUBLISH, 'LICENSE'));
    const pkgFile = path.join(PUBLISH, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    if (pkg.version !== cliVersion()) throw new Error(`packages/cli/publish/package.json has version ${pkg.version}, packages/cli/package.json ${cliVersion()}: make them equal.`);
    return fs.readdirSync(out).map(f => ({ file: path.join(out, f), bytes: fs.statSync(path.join(out, f)).size }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const files = await bundleCli({ minify: !process.argv.includes('--no-minify') });
    let total = 0;
    for (const { file, bytes } of files) total += bytes;
    console.log(`${files.length} files in ${path.relative(ROOT, path.join(PUBLISH, 'dist'))}, ${(total / 1048576).toFixed(1)} MiB`);
}
