/**
 * The server's main thread does not load DuckDB: only the analysis worker computes, and loading the
 * engine's main entry (DuckDB-WASM and Arrow) at start would delay every cold build. Needs the build.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';

const START = pathToFileURL(path.resolve(import.meta.dirname, '../dist/start-server.js')).href;

test('importing the server loads no DuckDB module', () => {
    const script = `
        import { createRequire } from 'node:module';
        await import(${JSON.stringify(START)});
        const loaded = Object.keys(createRequire(import.meta.url).cache);
        console.log(JSON.stringify({ count: loaded.length, duckdb: loaded.filter(f => /duckdb|apache-arrow/.test(f)) }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    // Langium's CommonJS dependencies are there: the check looks at the right cache.
    expect(out.count).toBeGreaterThan(10);
    expect(out.duckdb).toEqual([]);
});
