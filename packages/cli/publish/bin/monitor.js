#!/usr/bin/env node
// The `monitor` command of the installed package (packages/cli/scripts/bundle.mjs builds ../dist):
// `--version` and `--help` from the small ES module build; every other command from dist/monitor.cjs,
// which V8 compiles once per machine and then takes from its code cache (dist/code-cache.cjs).
import { createRequire } from 'node:module';

const LIGHT = new Set(['--version', '-v', '--help', '-h', 'help']);
const args = process.argv.slice(2);
const langAt = args.indexOf('--lang');
const command = args.find((a, i) => a !== '--debug' && (langAt < 0 || (i !== langAt && i !== langAt + 1)));
if (command === undefined || LIGHT.has(command)) {
    await import('../dist/monitor.js');
} else {
    const require = createRequire(import.meta.url);
    const { runMonitor } = require('../dist/code-cache.cjs').load(require.resolve('../dist/monitor.cjs'));
    process.exitCode = await runMonitor(args);
}
