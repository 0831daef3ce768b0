/**
 * A Parquet data source, offline: a copy of the jeugd example whose two sources are Parquet files
 * (written here, deterministically, from the example's CSV files) gives the same rows as the CSV
 * example in `monitor run` on DuckDB-WASM and on native DuckDB, and in the preview in headless
 * Chromium under the panel's CSP. DuckDB-WASM never loads its Parquet extension (autoload is off).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FlatRow } from '@monitor/ir';
import type { ExportMessage } from '@monitor/protocol';
import { ROOT } from './cli-helpers.js';
import { cliRunRows, exampleProgram } from './example-program.js';
import { CHROMIUM, openPreviewPage } from './preview-page.js';
import { requireTool } from './require-tool.js';

const EXAMPLE = path.join(ROOT, 'examples/jeugd');
const NATIVE = fs.existsSync(path.join(ROOT, 'node_modules/@duckdb/node-api'));

type Column = { name: string; type: 'STRING' | 'DATE' | 'INT32'; optional?: boolean };

/** Writes a CSV file (no quoted fields) as Parquet with the given column types; empty → null. */
function csvToParquet(csvFile: string, parquetFile: string, columns: Column[], codec: 'SNAPPY' | 'UNCOMPRESSED'): void {
    const [head, ...lines] = fs.readFileSync(csvFile, 'utf8').trimEnd().split('\n').map(l => l.split(','));
    expect(head).toEqual(columns.map(c => c.name));
    const value = (text: string, c: Column) => text === '' ? null : c.type === 'DATE' ? new Date(`${text}T00:00:00Z`) : c.type === 'INT32' ? Number(text) : text;
    const buffer = parquetWriteBuffer({
        codec,
        columnData: columns.map((c, i) => ({ name: c.name, data: lines.map(l => value(l[i], c)) })),
        schema: [
            { name: 'root', num_children: columns.length },
            ...columns.map(c => ({
                name: c.name, repetition_type: c.optional ? 'OPTIONAL' as const : 'REQUIRED' as const,
                ...(c.type === 'STRING' ? { type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const }
                    : c.type === 'DATE' ? { type: 'INT32' as const, converted_type: 'DATE' as const } : { type: 'INT32' as const }),
            })),
        ],
    });
    fs.writeFileSync(parquetFile, new Uint8Array(buffer));
}

/** A copy of the jeugd example with both sources as Parquet; returns its .monitor file. */
function parquetCopy(dir: string): string {
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    const text = (s: string) => ({ name: s, type: 'STRING' as const });
    csvToParquet(path.join(EXAMPLE, 'data/jeugdhulp_trajecten.csv'), path.join(dir, 'data/trajecten.parquet'), [
        text('client_id'), text('productcategorie'), text('voorziening'), { name: 'begindatum', type: 'DATE' },
        { name: 'einddatum', type: 'DATE', optional: true }, text('wijk'), text('status'),
    ], 'SNAPPY');
    csvToParquet(path.join(EXAMPLE, 'data/bevolking_0_17.csv'), path.join(dir, 'data/bevolking.parquet'),
        [{ name: 'peildatum', type: 'DATE' }, text('wijk'), { name: 'aantal', type: 'INT32' }], 'UNCOMPRESSED');
    const monitor = fs.readFileSync(path.join(EXAMPLE, 'jeugd.monitor'), 'utf8')
        .replace('source trajecten from "data/jeugdhulp_trajecten.csv" {\n    format csv', 'source trajecten from "data/trajecten.parquet" {\n    format parquet')
        .replace('source jongeren from "data/bevolking_0_17.csv" {\n    format csv', 'source jongeren from "data/bevolking.parquet" {\n    format parquet');
    expect(monitor.match(/format parquet/g)).toHaveLength(2);
    fs.writeFileSync(path.join(dir, 'jeugd.monitor'), monitor);
    return path.join(dir, 'jeugd.monitor');
}

/** Parses the CSV of `rowsToCsv` (quoted fields only where needed). */
function parseCsv(text: string): Record<string, string>[] {
    const lines = text.trimEnd().split('\n').map(line => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map(m => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));
    const [head, ...rows] = lines;
    return rows.map(r => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const field = (v: FlatRow[string] | undefined) => (v === null || v === undefined ? '' : String(v));

async function runRows(file: string, engine: 'wasm' | 'native'): Promise<FlatRow[]> {
    if (engine === 'wasm') return cliRunRows(file);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'packages/cli/bin/monitor.js'), 'run', file, '--format', 'json', '--engine', 'native'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`monitor run --engine native failed (${run.status}): ${run.stderr}`);
    return JSON.parse(run.stdout) as FlatRow[];
}

describe('a Parquet source, offline', () => {
    let scratch: string;
    let monitor: string;
    let csvRows: FlatRow[];

    beforeAll(async () => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-parquet-'));
        monitor = parquetCopy(path.join(scratch, 'jeugd'));
        csvRows = await cliRunRows(path.join(EXAMPLE, 'jeugd.monitor'));
    });

    afterAll(() => { if (scratch) fs.rmSync(scratch, { recursive: true, force: true }); });

    test('the Parquet files are written the same way every time', () => {
        const again = parquetCopy(path.join(scratch, 'again'));
        for (const f of ['data/trajecten.parquet', 'data/bevolking.parquet']) {
            expect(fs.readFileSync(path.join(path.dirname(again), f)).equals(fs.readFileSync(path.join(scratch, 'jeugd', f))), f).toBe(true);
        }
    });

    test('monitor run on DuckDB-WASM gives the rows of the CSV example', async () => {
        expect(csvRows.length).toBeGreaterThan(100);
        expect(await runRows(monitor, 'wasm')).toEqual(csvRows);
    });

    test.runIf(requireTool('@duckdb/node-api (native DuckDB)', NATIVE))('monitor run --engine native gives the rows of the CSV example', async () => {
        expect(await runRows(monitor, 'native')).toEqual(csvRows);
    });

    test.runIf(requireTool('chromium', fs.existsSync(CHROMIUM)))('the preview in headless Chromium, under the CSP, shows the rows of the CSV example', async () => {
        const preview = await openPreviewPage();
        try {
            const example = await exampleProgram(monitor);
            expect(example.program.sources.map(s => s.format)).toEqual(['parquet', 'parquet']);
            await preview.waitFor('ready');
            await preview.send({ type: 'update', uri: `file://${monitor}`, lang: 'en', program: example.program, problem: null, files: example.files, unreadable: [] });
            await preview.waitFor('rendered');
            for (const indicator of example.program.indicators) {
                const exports = (await preview.posted()).filter(m => m.type === 'export').length;
                await preview.page.locator(`#indicator-${indicator.name} [data-export="csv"]`).click();
                const [message] = (await preview.waitFor('export', exports + 1)).slice(-1) as ExportMessage[];
                const shown = parseCsv(message.content);
                const expected = csvRows.filter(r => r.indicator === indicator.name);
                expect(shown.length, indicator.name).toBe(expected.length);
                expect(shown, indicator.name).toEqual(expected.map(r => Object.fromEntries(Object.keys(shown[0] ?? {}).map(k => [k, field(r[k])]))));
            }
            expect(await preview.page.locator('#indicator-verblijf .actual_points_marks path').count()).toBeGreaterThan(20);
            expect(preview.violations).toEqual([]);
        } finally {
            await preview.close();
        }
    });
});
