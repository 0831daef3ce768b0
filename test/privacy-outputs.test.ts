/**
 * One privacy test over every output path (issue 14): on the attack fixtures the engine now stops
 * (01, 02, 03's quarter part, 05's flag sum, 07) and on one example, the raw values of the hidden
 * cells must not appear as a published number in `monitor run --format json` and `--format csv`, the
 * tables of `monitor report`, hover and code-lens text over real LSP stdio, the CLI's stderr and the
 * server's diagnostics; nor may a breakdown value whose cells are all hidden be named in a diagnostic
 * (attack 7). The preview's rows in Chromium are compared with `monitor run` for every example in
 * test/preview-chromium.test.ts, so they are covered by the JSON check here.
 *
 * A hidden raw value that some shown cell legitimately publishes (say a secondary-suppressed 12 beside
 * a shown 12) cannot be told apart in the text, so the searched values are the hidden ones that no
 * shown cell holds (in-process `applyDisclosure`, an independent path from the CLI).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyDisclosure } from '@monitor/engine';
import type { ResultRow } from '@monitor/ir';
import { monitorInProcess as monitor, ROOT } from './cli-helpers.js';
import { parseCsv, programOf, rawRows } from './example-runs.js';
import { eventually, startLspClient, type LspClient } from './lsp-client.js';

interface Case { name: string; dir: string; file: string; indicators?: string[] }
const ATTACKS = path.join(ROOT, 'test/fixtures/privacy-attacks');
const CASES: Case[] = [
    { name: 'attack 1', dir: path.join(ATTACKS, '01-margin-beside-2d'), file: 'attack.monitor' },
    { name: 'attack 2', dir: path.join(ATTACKS, '02-rows-outside-where'), file: 'attack.monitor' },
    // The quarter part only: the stock/flow identity still gives the inflow (docs/privacy.md, residual risks).
    { name: 'attack 3 (quarters)', dir: path.join(ATTACKS, '03-periods-and-grains'), file: 'attack.monitor', indicators: ['per_kwartaal', 'per_jaar'] },
    // The flag sum and average only: `max` over a source not declared per person still prints an age.
    { name: 'attack 5 (flag sum)', dir: path.join(ATTACKS, '05-non-count-aggregates'), file: 'attack.monitor', indicators: ['alle', 'met_vlag', 'som_vlag', 'gemiddelde_vlag'] },
    { name: 'attack 7', dir: path.join(ATTACKS, '07-side-channels'), file: 'attack.monitor' },
    { name: 'example jeugd', dir: path.join(ROOT, 'examples/jeugd'), file: 'jeugd.monitor' },
];

/** Numbers in a text, read as the English formatting writes them ("1,234.5" → 1234.5). */
const numbers = (text: string): number[] => [...text.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));

interface Secrets { values: Set<number>; labels: string[] }

/** The raw values of the hidden cells that no shown cell publishes, and the breakdown values whose every cell is hidden. */
function secrets(raw: ResultRow[], safe: ResultRow[], indicators?: string[]): Secrets {
    // Shown values as published: outputs round a rate to its decimals (7.997 per 1,000 is printed 8).
    const shown = new Set(safe.filter((r) => !r.suppressed).flatMap((r) => [r.value, r.numerator, r.denominator])
        .filter((v): v is number => v !== null).flatMap((v) => [v, Math.round(v), Math.round(v * 10) / 10, Math.round(v * 100) / 100]));
    const values = new Set<number>();
    const byLabel = new Map<string, boolean>();
    safe.forEach((r, i) => {
        if (indicators && !indicators.includes(r.indicator)) return;
        if (r.suppressed) for (const v of [raw[i].value, raw[i].numerator, raw[i].denominator]) if (v !== null && !shown.has(v)) values.add(v);
        for (const v of Object.values(r.dimensions)) if (v !== null) byLabel.set(v, (byLabel.get(v) ?? true) && r.suppressed);
    });
    return { values, labels: [...byLabel].filter(([, all]) => all).map(([l]) => l) };
}

const leaked = (s: Secrets, found: number[]) => found.filter((n) => s.values.has(n));

