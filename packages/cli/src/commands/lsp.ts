/** `monitor lsp`: the language server on standard input and output, for any LSP editor. */
import { startMonitorServer } from '@monitor/server';
import { HELP } from '../help.js';

/** Starts the server; the process ends when the client sends `exit` (or closes the pipe). */
export async function runLsp(args: string[]): Promise<number> {
    if (args.includes('--help') || args.includes('-h')) {
        process.stdout.write(HELP.lsp);
        return 0;
    }
    startMonitorServer();
    return new Promise<number>(resolve => process.stdin.on('close', () => resolve(0)));
}
