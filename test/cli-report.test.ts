/**
 * `monitor report`: the built CLI writes one self-contained HTML report of the examples (English and
 * Dutch), byte-identical across runs, with a PNG per chart on request; the page is opened in headless
 * Chromium with JavaScript off, and every indicator's chart and status must be there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { statusLabel } from '@monitor/render';
import { fixture, monitorInProcess, SMALL_DATA, SMALL_MONITOR } from './cli-helpers.js';
import { exampleMonitors, exampleProgram, testOutput } from './example-program.js';
import { CHROMIUM } from './preview-page.js';
import { requireTool } from './require-tool.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const STACK = /\bat .*\.js:\d+/;

const out = (name: string) => testOutput(name);
const pngDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-report-png-'));

describe('monitor report on the examples', () => {
    beforeAll(async () => {
        for (const [file, extra] of [['report-en.html', ['--png', pngDir]], ['report-en-again.html', []]] as const) {
            const r = await monitorInProcess(['report', 'examples', '--out', out(file), ...extra]);
            expect(r.code, r.stderr).toBe(0);
            expect(r.stderr).not.toMatch(STACK);
        }
        const nl = await monitorInProcess(['report', 'examples', '--out', out('report-nl.html'), '--lang', 'nl']);
        expect(nl.code, nl.stderr).toBe(0);
    }, 600_000);

    test('two runs on the same input give identical bytes', async () => {
        const a = fs.readFileSync(out('report-en.html'));
        const b = fs.readFileSync(out('report-en-again.html'));
        expect(a.length).toBeGreaterThan(10_000);
        expect(a.equals(b)).toBe(true);
    });

    test('the page is self-contained: no scripts, no outside resources, CSS inline', async () => {
        const html = fs.readFileSync(out('report-en.html'), 'utf8');
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/\b(src|href)="(?!#)/);
        expect(html).toContain('<style>');
        expect(html).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    });

    test('--png writes one PNG per chart: per indicator one, plus one per breakdown dimension', async () => {
        const programs = await Promise.all(exampleMonitors().map(f => exampleProgram(f)));
        const expected = programs.flatMap(p => p.program.indicators.flatMap(i =>
            [`${p.program.monitor.name}-${i.name}`, ...i.by.map(d => `${p.program.monitor.name}-${i.name}-by-${d}`)]
                .map(n => `${n.replace(/[^A-Za-z0-9_.-]+/g, '_')}.png`)));
        const written = fs.readdirSync(pngDir).sort();
        expect(written).toEqual([...expected].sort());
        for (const name of written) expect(fs.readFileSync(path.join(pngDir, name)).subarray(0, 8).equals(PNG_SIGNATURE), name).toBe(true);
    });

    test('the Dutch report has Dutch words and statuses', async () => {
        const html = fs.readFileSync(out('report-nl.html'), 'utf8');
        expect(html).toContain('<html lang="nl">');
        expect(html).toContain('Overzicht');
        expect(html).toContain('Definitie');
        expect(html).toMatch(/op koers|uit koers|binnen marge/);
        expect(html).not.toContain('>Overview<');
    });

    test('a % indicator changes in percentage points, in the words of each language; other units relatively', () => {
        const headline = (file: string, indicator: string) => {
            const html = fs.readFileSync(out(file), 'utf8');
            const start = html.indexOf(`data-indicator="${indicator}" data-status`);
            return html.slice(html.indexOf('<p class="headline">', start), html.indexOf('</p>', html.indexOf('<p class="headline">', start)));
        };
        const nl = headline('report-nl.html', 'afschaling');
        expect(nl).toMatch(/class="change">[+−]\d+,\d procentpunt t\.o\.v\. 20\d\d-H\d</);
        expect(nl).toMatch(/class="change">[+−]\d+,\d procentpunt t\.o\.v\. basis 2022</);
        expect(headline('report-en.html', 'afschaling')).toMatch(/class="change">[+−]\d+\.\d percentage points? vs baseline 2022</);
        // Not a % unit ("dagen"): the change against the baseline is relative.
        expect(headline('report-en.html', 'duur_24uurs')).toMatch(/class="change">[+−]\d+\.\d% vs baseline 2022</);
    });

    test('every chart in the page carries its key, with a hidden-value entry exactly where hidden values are drawn', () => {
        const html = fs.readFileSync(out('report-nl.html'), 'utf8');
        const figures = html.split('<figure class="chart"').slice(1);
        expect(figures.length).toBeGreaterThan(10);
        for (const f of figures) expect(f).toMatch(/>waarde \(/);
        // Hidden cells only in the charts that draw them (the wijk breakdowns of jeugd), as "verborgen" (no "< N").
        const hidden = figures.filter(f => f.includes('>verborgen<'));
        expect(hidden.length).toBeGreaterThan(0);
        expect(hidden.length).toBeLessThan(figures.length);
        for (const f of figures) expect(f.includes('>verborgen<')).toBe(/suppressed_markers_marks"[^>]*>\s*<path/.test(f));
    });

    const hasChromium = requireTool('Chromium', fs.existsSync(CHROMIUM));
    describe.skipIf(!hasChromium)('in headless Chromium with JavaScript off', () => {
        let browser: Browser;
        beforeAll(async () => {
            browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
        });
        afterAll(async () => { await browser?.close(); });

        test.each(['en', 'nl'] as const)('every indicator (%s) has its section with an SVG chart with marks and its status', async (lang) => {
            const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 1400 } });
            const requests: string[] = [];
            context.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
            const page = await context.newPage();
            await page.goto(`file://${out(`report-${lang}.html`)}`);
            const programs = await Promise.all(exampleMonitors().map(f => exampleProgram(f)));
            const names = programs.flatMap(p => p.program.indicators.map(i => ({ monitor: p.program.monitor.name, indicator: i.name })));
            expect(names.length).toBeGreaterThan(5);
            for (const { monitor: m, indicator } of names) {
                const section = page.locator(`section[data-monitor="${m}"] section.indicator[data-indicator="${indicator}"]`);
                await expect(section.count()).resolves.toBe(1);
                const status = await section.getAttribute('data-status');
                expect(status).toBeTruthy();
                await expect(section.locator('.badge').innerText()).resolves.toBe(statusLabel(status as never, lang));
                // The total chart: an SVG with drawn marks (the actual line's path and its points).
                const svg = section.locator('figure.chart').first().locator('svg');
                await expect(svg.count()).resolves.toBe(1);
                await expect(svg.locator('.mark-line path').count()).resolves.toBeGreaterThan(0);
                await expect(svg.locator('.mark-symbol path').count()).resolves.toBeGreaterThan(0);
                const box = await svg.boundingBox();
                expect(box!.width).toBeGreaterThan(300);
                await expect(section.locator('.definition').innerText()).resolves.toMatch(/\w{4,}/);
                // The overview lists it with the same status.
                await expect(page.locator(`nav.overview tr[data-indicator="${indicator}"] .badge`).first().getAttribute('data-status')).resolves.toBe(status);
            }
            await page.screenshot({ path: out(`report-${lang}.png`) });
            await page.locator('section.indicator').first().screenshot({ path: out(`report-${lang}-indicator.png`) });
            // A hidden count reads "hidden", not "< 10": a cell hidden by secondary suppression can hold 10 or more (the examples hide small wijk cells; their table opens without JavaScript).
            const hidden = page.locator('details:has(tr.suppressed)').first();
            await hidden.locator('summary').click();
            await expect(hidden.locator('tr.suppressed td.value').first().innerText()).resolves.toBe(lang === 'nl' ? 'verborgen' : 'hidden');
            expect(requests).toEqual([]);
            await context.close();
        });
    });
});

describe('monitor report on small monitors', () => {
    test('a count below the privacy minimum shows as "hidden", never as its number (nor as "< N")', async () => {
        const source = SMALL_MONITOR.replace('privacy none "testgegevens"', 'privacy { minimum 10  round 5 }');
        const dir = fixture({ 'klein.monitor': source, 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['report', 'klein.monitor', '--out', 'r.html'], dir);
        expect(r.code, r.stderr).toBe(0);
        const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
        const cells = [...html.matchAll(/<td class="num value">([^<]*)<\/td>/g)].map(m => m[1]);
        expect(cells.length).toBeGreaterThan(0);
        expect(cells.every(c => c === 'hidden')).toBe(true);
        // Without privacy rules on purpose (`privacy none "reason"`) the same counts (1 to 3) are shown, and the report says why.
        const open = fixture({ 'klein.monitor': SMALL_MONITOR, 'data/trajecten.csv': SMALL_DATA });
        expect((await monitorInProcess(['report', 'klein.monitor', '--out', 'r.html'], open)).code).toBe(0);
        const openHtml = fs.readFileSync(path.join(open, 'r.html'), 'utf8');
        expect(openHtml).toMatch(/<td class="num value">[123]<\/td>/);
        expect(openHtml).toContain('Published without disclosure control on purpose (privacy none): testgegevens');
    });

    test('fail closed: person-level data without a privacy block is refused, nothing is published', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR.replace('  privacy none "testgegevens"', ''), 'data/trajecten.csv': SMALL_DATA });
        for (const command of [['report', 'klein.monitor', '--out', 'r.html'], ['run', 'klein.monitor']]) {
            const r = await monitorInProcess(command, dir);
            expect(r.code).not.toBe(0);
            expect(r.stderr).toContain('privacy-missing');
            expect(r.stdout).not.toMatch(/"value":\s*[123]\b/);
        }
        expect(fs.existsSync(path.join(dir, 'r.html'))).toBe(false);
    });

    test('text from the monitor file is escaped in the HTML', async () => {
        const source = SMALL_MONITOR.replace('title "Actieve trajecten"', 'title "<img src=x onerror=alert(1)> & co"')
            + 'note 2024-05-01 "<script>alert(2)</script>"\n';
        const dir = fixture({ 'klein.monitor': source, 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['report', 'klein.monitor'], dir);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).not.toMatch(/<img|<script/i);
        expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
        expect(r.stdout).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    });

    test('--timestamp puts the time in the footer; without it there is none', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR, 'data/trajecten.csv': SMALL_DATA });
        expect((await monitorInProcess(['report', 'klein.monitor', '--timestamp'], dir)).stdout).toMatch(/on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
        expect((await monitorInProcess(['report', 'klein.monitor'], dir)).stdout).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    });

    test('a monitor with an error exits 1 with a diagnostic, no stack trace and no report', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR.replace('from trajecten active', 'from trajectn active'), 'data/trajecten.csv': SMALL_DATA });
        const r = await monitorInProcess(['report', '.', '--out', 'r.html'], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/klein\.monitor:\d+:\d+: error unknown-source/);
        expect(r.stderr).not.toMatch(STACK);
        expect(fs.existsSync(path.join(dir, 'r.html'))).toBe(false);
    });

    test('a missing data file exits 1 with the data-stage diagnostic', async () => {
        const dir = fixture({ 'klein.monitor': SMALL_MONITOR });
        const r = await monitorInProcess(['report', 'klein.monitor', '--out', 'r.html'], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('klein.monitor:');
        expect(r.stderr).not.toMatch(STACK);
        expect(fs.existsSync(path.join(dir, 'r.html'))).toBe(false);
    });

    test('usage errors exit 2: no input, an unknown option', async () => {
        expect((await monitorInProcess(['report'])).code).toBe(2);
        const r = await monitorInProcess(['report', 'examples', '--colour']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('--colour');
        expect((await monitorInProcess(['report', '--help'])).stdout).toContain('Usage: monitor report');
    });
});
