/** A shared DuckDB-WASM engine for tests, with CSV text loaded per source. */
import type { SourceIR } from '@monitor/ir';
import { expect } from 'vitest';
import { createNodeEngine } from '../../src/create-node-engine.js';
import type { Engine } from '../../src/engine-types.js';

/** Loads each source from CSV text and fails the test on any data issue. */
export async function loadAll(engine: Engine, sources: [SourceIR, string][]): Promise<void> {
    for (const [s, text] of sources) {
        const issues = await engine.loadSource(s, new TextEncoder().encode(text));
        expect(issues, `loading ${s.name}`).toEqual([]);
    }
}

/** A fresh engine with the sources loaded. */
export async function engineWith(sources: [SourceIR, string][]): Promise<Engine> {
    const engine = await createNodeEngine();
    await loadAll(engine, sources);
    return engine;
}
