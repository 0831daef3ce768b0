// Bundles the preview webview into packages/extension/media/: preview.js, preview.css, the
// DuckDB-WASM worker and .wasm it loads through blob URLs, and highs.wasm (the solver of disclosure
// control, fetched beside preview.js: main.ts locates it). `node packages/preview/build.mjs`.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { monitorSources } from '../../scripts/esbuild-monitor-sources.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const MEDIA = path.join(root, 'packages/extension/media');
const require = createRequire(import.meta.url);

// The @monitor packages are bundled from their TypeScript sources, so no `tsc -b` is needed first.
const SOURCES = {
    '@monitor/ir': 'packages/ir/src/index.ts',
    '@monitor/protocol': 'packages/protocol/src/index.ts',
    '@monitor/compiler': 'packages/compiler/src/index.ts',
    '@monitor/render': 'packages/render/src/index.ts',
    '@monitor/engine/browser': 'packages/engine/src/browser.ts',
};

// vega-lite takes four helpers (stringValue, hasOwnProperty, isObject, isString) from `vega`, whose
// one-file build registers every Vega transform as a side effect (geography, force layouts, word
// clouds…). They are vega-util's own functions, so the webview takes them from there and carries only
// the part of Vega the charts use (packages/render/src/vega-runtime.ts): about 40 kB less in the VSIX.
const vegaUtilForVegaLite = {
    name: 'vega-util-for-vega-lite',
    setup(build) {
        build.onResolve({ filter: /^vega$/ }, args => /[\\/]node_modules[\\/]vega-lite[\\/]/.test(args.importer)
            ? build.resolve('vega-util', { kind: args.kind, resolveDir: args.resolveDir })
            : undefined);
    },
};

/** Builds the bundle; returns the written files and their sizes in bytes. */
export async function buildPreview({ minify = true, out = MEDIA } = {}) {
    fs.mkdirSync(out, { recursive: true });
    await esbuild.build({
        entryPoints: [path.join(here, 'src/main.ts')],
        outfile: path.join(out, 'preview.js'),
        bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify, sourcemap: false,
        // HiGHS's loader imports Node modules only when it runs under Node: never in the webview.
        external: ['node:*'],
        legalComments: 'none', logLevel: 'warning', plugins: [monitorSources(SOURCES, 'ARCHITECTURE.md and packages/preview/build.mjs'), vegaUtilForVegaLite],
    });
    fs.copyFileSync(path.join(here, 'src/preview.css'), path.join(out, 'preview.css'));
    const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
    for (const f of ['duckdb-browser-eh.worker.js', 'duckdb-eh.wasm']) fs.copyFileSync(path.join(dist, f), path.join(out, f));
    fs.copyFileSync(path.join(path.dirname(require.resolve('highs')), 'highs.wasm'), path.join(out, 'highs.wasm'));
    return ['preview.js', 'preview.css', 'duckdb-browser-eh.worker.js', 'duckdb-eh.wasm', 'highs.wasm']
        .map(f => ({ file: path.join(out, f), bytes: fs.statSync(path.join(out, f)).size }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    for (const { file, bytes } of await buildPreview()) console.log(`${path.relative(root, file)}  ${(bytes / 1024).toFixed(0)} KiB`);
}