describe('no hidden value in any output path', () => {
    let tmp: string;
    let client: LspClient;
    const runs = new Map<string, { secrets: Secrets; file: string; uri: string; text: string }>();

    beforeAll(async () => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-privacy-outputs-'));
        for (const c of CASES) {
            const dir = path.join(tmp, path.basename(c.dir));
            fs.cpSync(c.dir, dir, { recursive: true });
            const file = path.join(dir, c.file);
            const program = await programOf(file);
            const { rows } = await rawRows(program);
            runs.set(c.name, { secrets: secrets(rows, await applyDisclosure(program, rows), c.indicators), file, uri: '', text: fs.readFileSync(file, 'utf8') });
        }
        client = await startLspClient({ root: tmp, trusted: true, locale: 'en' });
    }, 300_000);
    afterAll(async () => {
        await client?.stop();
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    test.each(CASES)('$name: the premise holds (some cells are hidden)', (c) => {
        const s = runs.get(c.name)!.secrets;
        expect(s.values.size + s.labels.length, c.name).toBeGreaterThan(0);
    });

    test.each(CASES)('$name: CLI JSON, CSV and stderr, and the report tables', async (c) => {
        const { secrets: s, file } = runs.get(c.name)!;
        const json = await monitor(['run', '--format', 'json', file]);
        expect(json.code, json.stderr).toBe(0);
        const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
        expect(leaked(s, rows.flatMap((r) => [r.value, r.numerator, r.denominator]).filter((v): v is number => typeof v === 'number'))).toEqual([]);
        const csv = await monitor(['run', '--format', 'csv', file]);
        expect(csv.code, csv.stderr).toBe(0);
        const cells = parseCsv(csv.stdout).flatMap((r) => [r.value, r.numerator, r.denominator]).filter((v) => v !== undefined && v !== '').map(Number);
        expect(leaked(s, cells)).toEqual([]);
        // Diagnostics: numbers after their position (file:line:col), and no all-hidden breakdown value.
        const stderr = json.stderr.replace(/[^\s:]+\.monitor:\d+:\d+/g, '');
        expect(leaked(s, numbers(stderr.replace(/\b\d{4}(-(Q\d|\d{2}))?\b/g, '')))).toEqual([]);
        for (const label of s.labels) expect(json.stderr).not.toContain(label);
        const out = path.join(path.dirname(file), 'report.html');
        const report = await monitor(['report', file, '--out', out, '--lang', 'en']);
        expect(report.code, report.stderr).toBe(0);
        const html = fs.readFileSync(out, 'utf8');
        // The value cells of every table and the overview's latest values (a target column holds targets, not counts).
        const overview = html.slice(html.indexOf('<nav class="overview"'), html.indexOf('</nav>'));
        const tds = [...html.matchAll(/<td class="num value">([^<]*)<\/td>/g), ...overview.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
        expect(tds.length).toBeGreaterThan(0);
        expect(leaked(s, tds.flatMap(numbers))).toEqual([]);
    }, 240_000);

    test.each(CASES)('$name: hover, code lens and diagnostics over LSP', async (c) => {
        const run = runs.get(c.name)!;
        const uri = client.open(run.file, run.text);
        const diagnostics = await client.waitForDiagnostics(uri, (d) => d.every((x) => x.severity !== 1));
        const read = async () => JSON.stringify(await client.request('textDocument/codeLens', { textDocument: { uri } }));
        // Until the server has computed the document every lens reads "latest: being computed…".
        const lenses = JSON.parse(await eventually(read, /^(?=.*latest: )(?!.*being computed)/s)) as { command: { title: string } }[];
        // The number the editor shows right after "latest:" (its unit and period follow it).
        const latest = (t: string) => [...t.matchAll(/latest: (-?\d[\d,]*(?:\.\d+)?)/g)].map((m) => Number(m[1].replace(/,/g, '')));
        const titles = lenses.map((l) => l.command.title).filter((t) => t.startsWith('latest:'));
        // The server computed this document: every indicator has its lens, none still computing or untrusted.
        expect(titles.length).toBe(run.text.split('\n').filter((l) => /^indicator \w/.test(l)).length);
        expect(titles.filter((t) => /being computed|trusted/.test(t))).toEqual([]);
        expect(leaked(run.secrets, titles.flatMap(latest))).toEqual([]);
        const lines = run.text.split('\n');
        for (let line = 0; line < lines.length; line++) {
            if (!/^indicator \w/.test(lines[line])) continue;
            const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 11 } });
            expect(leaked(run.secrets, latest(hover?.contents.value ?? ''))).toEqual([]);
        }
        const after = client.diagnostics.get(uri) ?? diagnostics;
        for (const d of after) {
            for (const label of run.secrets.labels) expect(d.message).not.toContain(label);
            expect(leaked(run.secrets, numbers(d.message.replace(/\b\d{4}(-(Q\d|\d{2}))?\b/g, '')))).toEqual([]);
        }
    });
});
