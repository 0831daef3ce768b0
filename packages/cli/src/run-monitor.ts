/**
 * The `monitor` command: dispatches to the subcommands; usage errors and crashes exit 2. `bin/monitor.js`
 * runs it through `main.ts`; the tests call it in their own process (`test/cli-helpers.ts`).
 */
// Only light modules at the top: `monitor --version` and `--help` load no Langium and no DuckDB.
import { localeFromTag, setLocale } from '@monitor/language/messages';
import { UsageError } from './usage-error.js';
import { escapeControl } from './diagnostic.js';
import { HELP, VERSION } from './help.js';
import { chooseEngine } from './engine-choice.js';
import { takeEngine } from './options.js';
import { takePostgresOptions } from './postgres-choice.js';
import { startTimeBox, takeTimeout } from './time-box.js';

// Each command is loaded when it runs: `monitor lsp` and `monitor fmt` need neither DuckDB nor the
// renderer, and loading them would cost ~0.7 s at every start.
const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
    check: async args => (await import('./commands/check.js')).runCheck(args),
    run: async args => (await import('./commands/run.js')).runRun(args),
    lsp: async args => (await import('./commands/lsp.js')).runLsp(args),
    fmt: async args => (await import('./commands/fmt.js')).runFmt(args),
    init: async args => (await import('./commands/init.js')).runInit(args),
    diff: async args => (await import('./commands/diff.js')).runDiff(args),
    report: async args => (await import('./commands/report.js')).runReport(args),
    audit: async args => (await import('./commands/audit.js')).runAudit(args),
};

/** The commands that compute on data, each in a time box (`--timeout`). */
const COMPUTING = new Set(['check', 'run', 'report', 'diff']);

/** The commands that take `--engine` (engine-choice.ts). */
const ENGINE_COMMANDS = new Set([...COMPUTING, 'audit']);

/** How `runMonitor` runs: `timeBox: false` starts no watchdog (a caller that is no `monitor` process of its own). */
export interface RunMonitorOptions {
    timeBox?: boolean;
}

/** Runs `monitor …argv` and returns its exit status; writes to `process.stdout` and `process.stderr`. */
export async function runMonitor(argv: string[], options: RunMonitorOptions = {}): Promise<number> {
    const debug = argv.includes('--debug');
    const langAt = argv.indexOf('--lang');
    setLocale(localeFromTag(langAt >= 0 ? argv[langAt + 1] : process.env.MONITOR_LANG ?? process.env.LANG));
    const [command, ...rest] = argv.filter((a, i) => a !== '--debug' && (langAt < 0 || (i !== langAt && i !== langAt + 1)));
    try {
        if (!command || command === '--help' || command === '-h' || command === 'help') {
            process.stdout.write(HELP.main);
            return command ? 0 : 2;
        }
        if (command === '--version' || command === '-v') {
            process.stdout.write(`${VERSION}\n`);
            return 0;
        }
        const handler = COMMANDS[command];
        if (!handler) throw new UsageError(`Unknown command '${command}'. Run 'monitor --help' for the list of commands.`);
        if (!ENGINE_COMMANDS.has(command)) return await handler(rest);
        const { engine, rest: withEngineOptions } = takeEngine(rest);
        chooseEngine(engine, debug);
        const withoutEngine = takePostgresOptions(withEngineOptions, engine);
        if (!COMPUTING.has(command)) return await handler(withoutEngine);
        // Commands that compute run in a time box (DuckDB-WASM cannot be interrupted otherwise).
        const { seconds, rest: args } = takeTimeout(withoutEngine);
        if (Number.isNaN(seconds)) throw new UsageError('--timeout needs a number of seconds (0 turns the time box off).');
        // `check --no-data` computes nothing: no watchdog thread to start (~0.1 s of CPU at start-up).
        if (options.timeBox !== false && !(command === 'check' && args.includes('--no-data'))) startTimeBox(seconds, command);
        return await handler(args);
    } catch (error) {
        const usage = error instanceof UsageError;
        process.stderr.write(`monitor: ${usage ? '' : 'internal error: '}${escapeControl((error as Error).message)}\n`);
        if (debug && !usage) process.stderr.write(`${(error as Error).stack}\n`);
        return 2;
    }
}
