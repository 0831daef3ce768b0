/**
 * The CLI computes every indicator on a locked-down DuckDB: sources are loaded first, then external
 * access is turned off and the configuration locked, and only then do the plan's queries run. The
 * engines the CLI starts are wrapped here to record that order and to try to break out afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { Engine } from '@monitor/engine';
import { analyse } from '../packages/cli/src/analyse.js';
import { computeMonitor, type EngineKind } from '../packages/cli/src/compute.js';

interface Recorded { events: string[]; escapes: Record<string, string | null> }
const recorded: Recorded[] = [];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lockdown-'));

/** What a query attempt gave: null when it ran, else the error text. */
async function attempt(engine: Engine, sql: string): Promise<string | null> {
    try { await engine.query(sql); return null; } catch (error) { return (error as Error).message.split('\n')[0]; }
}

function wrap(engine: Engine): Engine {
    const rec: Recorded = { events: [], escapes: {} };
    recorded.push(rec);
    return {
        loadSource: (source, bytes) => { rec.events.push('load'); return engine.loadSource(source, bytes); },
        lock: async () => { await engine.lock(); rec.events.push('lock'); },
        query: (sql) => { rec.events.push('query'); return engine.query(sql); },
        close: async () => {
            rec.escapes = {
                set: await attempt(engine, 'SET enable_external_access = true'),
                readText: await attempt(engine, `SELECT content FROM read_text('/etc/passwd')`),
                readCsv: await attempt(engine, `SELECT * FROM read_csv('${path.join(process.cwd(), 'package.json')}')`),
                copy: await attempt(engine, `COPY (SELECT 42 AS x) TO '${path.join(scratch, 'pwn.csv')}'`),
                attach: await attempt(engine, `ATTACH '${path.join(scratch, 'pwn.db')}' AS pwn`),
                extension: await attempt(engine, 'LOAD httpfs'),
            };
            await engine.close();
        },
    };
}

// The CLI starts its DuckDB through `startDuckDB` of @monitor/engine (native or WASM): wrap what it starts.
vi.mock('@monitor/engine', async (importOriginal) => {
    const real = await importOriginal<typeof import('@monitor/engine')>();
    return {
        ...real,
        startDuckDB: async (...args: Parameters<typeof real.startDuckDB>) => {
            const started = await real.startDuckDB(...args);
            return { ...started, engine: wrap(started.engine) };
        },
    };
});

let nativeAvailable = true;
try { await import('@duckdb/node-api'); } catch (error) {
    nativeAvailable = false;
    console.warn(`SKIP native lock-down test: @duckdb/node-api does not load here (${(error as Error).message.split('\n')[0]}).`);
}

describe.each([['wasm'], ['native']] as [EngineKind][])('monitor run on %s DuckDB', (kind) => {
    test.skipIf(kind === 'native' && !nativeAvailable)('loads, locks, then queries; afterwards no file can be read or written', async () => {
        const analysis = await analyse([path.resolve('examples/jeugd/jeugd.monitor')]);
        const computed = await computeMonitor(analysis.monitors[0], path.resolve('.'), undefined, kind);
        expect(computed.rows.length).toBeGreaterThan(0);
        const rec = recorded.pop()!;
        const lock = rec.events.indexOf('lock');
        expect(lock).toBeGreaterThan(0);
        expect(rec.events.slice(0, lock).every((e) => e === 'load')).toBe(true);
        expect(rec.events.slice(lock + 1).every((e) => e === 'query') && rec.events.length > lock + 1, rec.events.join(' ')).toBe(true);
        expect(rec.escapes.set).toMatch(/lock/i);
        for (const name of ['readText', 'readCsv', 'copy', 'attach']) {
            expect(rec.escapes[name], name).toMatch(/disabled|permission|not allowed|access/i);
        }
        expect(rec.escapes.extension).not.toBeNull();
        expect(fs.readdirSync(scratch)).toEqual([]);
    });
});
