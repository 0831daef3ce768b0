import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
    resolve: {
        // Tests run on the TypeScript sources; the CLI tests run the built `monitor` instead.
        alias: {
            '@monitor/ir': pkg('ir'),
            '@monitor/language': pkg('language'),
            '@monitor/compiler': pkg('compiler'),
            // Before '@monitor/engine', which would otherwise swallow the subpath.
            '@monitor/engine/native': fileURLToPath(new URL('./packages/engine/src/native.ts', import.meta.url)),
            '@monitor/engine/browser': fileURLToPath(new URL('./packages/engine/src/browser.ts', import.meta.url)),
            '@monitor/engine/parquet': fileURLToPath(new URL('./packages/engine/src/parquet-columns.ts', import.meta.url)),
            '@monitor/engine': pkg('engine'),
            '@monitor/protocol': pkg('protocol'),
            '@monitor/audit': pkg('audit'),
            '@monitor/server': pkg('server'),
            '@monitor/render': pkg('render'),
        },
    },
    test: {
        setupFiles: ['./packages/language/polyfill.mjs'],
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        pool: 'forks',
    },
});
