/**
 * The `monitor` process: runs the command of its arguments and exits with its status. Only light
 * modules at the top (in `run-monitor.ts` too): `--version` and `--help` load no Langium and no DuckDB.
 */
import { runMonitor } from './run-monitor.js';

process.exitCode = await runMonitor(process.argv.slice(2));
