/**
 * The order vitest hands test files to its workers (vitest.config.ts, `sequence.sequencer`): the
 * isolated files first (each in a fresh process), then the shared ones (one process per worker, reused:
 * the pool keeps a process only while the next file in the queue is a shared one); within each, the
 * longest first, so that the two workers end together instead of one finishing a long file alone.
 *
 * The durations are the seconds of a file in a CI rehearsal (vitest's JSON report, quiet 2-core
 * machine); vitest's own cache of the last local run is not there in a fresh clone. A file not listed
 * counts as short and keeps vitest's order of file size. Update the table when a file grows past ~10 s
 * (docs/testing.md says how to read the report).
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds per test file (path from the repository root), longest first. */
export const SECONDS: Record<string, number> = {
    'test/e2e-vscode.test.ts': 140,
    'test/preview-chromium.test.ts': 100,
    'test/cli-package.test.ts': 64,
    // The fuzzing with data in shards (test/fuzz/data-fuzz-run.ts): 156 s mutated, 85 s generated in one file each.
    'test/fuzz-data-mutated-1.test.ts': 52,
    'test/fuzz-data-mutated-2.test.ts': 52,
    'test/fuzz-data-mutated-3.test.ts': 52,
    'test/fuzz-data-generated-1.test.ts': 43,
    'test/fuzz-data-generated-2.test.ts': 43,
    'test/postgres-examples.test.ts': 38,
    'test/privacy-outputs.test.ts': 35,
    'test/lsp-settings.test.ts': 29,
    'test/lsp-server.test.ts': 21,
    'test/lsp-property.test.ts': 19,
    'test/preview-parquet.test.ts': 17,
    'test/privacy-examples.test.ts': 17,
    'test/cbs-almere.test.ts': 15,
    'test/cli-report.test.ts': 14,
    'test/lsp-last-good.test.ts': 14,
    'packages/server/test/analysis-runner.test.ts': 14,
    'test/cli-cellkey.test.ts': 13,
    'test/postgres-errors.test.ts': 12,
    'test/audit-attacks.test.ts': 10,
    'test/fuzz-language.test.ts': 10,
    'test/render-examples.test.ts': 10,
    'test/postgres-sharded.test.ts': 10,
};

/** Isolated files first, then the longest first; unlisted files after the listed ones, as vitest sorts them. */
export class LongFirstSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const sorted = await super.sort(files);
        const root = this.ctx.config.root;
        const seconds = (spec: TestSpecification) => SECONDS[path.relative(root, spec.moduleId).split(path.sep).join('/')] ?? 0;
        const shared = (spec: TestSpecification) => (spec.project.config.isolate === false ? 1 : 0);
        // Array.prototype.sort is stable: among files of equal weight vitest's own order stays.
        return sorted.map((spec, i) => ({ spec, i }))
            .sort((a, b) => shared(a.spec) - shared(b.spec) || seconds(b.spec) - seconds(a.spec) || a.i - b.i)
            .map(({ spec }) => spec);
    }
}
