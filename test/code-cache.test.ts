/**
 * The installed CLI's code cache (packages/cli/scripts/code-cache.cjs): a CommonJS file run through it
 * gives its exports; the first run leaves V8's compiled code in $XDG_CACHE_HOME/monitor-as-code, later
 * runs take it (no rewrite), a changed file gets a new cache that replaces the old one, a damaged
 * cache is replaced, and MONITOR_CODE_CACHE=off writes nothing. Real Node processes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';

const LOADER = path.resolve(import.meta.dirname, '../packages/cli/scripts/code-cache.cjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-code-cache-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const file = path.join(work, 'bundle.cjs');
const cacheHome = path.join(work, 'cache');
const folder = path.join(cacheHome, 'monitor-as-code');
const caches = () => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

/** Runs `file` through the loader in a fresh process; its `answer()` on stdout. */
function run(env: NodeJS.ProcessEnv = {}): string {
    const script = `process.stdout.write(String(require(${JSON.stringify(LOADER)}).load(${JSON.stringify(file)}).answer()))`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...env } });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
}

const source = (n: number) => `'use strict';\nconst path = require('node:path');\nexports.answer = () => ${n} + path.basename(__filename).length;\n`;

test('compiles once, then runs from the cache; a new version or a damaged cache is replaced', () => {
    fs.writeFileSync(file, source(30));
    expect(run({ MONITOR_CODE_CACHE: 'off' })).toBe('40');
    expect(caches()).toEqual([]);
    expect(run()).toBe('40');
    const [first] = caches();
    expect(caches()).toEqual([expect.stringMatching(/^bundle\.cjs-[0-9a-f]+-[0-9a-f]+\.v8cache$/)]);
    const written = fs.statSync(path.join(folder, first)).mtimeMs;
    expect(run()).toBe('40');
    expect(fs.statSync(path.join(folder, first)).mtimeMs).toBe(written);
    // Another install (another path) keeps its own cache beside it.
    const other = path.join(work, 'other', 'bundle.cjs');
    fs.mkdirSync(path.dirname(other));
    fs.writeFileSync(other, source(30));
    const otherRun = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(LOADER)}).load(${JSON.stringify(other)})`], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
    expect(otherRun.status, otherRun.stderr).toBe(0);
    expect(caches()).toHaveLength(2);
    const others = caches().filter(c => c !== first);
    // An update: another size and time, another cache, the old one of this install gone.
    fs.writeFileSync(file, source(3100));
    expect(run()).toBe('3110');
    const second = caches().find(c => !others.includes(c))!;
    expect(caches()).toEqual([second, ...others].sort());
    expect(second).not.toBe(first);
    fs.writeFileSync(path.join(folder, second), 'not compiled code');
    expect(run()).toBe('3110');
    expect(fs.statSync(path.join(folder, second)).size).toBeGreaterThan('not compiled code'.length);
});
