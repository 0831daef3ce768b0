//
// The entry of the CLI's CommonJS bundle (publish/dist/monitor.cjs, built by bundle.mjs and loaded
// through the code cache of code-cache.cjs): the Node 20 polyfill first (chevrotain calls
// Object.groupBy), then the command dispatcher.

import '@monitor/language/polyfill';

export { runMonitor } from '../src/run-monitor.js';
