/**
 * The time box of a command that computes (`check`, `run`, `report`, `diff`): DuckDB-WASM runs queries
 * on the main thread and cannot be interrupted from it, so a watchdog thread ends the process when the
 * time is up, after writing a diagnostic to stderr itself (the main thread may be busy in a query).
 * The process then exits by SIGTERM: exit status 143 in a shell, the documented status of a time box
 * that ran out (docs/ci.md: 0 success, 1 findings, 2 usage or internal error). Native DuckDB also stops its own
 * queries after 10 minutes (`NativeConnectionOptions.timeoutMs`).
 */
import { Worker } from 'node:worker_threads';
import { getLocale } from '@monitor/language/messages';

/** The default time box of a computing command, in seconds (`--timeout`, 0 turns it off). */
export const DEFAULT_TIMEOUT_SECONDS = 300;

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
setTimeout(() => {
    fs.writeSync(2, workerData.message);
    process.kill(process.pid, 'SIGTERM');
}, workerData.ms);
`;

/** Starts the watchdog; it does not keep the process alive. `seconds` ≤ 0 starts nothing. */
export function startTimeBox(seconds: number, command: string): void {
    if (!(seconds > 0)) return;
    const message = getLocale() === 'nl'
        ? `monitor: error data-timeout: 'monitor ${command}' duurde langer dan ${seconds} s en is gestopt. Gebruik kleinere databestanden, een kortere range of een grovere grain, --engine native, of een ruimere --timeout.\n`
        : `monitor: error data-timeout: 'monitor ${command}' took longer than ${seconds} s and was stopped. Use smaller data files, a shorter range or a coarser grain, --engine native, or a larger --timeout.\n`;
    const worker = new Worker(WATCHDOG, { eval: true, workerData: { ms: seconds * 1000, message } });
    worker.unref();
}

/** Takes `--timeout SECONDS` out of the arguments: the seconds (default 300) and the other arguments. */
export function takeTimeout(args: string[]): { seconds: number; rest: string[] } {
    const at = args.findIndex(a => a === '--timeout' || a.startsWith('--timeout='));
    if (at < 0) return { seconds: DEFAULT_TIMEOUT_SECONDS, rest: args };
    const inline = args[at].includes('=');
    const text = inline ? args[at].slice('--timeout='.length) : args[at + 1];
    const seconds = Number(text);
    if (text === undefined || !Number.isFinite(seconds) || seconds < 0) return { seconds: Number.NaN, rest: args };
    return { seconds, rest: [...args.slice(0, at), ...args.slice(at + (inline ? 1 : 2))] };
}
