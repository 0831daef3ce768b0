import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AnalysisRunner, AnalysisTimeout, defaultWorkerFile } from '../src/analysis-runner.js';
import { countCsvRows } from '../src/data-files.js';
import { computeAnalysis } from '../src/compute-analysis.js';
import { JEUGD, jeugdProgram } from './jeugd-program.js';

// The built worker (`npx tsc -b`); the sources run in vitest, so the runner is pointed at dist/.
const BUILT_WORKER = path.resolve(import.meta.dirname, '../dist/analysis-worker.js');
/** The editor's defaults (`monitor.engine.maxRows`, `monitor.engine.timeoutSeconds`). */
const LIMITS = { maxRows: 5_000_000, timeoutSeconds: 180 };

/** Polls until `test` holds (the worker reports and cleans up in the background). */
async function until(test: () => boolean): Promise<void> {
    while (!test()) await new Promise(r => setTimeout(r, 20));
}

describe('AnalysisRunner', () => {
    test('the worker computes the same disclosed rows and findings as the pipeline in this thread', async () => {
        expect(fs.existsSync(BUILT_WORKER), 'run `npx tsc -b` first').toBe(true);
        const program = await jeugdProgram();
        const runner = new AnalysisRunner(BUILT_WORKER);
        try {
            const inWorker = await runner.run(program, JEUGD, 'en', LIMITS);
            const here = await computeAnalysis(program, JEUGD);
            expect(inWorker.rows?.length).toBeGreaterThan(100);
            expect(inWorker).toEqual(here);
        } finally {
            runner.dispose();
        }
    });

    test('a worker that dies rejects its job, and the next job gets a fresh worker', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-worker-'));
        const file = path.join(dir, 'analysis-worker.mjs');
        // Dies on the first job; answers an empty analysis after that (a marker file remembers).
        fs.writeFileSync(file, `import fs from 'node:fs'; import { parentPort } from 'node:worker_threads';
const mark = ${JSON.stringify(path.join(dir, 'died'))};
parentPort.on('message', job => { if (!fs.existsSync(mark)) { fs.writeFileSync(mark, ''); process.exit(3); }
  parentPort.postMessage({ id: job.id, result: { issues: [], rows: [] } }); });`);
        const runner = new AnalysisRunner(file);
        const program = await jeugdProgram();
        try {
            await expect(runner.run(program, JEUGD, 'en', LIMITS)).rejects.toThrow(/exit code 3/);
            await expect(runner.run(program, JEUGD, 'en', LIMITS)).resolves.toEqual({ issues: [], rows: [] });
        } finally {
            runner.dispose();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    test('a job over its time limit rejects with AnalysisTimeout, and the next job still runs', async () => {
        const program = await jeugdProgram();
        const runner = new AnalysisRunner(BUILT_WORKER);
        try {
            const late = await runner.run(program, JEUGD, 'en', { ...LIMITS, timeoutSeconds: 0.001 }).catch((e: unknown) => e);
            expect(late).toBeInstanceOf(AnalysisTimeout);
            expect((late as AnalysisTimeout).seconds).toBe(0.001);
            expect((await runner.run(program, JEUGD, 'en', LIMITS)).rows?.length).toBeGreaterThan(100);
        } finally {
            runner.dispose();
        }
    });

    test('a native job stopped while it computes interrupts its query and closes its engine (no native work is left)', async () => {
        // 300,000 episodes (the example's rows 40 times): loading them takes native DuckDB long enough to be stopped mid-way.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-runner-native-'));
        fs.cpSync(JEUGD, dir, { recursive: true });
        const csv = path.join(dir, 'data/jeugdhulp_trajecten.csv');
        const [header, ...rows] = fs.readFileSync(csv, 'utf8').trimEnd().split('\n');
        fs.writeFileSync(csv, [header, ...Array.from({ length: 40 }, () => rows).flat()].join('\n') + '\n');
        // The worker's temporary folder (it copies process.env at start): the native engine's copy of the data lives there until closed.
        const tmp = path.join(dir, 'tmp');
        fs.mkdirSync(tmp);
        const saved = process.env.TMPDIR;
        process.env.TMPDIR = tmp;
        const runner = new AnalysisRunner(BUILT_WORKER);
        try {
            const program = await jeugdProgram(dir);
            const job = runner.run(program, dir, 'en', { ...LIMITS, engine: 'native' });
            await until(() => runner.lastEngine?.kind === 'native');
            runner.dispose();
            await expect(job).rejects.toThrow(/shutting down/);
            await until(() => fs.readdirSync(tmp).every(f => !f.startsWith('monitor-native-')));
        } finally {
            process.env.TMPDIR = saved;
            if (saved === undefined) delete process.env.TMPDIR;
            runner.dispose();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }, 120_000);

    test('a source file over maxRows is reported at its path and not loaded', async () => {
        const program = await jeugdProgram();
        const runner = new AnalysisRunner(BUILT_WORKER);
        try {
            const result = await runner.run(program, JEUGD, 'en', { ...LIMITS, maxRows: 100 });
            const tooLarge = result.issues.filter(i => i.code === 'data-too-large');
            expect(tooLarge.map(i => i.span)).toEqual([program.sources[0].pathSpan]);
            expect(result.rows).toBeNull();
            expect(result.stopped).toBe('too-large');
        } finally {
            runner.dispose();
        }
    });

    test('CSV rows are counted by line ends, without the header', () => {
        const bytes = (s: string) => new TextEncoder().encode(s);
        expect(countCsvRows(bytes('a,b\n1,2\n3,4\n'), true)).toBe(2);
        expect(countCsvRows(bytes('a,b\n1,2\n3,4'), true)).toBe(2);
        expect(countCsvRows(bytes('1,2\n3,4\n'), false)).toBe(2);
        expect(countCsvRows(bytes(''), true)).toBe(0);
    });

    test('the worker is looked for beside the running file', () => {
        expect(path.basename(defaultWorkerFile())).toBe('analysis-worker.js');
        expect(path.dirname(defaultWorkerFile())).toBe(path.resolve(import.meta.dirname, '../src'));
    });
});
