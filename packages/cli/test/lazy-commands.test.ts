/**
 * The `monitor` command loads a subcommand only when it runs: `monitor lsp` (started by editors on
 * every launch) and `monitor --help` must not load DuckDB, Arrow or the renderer. Needs the build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../bin/monitor.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lazy-'));
// Preloaded into the CLI process: at exit, lists the CommonJS modules it loaded (ESM imports of
// CommonJS packages land in the same cache).
const PRELOAD = path.join(dir, 'preload.cjs');
fs.writeFileSync(PRELOAD, `process.on('exit', () => {
    const loaded = Object.keys(require('node:module')._cache);
    process.stderr.write('\\nLOADED ' + JSON.stringify({ count: loaded.length, heavy: loaded.filter(f => /duckdb|apache-arrow|vega|resvg/.test(f)) }) + '\\n');
});`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function loaded(args: string[]): { count: number; heavy: string[] } {
    // Standard input closes at once: `monitor lsp` then ends.
    const r = spawnSync(process.execPath, ['-r', PRELOAD, BIN, ...args], { input: '', encoding: 'utf8', timeout: 240_000 });
    const line = r.stderr.split('\n').find(l => l.startsWith('LOADED '));
    if (!line) throw new Error(`no module list; stderr: ${r.stderr}`);
    return JSON.parse(line.slice('LOADED '.length));
}

test('monitor lsp loads no DuckDB, Arrow or renderer module', () => {
    const out = loaded(['lsp']);
    // Langium's CommonJS dependencies are there: the check looks at the right cache.
    expect(out.count).toBeGreaterThan(10);
    expect(out.heavy).toEqual([]);
});

test('monitor --help loads none of them either', () => {
    expect(loaded(['--help']).heavy).toEqual([]);
});

test('monitor run still loads DuckDB when it computes', () => {
    const file = path.join(dir, 'a.monitor');
    fs.writeFileSync(file, 'monitor a { grain year  range 2020 .. 2021  privacy none "test" }\nsource s from "s.csv" { events on d  columns { d date } }\nindicator n { title "N" value count from s }\n');
    fs.writeFileSync(path.join(dir, 's.csv'), 'd\n2020-01-01\n');
    expect(loaded(['run', file]).heavy.some(f => /duckdb/.test(f))).toBe(true);
});
