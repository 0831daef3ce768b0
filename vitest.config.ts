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
            '@monitor/engine': pkg('engine'),
        },
    },
    test: {
        setupFiles: ['./scripts/polyfill.mjs'],
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        pool: 'forks',
    },
});
