/**
 * Numbers as numbers: 7 of 100 as a percentage is 7.000000000000001 in binary floating point. Every
 * output — `monitor run` CSV and JSON, the HTML report, and the language server's hover and code lens
 * — shows it rounded by the one rule (`roundTo`) to the indicator's decimals: 7.0 by default for a
 * share, 29.00 with `decimals 2`. The preview computes with the same `assessTargets` and formats with
 * the same `formatNumber` as the report (packages/render/test/trend-spec.test.ts checks its tooltips).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, monitorInProcess } from './cli-helpers.js';
import { eventually, startLspClient } from './lsp-client.js';

const MONITOR = `monitor getallen {
    grain year
    range 2024 .. 2024  privacy none "test data"
}

source s from "s.csv" {
    events on datum
    coverage 2024-01-01 .. 2024-12-31
    columns { datum date  soort text }
}

indicator aandeel {
    title "Aandeel a"
    unit "%"
    value count from s where soort = "a" percent of count from s
}

indicator derde {
    title "Aandeel b"
    unit "%"
    value count from s where soort = "b" percent of count from s
    decimals 2
}
`;
// 100 events in 2024: 7 of kind a (7 / 100 × 100 = 7.000000000000001, published 7.0) and 29 of kind b
// (28.999999999999996, published 29.00 with `decimals 2`).
const kinds = [...Array(7).fill('a'), ...Array(29).fill('b'), ...Array(64).fill('c')];
const DATA = `datum,soort\n${kinds.map((k, i) => `2024-0${1 + (i % 9)}-1${i % 10},${k}`).join('\n')}\n`;
const dir = fixture({ 'getallen.monitor': MONITOR, 's.csv': DATA });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOISE = /\d\.\d*0000000\d|\d\.\d*9999999\d/;

describe('numbers as numbers', () => {
    test('the float noise is real: the raw quotients carry it', async () => {
        expect(String(7 / 100 * 100)).toBe('7.000000000000001');
        expect(String(29 / 100 * 100)).toBe('28.999999999999996');
    });

    test('CSV and JSON of `monitor run` show the numbers rounded to the indicator\'s decimals', async () => {
        const csv = await monitorInProcess(['run', 'getallen.monitor', '--format', 'csv'], dir);
        expect(csv.code, csv.stderr).toBe(0);
        expect(csv.stdout).not.toMatch(NOISE);
        expect(csv.stdout).toContain('aandeel,actual,2024,7,7,100,');
        expect(csv.stdout).toContain('derde,actual,2024,29,29,100,');
        const json = await monitorInProcess(['run', 'getallen.monitor', '--format', 'json'], dir);
        expect(json.stdout).not.toMatch(NOISE);
        expect((JSON.parse(json.stdout) as { value: number }[]).map(r => r.value)).toEqual([7, 29]);
    });

    test('the report shows each value with its indicator\'s decimals', async () => {
        const r = await monitorInProcess(['report', 'getallen.monitor', '--lang', 'nl'], dir);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).not.toMatch(NOISE);
        expect(r.stdout).toMatch(/class="value">7,0</);
        expect(r.stdout).toMatch(/class="value">29,00</);
    });

    test('hover and code lens show the value with the indicator\'s decimals', async () => {
        const client = await startLspClient({ root: dir, trusted: true, locale: 'en' });
        try {
            const file = path.join(dir, 'getallen.monitor');
            const uri = client.open(file, MONITOR);
            expect(uri).toBe(pathToFileURL(file).toString());
            const read = async () => JSON.stringify(await client.request('textDocument/codeLens', { textDocument: { uri } }));
            const lenses = await eventually(read, /latest: 29/);
            expect(lenses).toContain('latest: 7.0 % (2024)');
            expect(lenses).toContain('latest: 29.00 % (2024)');
            const line = MONITOR.split('\n').findIndex(l => l.startsWith('indicator derde'));
            const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } });
            expect(hover.contents.value).toContain('latest: 29.00 % (2024)');
            expect(hover.contents.value).not.toMatch(NOISE);
        } finally {
            await client.stop();
        }
    });
});
