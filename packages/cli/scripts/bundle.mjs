// Bundles the `monitor` CLI into one installable npm package in packages/cli/publish/ with esbuild,
// from the TypeScript sources (`npm run generate` must have run for the language package):
//   publish/dist/monitor.js          the entry (the Node 20 polyfill, then the command dispatcher)
//   publish/dist/chunk-*.js          code shared by commands, loaded only by the commands that need it
//   publish/dist/analysis-worker.js  the language server's worker thread (`monitor lsp`), beside its chunk
//   publish/dist/duckdb-eh.wasm      DuckDB-WASM (the exception-handling build; Node ≥ 20 has it)
//   publish/dist/highs.wasm          the HiGHS solver of disclosure control and of `monitor audit`
// ESM with code splitting: `monitor --version` loads a few kB, `monitor fmt` Langium but no DuckDB.
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
