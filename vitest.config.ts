import { configDefaults, defineConfig } from 'vitest/config';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { LongFirstSequencer } from './test/long-first-sequencer.js';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

/** The test files that run in a process of their own (every other file shares its worker's process). */
const ISOLATED = ['test/security-lockdown.test.ts', 'test/e2e-vscode.test.ts'];
/**
 * Left out of `npm run test:fast` (MONITOR_TEST_FAST=1): the report in Chromium and the packaging test.
 * An `--exclude` on the command line does not reach the projects below, so the config leaves them out.
 */
const NOT_FAST = process.env.MONITOR_TEST_FAST === '1' ? ['test/cli-report.test.ts', 'test/cli-package.test.ts'] : [];

export default defineConfig({
    resolve: {
        // Tests run on the TypeScript sources, the in-process CLI too; a spawned `monitor` runs the build.
        alias: {
            '@monitor/ir': pkg('ir'),
            // Before '@monitor/language': the light entry the CLI's start imports (run in-process by the CLI tests).
            '@monitor/language/messages': fileURLToPath(new URL('./packages/language/src/messages.ts', import.meta.url)),
            '@monitor/language': pkg('language'),
            '@monitor/compiler': pkg('compiler'),
            // Before '@monitor/engine', which would otherwise swallow the subpath.
            '@monitor/engine/native': fileURLToPath(new URL('./packages/engine/src/native.ts', import.meta.url)),
            '@monitor/engine/browser': fileURLToPath(new URL('./packages/engine/src/browser.ts', import.meta.url)),
            '@monitor/engine/parquet': fileURLToPath(new URL('./packages/engine/src/parquet-columns.ts', import.meta.url)),
            '@monitor/engine/issues': fileURLToPath(new URL('./packages/engine/src/postgres-issues.ts', import.meta.url)),
            '@monitor/engine/postgres': fileURLToPath(new URL('./packages/engine/src/postgres.ts', import.meta.url)),
            '@monitor/engine': pkg('engine'),
            '@monitor/protocol': pkg('protocol'),
            '@monitor/audit': pkg('audit'),
            '@monitor/server': pkg('server'),
            // Before '@monitor/render' (the report's PNG charts, run in-process by the CLI tests).
            '@monitor/render/png': fileURLToPath(new URL('./packages/render/src/render-png.ts', import.meta.url)),
            '@monitor/render': pkg('render'),
        },
    },
    test: {
        setupFiles: ['./packages/language/polyfill.mjs', './test/fresh-locale.ts'],
        // Hang guards, not deadlines: a test waits for the event it needs, and on a 2-core machine shared
        // with other jobs that event may come minutes late (docs/testing.md).
        testTimeout: 300_000,
        hookTimeout: 300_000,
        // Forks, so that a test may run the monitor command in its own process (it changes the working
        // folder). One worker per core, at least two: vitest's default of cores − 1 runs the files one
        // after another on a 2-core machine, while most of a file's time is DuckDB-WASM on one core.
        pool: 'forks',
        maxWorkers: Math.max(2, os.availableParallelism()),
        // Long files first, so that both workers finish together (test/long-first-sequencer.ts).
        sequence: { sequencer: LongFirstSequencer },
        projects: [
            // A fresh process per file: a file that mocks modules (vi.mock), and the VS Code end-to-end test.
            { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
            // One process per worker for all other files: a file no longer pays ~1.5 s of CPU to load
            // Langium, DuckDB-WASM and the sources again (docs/testing.md). Such a file must leave the
            // process as it found it: working folder, environment, stdout, globals (cli-helpers.ts does).
            { extends: true, test: { name: 'shared', include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...ISOLATED, ...NOT_FAST], isolate: false } },
        ],
    },
});
