#!/usr/bin/env node
// The `monitor` command. The polyfill must load before Langium (chevrotain calls Object.groupBy).
await import('@monitor/language/polyfill');
await import('../dist/main.js');
