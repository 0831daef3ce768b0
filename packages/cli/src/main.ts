/** The `monitor` command: dispatches to the subcommands; usage errors and crashes exit 2. */
import { localeFromTag, setLocale } from '@monitor/language';
import { UsageError } from './analyse.js';
import { runCheck } from './commands/check.js';
import { runRun } from './commands/run.js';
import { runLsp } from './commands/lsp.js';
import { runFmt } from './commands/fmt.js';
import { runInit } from './commands/init.js';
import { runDiff } from './commands/diff.js';
import { runReport } from './commands/report.js';
import { HELP, VERSION } from './help.js';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
    check: runCheck,
    run: runRun,
    lsp: runLsp,
    fmt: runFmt,
    init: runInit,
    diff: runDiff,
    report: runReport,
};

async function main(argv: string[]): Promise<number> {
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
        return await handler(rest);
    } catch (error) {
        const usage = error instanceof UsageError;
        process.stderr.write(`monitor: ${usage ? '' : 'internal error: '}${(error as Error).message}\n`);
        if (debug && !usage) process.stderr.write(`${(error as Error).stack}\n`);
        return 2;
    }
}

process.exitCode = await main(process.argv.slice(2));
