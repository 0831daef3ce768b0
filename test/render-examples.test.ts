import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderSvg, trendSpec } from '@monitor/render';
import { renderPng } from '../packages/render/src/render-png.js';
import { createNodeEngine } from '@monitor/engine';
import type { ResultRow } from '@monitor/ir';
import { computeRows, loadProgramData } from '../packages/preview/src/compute-rows.js';
import { exampleMonitors, exampleProgram, testOutput, type ExampleProgram } from './example-program.js';

/** The preview's computation, on DuckDB-WASM in Node. */
async function rowsOf(example: ExampleProgram): Promise<ResultRow[]> {
    const engine = await createNodeEngine();
    try {
        const issues = await loadProgramData(engine, example.program, new Map(example.files.map(f => [f.source, f.bytes])));
        if (issues.some(i => i.severity === 'error')) throw new Error(JSON.stringify(issues));
        return await computeRows(engine, example.program);
    } finally {
        await engine.close();
    }
}

describe('charts of the examples', () => {
    for (const file of exampleMonitors()) {
        const name = path.basename(file, '.monitor');
        test(`every indicator of ${name} renders to SVG with its points and, where there is a target, a target line`, async () => {
            const example = await exampleProgram(file);
            const { program } = example;
            const rows = await rowsOf(example);
            for (const indicator of program.indicators) {
                const spec = trendSpec(indicator, rows, { notes: program.notes });
                const svg = await renderSvg(spec);
                expect(svg, indicator.name).toMatch(/actual_points_marks/);
                if (indicator.target) expect(svg, indicator.name).toMatch(/target_line_marks[^>]*>\s*<path/);
            }
        });

        test(`the first indicator of ${name} renders to a PNG with fixed fonts`, async () => {
            const example = await exampleProgram(file);
            const { program } = example;
            const rows = await rowsOf(example);
            const indicator = program.indicators[0];
            const png = await renderPng(trendSpec(indicator, rows, { notes: program.notes, lang: 'nl' }));
            expect([...png.slice(1, 4)].map(c => String.fromCharCode(c)).join('')).toBe('PNG');
            fs.writeFileSync(testOutput(`${name}-${indicator.name}.png`), png);
            const byWijk = await renderPng(trendSpec(indicator, rows, { notes: program.notes, breakdown: indicator.by[0] ?? null, lang: 'nl', width: 260 }));
            fs.writeFileSync(testOutput(`${name}-${indicator.name}-by.png`), byWijk);
        });
    }
});
