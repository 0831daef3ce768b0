/**
 * Running the `monitor` command on fixture folders: `monitor` starts the built command as a child
 * process (for what is about the process: exit by signal, standard input, start-up); `monitorInProcess`
 * runs the same command in the test's own process, which spares the ~1 s start and the DuckDB-WASM
 * start-up of a new process per call.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getLocale, setLocale } from '@monitor/language/messages';

export const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'packages/cli/bin/monitor.js');

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `monitor …args` in `cwd` and returns its exit code and output. */
export function monitor(args: string[], cwd = ROOT): CliResult {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, MONITOR_LANG: 'en' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `monitor …args` in `cwd` inside this process, as `monitor` does in a child process: the same
 * arguments, working folder and MONITOR_LANG=en, its standard output and error captured (no TTY), its
 * exit status returned; only the time box (`--timeout`) is off. `env` sets environment variables for
 * the run (the PG* connection, a secret), put back afterwards. Calls run one at a time: the working
 * folder, the environment and the output streams belong to the whole process.
 */
export function monitorInProcess(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<CliResult> {
    const next = queue.then(() => runCaptured(args, cwd, env));
    queue = next.catch(() => undefined);
    return next;
}

type Write = typeof process.stdout.write;

async function runCaptured(args: string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
    const { runMonitor } = await import('../packages/cli/src/run-monitor.js');
    const out: string[] = [];
    const err: string[] = [];
    const capture = (into: string[]): Write => ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
        into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function') process.nextTick(done as () => void);
        return true;
    }) as Write;
    const saved = { cwd: process.cwd(), lang: process.env.MONITOR_LANG, locale: getLocale(), out: process.stdout.write, err: process.stderr.write, tty: process.stderr.isTTY };
    const savedEnv = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
    process.chdir(cwd);
    Object.assign(process.env, env);
    process.env.MONITOR_LANG = 'en';
    process.stdout.write = capture(out);
    process.stderr.write = capture(err);
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true, writable: true });
    try {
        const code = await runMonitor(args, { timeBox: false });
        return { code, stdout: out.join(''), stderr: err.join('') };
    } finally {
        process.stdout.write = saved.out;
        process.stderr.write = saved.err;
        Object.defineProperty(process.stderr, 'isTTY', { value: saved.tty, configurable: true, writable: true });
        for (const [name, value] of Object.entries(savedEnv)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
        if (saved.lang === undefined) delete process.env.MONITOR_LANG;
        else process.env.MONITOR_LANG = saved.lang;
        process.chdir(saved.cwd);
        // `--lang nl` sets the diagnostics' language for the process; the next test file shares it.
        setLocale(saved.locale);
    }
}

/** Writes files (path → content) into a fresh temporary folder and returns its path. */
export function fixture(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-test-'));
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
}

/** A small youth-care monitor with known answers (see cli.test.ts). */
export const SMALL_MONITOR = `monitor klein {
    title "Klein"
    grain quarter
    range 2024-Q1 .. 2024-Q4  privacy none "testgegevens"
}
source trajecten from "data/trajecten.csv" {
    episodes start begindatum end einddatum key client_id
    columns {
        client_id text
        voorziening text
        begindatum date
        einddatum date?
        wijk text
    }
}
dimension wijk { trajecten.wijk }
indicator actief {
    title "Actieve trajecten"
    value count from trajecten active at end
    desired down
    by wijk
}
target actief { 2024-Q4 <= 2 }
`;

/** Episodes: three active at the end of Q1, an open one, one ending exactly on 30 June. */
export const SMALL_DATA = `client_id,voorziening,begindatum,einddatum,wijk
a,verblijf,2024-01-15,2024-06-30,noord
b,verblijf,2024-02-01,,noord
c,ambulant,2024-03-31,2024-04-01,zuid
d,ambulant,2024-07-01,2024-12-31,zuid
`;
