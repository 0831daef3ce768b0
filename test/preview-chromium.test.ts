/**
 * The preview bundle in real headless Chromium under the exact CSP of the panel, fed the host's real
 * messages: the program from the language pipeline and the bytes of the declared data files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FlatRow, ResultRow } from '@monitor/ir';
import type { ExportMessage, UpdateMessage } from '@monitor/protocol';
import { indicatorSummary, statusLabel } from '@monitor/render';
import { cliRunRows, exampleMonitors, exampleProgram, testOutput, type ExampleProgram } from './example-program.js';
import { CHROMIUM, openPreviewPage, type PreviewPage } from './preview-page.js';
import { vegaEditorUrl } from '../packages/extension/src/preview/vega-editor-url.js';
import { requireTool } from './require-tool.js';

const run = requireTool('chromium', fs.existsSync(CHROMIUM));
const JEUGD = exampleMonitors().find(f => f.endsWith('jeugd.monitor')) as string;

function update(example: ExampleProgram, withFiles = true): UpdateMessage {
    return { type: 'update', uri: `file://${example.file}`, lang: 'en', program: example.program, problem: null, files: withFiles ? example.files : [], unreadable: [] };
}

/** Parses the CSV of `rowsToCsv` (quoted fields only where needed). */
function parseCsv(text: string): Record<string, string>[] {
    const lines = text.trimEnd().split('\n').map(line => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map(m => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));
    const [head, ...rows] = lines;
    return rows.map(r => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const field = (v: FlatRow[string] | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * Waits until the page has stopped moving: the scroll position and the layout height unchanged over
 * five animation frames (a chart drawn after a jump can shift the cards below it). Frames, not a fixed
 * time: on a busy machine a frame may take long.
 */
async function scrollSettled(preview: PreviewPage): Promise<void> {
    await preview.page.evaluate(() => new Promise<void>((resolve) => {
        let last = '';
        let still = 0;
        const tick = () => {
            const now = `${window.scrollY}/${document.documentElement.scrollHeight}`;
            still = now === last ? still + 1 : 0;
            last = now;
            if (still >= 5) resolve(); else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
    }));
}

describe.runIf(run)('the preview in headless Chromium', () => {
    let preview: PreviewPage;
    let jeugd: ExampleProgram;

    beforeAll(async () => {
        preview = await openPreviewPage();
        jeugd = await exampleProgram(JEUGD);
        await preview.waitFor('ready');
        await preview.send(update(jeugd));
        await preview.waitFor('rendered');
    });

    afterAll(async () => { await preview?.close(); });

    test('the jeugd chart of verblijf has points, a target line, a tolerance band and the note', async () => {
        const card = preview.page.locator('#indicator-verblijf');
        expect(await card.locator('.actual_points_marks path').count()).toBeGreaterThan(20);
        expect(await card.locator('.target_line_marks path').getAttribute('d')).toMatch(/^M[\d.,-]+L/);
        expect(await card.locator('.tolerance_band_marks path').count()).toBe(1);
        expect(await card.locator('.note_labels_marks text, .note_labels_end_marks text').first().textContent()).toContain('inkoopbeleid');
        await preview.page.screenshot({ path: testOutput('preview-jeugd.png'), fullPage: true });
    });

    test('every card shows the status of its latest value as monitor run computes it', async () => {
        const rows = await cliRunRows(JEUGD);
        for (const indicator of jeugd.program.indicators) {
            const mine = rows.filter(r => r.indicator === indicator.name).map(r => ({ ...r, dimensions: Object.fromEntries(indicator.by.filter(d => d in r).map(d => [d, r[d] ?? null])) }) as unknown as ResultRow);
            const expected = statusLabel(indicatorSummary(indicator, mine).status, 'en');
            expect(await preview.page.locator(`#indicator-${indicator.name} .badge`).textContent(), indicator.name).toBe(expected);
        }
        expect(await preview.page.locator('.overview-item').count()).toBe(jeugd.program.indicators.length);
    });

    test('the page ran without a single CSP violation', () => {
        expect(preview.violations).toEqual([]);
    });

    test('a CSP violation is caught by the detector', async () => {
        const before = preview.violations.length;
        await preview.page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s); });
        // The report comes as an event (securitypolicyviolation, console): wait for it, not for a fixed 300 ms.
        // Without a report this waits until the hang guard, and fails.
        await expect.poll(() => preview.violations.length, { timeout: 240_000, interval: 50 }).toBeGreaterThan(before);
        expect(preview.violations.length).toBeGreaterThan(before);
        preview.violations.splice(before);
    });

    test('an edited target redraws the target line and keeps the card in view where it was', async () => {
        await preview.page.evaluate(() => window.scrollTo(0, 700));
        const inView = () => preview.page.evaluate(() => {
            const card = [...document.querySelectorAll('section.card')].find(c => c.getBoundingClientRect().bottom > 0);
            return { id: card?.id, top: Math.round(card?.getBoundingClientRect().top ?? NaN) };
        });
        const seen = await inView();
        const before = await preview.page.locator('#indicator-verblijf .target_line_marks path').getAttribute('d');
        const edited = structuredClone(jeugd);
        const target = edited.program.indicators.find(i => i.name === 'verblijf')?.target;
        if (!target) throw new Error('verblijf has no target');
        target.points[0].value = -40;
        const rendered = (await preview.posted()).filter(m => m.type === 'rendered').length;
        await preview.send(update(edited, false));
        await preview.waitFor('rendered', rendered + 1);
        expect(await preview.page.locator('#indicator-verblijf .target_line_marks path').getAttribute('d')).not.toBe(before);
        // The card the reader was looking at stays where it was on screen.
        expect(await inView()).toEqual(seen);
    });

    test('the keyboard reaches an indicator title and Enter asks the host to reveal its definition', async () => {
        await preview.page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
        const reveals = (await preview.posted()).filter(m => m.type === 'reveal').length;
        let focused = '';
        for (let i = 0; i < 40 && focused !== 'verblijf'; i++) {
            await preview.page.keyboard.press('Tab');
            focused = await preview.page.evaluate(() => {
                const a = document.activeElement;
                return a?.classList.contains('title-link') ? (a.closest('section.card')?.id ?? '').replace(/^indicator-/, '') : '';
            });
        }
        expect(focused).toBe('verblijf');
        await preview.page.keyboard.press('Enter');
        const [message] = (await preview.waitFor('reveal', reveals + 1)).slice(-1);
        expect(message).toEqual({ type: 'reveal', indicator: 'verblijf' });
    });

    test('the Vega editor button hands the host the chart as vega-lite JSON with the rows inline', async () => {
        // Off unless the host says the setting enables it (it sends the chart to a public web site).
        expect(await preview.page.locator('#indicator-verblijf [data-export="vega-editor"]').count()).toBe(0);
        const rendered = (await preview.posted()).filter(m => m.type === 'rendered').length;
        await preview.send({ ...update(jeugd, false), vegaEditor: true });
        await preview.waitFor('rendered', rendered + 1);
        const exports = (await preview.posted()).filter(m => m.type === 'export').length;
        await preview.page.locator('#indicator-verblijf [data-export="vega-editor"]').click();
        const [message] = (await preview.waitFor('export', exports + 1)).slice(-1) as ExportMessage[];
        expect(message).toMatchObject({ type: 'export', indicator: 'verblijf', format: 'vega-editor' });
        const spec = JSON.parse(message.content) as { $schema: string; datasets?: object; data?: object };
        expect(spec.$schema).toMatch(/vega-lite/);
        expect(JSON.stringify(spec)).toContain('2025-Q2');
        expect(vegaEditorUrl(message.content)).toMatch(/^https:\/\/vega\.github\.io\/editor\/#\/url\/vega-lite\//);
        await preview.send(update(jeugd, false));
        await preview.waitFor('rendered', rendered + 2);
        expect(await preview.page.locator('#indicator-verblijf [data-export="vega-editor"]').count()).toBe(0);
    });

    test("a scroll message (an indicator's Preview lens) brings its card into view", async () => {
        await preview.page.evaluate(() => window.scrollTo(0, 0));
        // A card in the middle: the last one cannot reach the top of a tall window.
        await preview.send({ type: 'scroll', indicator: 'aandeel_pleegzorg' });
        await preview.page.waitForFunction(() => {
            // Where its overview chip puts it (subpixel rounding may leave it a fraction above 0).
            const top = document.getElementById('indicator-aandeel_pleegzorg')?.getBoundingClientRect().top;
            return top !== undefined && window.scrollY > 0 && top > -2 && top < window.innerHeight / 2;
        });
    });

    test('the charts take the colours of a dark VS Code theme when the theme changes', async () => {
        const line = preview.page.locator('#indicator-verblijf .actual_line_marks path');
        const light = await line.getAttribute('stroke');
        // VS Code sets the theme's variables on <html> and a class on <body>; the class change triggers the redraw.
        await preview.page.evaluate(() => {
            const s = document.documentElement.style;
            for (const [k, v] of Object.entries({ '--vscode-charts-blue': '#3794ff', '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1e1e1e', '--vscode-charts-green': '#89d185' })) s.setProperty(k, v);
            document.body.className = 'vscode-dark';
        });
        await preview.page.waitForFunction(() => document.querySelector('#indicator-verblijf .actual_line_marks path')?.getAttribute('stroke') === '#3794ff');
        expect(light).not.toBe('#3794ff');
        expect(await preview.page.locator('#indicator-verblijf .role-axis-label text').first().getAttribute('fill')).toBe('#cccccc');
        await preview.page.screenshot({ path: testOutput('preview-jeugd-dark.png') });
        await preview.page.evaluate(() => { document.documentElement.removeAttribute('style'); document.body.className = 'vscode-high-contrast'; });
        // High contrast: no shaded provisional band (it would lower the contrast of the line on top of it).
        await preview.page.waitForFunction(() => document.querySelector('#indicator-verblijf .actual_line_marks path')?.getAttribute('stroke') !== '#3794ff');
        expect(await preview.page.locator('#indicator-verblijf .provisional_bands_marks path').first().getAttribute('fill')).toBe('transparent');
        await preview.page.evaluate(() => { document.body.className = ''; });
    });

    test('a Dutch update shows Dutch status badges and change labels', async () => {
        const rendered = (await preview.posted()).filter(m => m.type === 'rendered').length;
        await preview.send({ ...update(jeugd, false), lang: 'nl' });
        await preview.waitFor('rendered', rendered + 1);
        expect(await preview.page.locator('#indicator-verblijf .badge').textContent()).toBe('op koers');
        expect(await preview.page.locator('#indicator-verblijf .headline').textContent()).toContain('t.o.v. basis 2022');
        expect(await preview.page.locator('#indicator-verblijf .toggle').textContent()).toBe('Tabel');
        expect(await preview.page.evaluate(() => document.documentElement.lang)).toBe('nl');
    });

    test('in Dutch the chart has its key in Dutch, and a % indicator changes in procentpunt', async () => {
        const card = preview.page.locator('#indicator-verblijf');
        const key = await card.locator('.key_labels_marks text').allTextContents();
        expect(key, key.join(' | ')).toEqual(expect.arrayContaining(['waarde (per 1.000 jongeren)', 'doelpad', 'op koers', 'marge ±5%', 'voorlopig', 'notities']));
        expect(key.join(' ')).not.toMatch(/target|value|note\b/);
        const share = await preview.page.locator('#indicator-aandeel_pleegzorg .headline .change').allTextContents();
        expect(share.length).toBeGreaterThan(0);
        for (const change of share) expect(change).toMatch(/^[+−]?\d+(,\d)? procentpunt t\.o\.v\. /);
        await card.screenshot({ path: testOutput('preview-jeugd-nl-verblijf.png') });
    });

    test('a chip in the overview strip scrolls its card into view below the sticky strip, title visible', async () => {
        const last = jeugd.program.indicators[jeugd.program.indicators.length - 1].name;
        for (const name of [last, jeugd.program.indicators[1].name]) {
            await preview.page.locator(`[data-key="overview-${name}"]`).click();
            await scrollSettled(preview);
            const { strip, title } = await preview.page.evaluate((id) => ({
                strip: document.querySelector('nav.overview')!.getBoundingClientRect().bottom,
                title: document.querySelector(`#indicator-${id} .title-link`)!.getBoundingClientRect().top,
            }), name);
            expect(title, name).toBeGreaterThanOrEqual(strip);
        }
        await preview.page.screenshot({ path: testOutput('preview-chip-jump.png') });
    });

    test('small multiples wrap to a narrow panel: no chart wider than its card', async () => {
        await preview.page.setViewportSize({ width: 520, height: 900 });
        await preview.page.locator('#indicator-verblijf select[data-key="breakdown"]').selectOption('wijk');
        await preview.page.waitForFunction(() => document.querySelector('#indicator-verblijf .chart svg')?.innerHTML.includes('row_header'));
        const { chart, card } = await preview.page.evaluate(() => ({
            chart: document.querySelector('#indicator-verblijf .chart svg')!.getBoundingClientRect().width,
            card: document.querySelector('#indicator-verblijf')!.getBoundingClientRect().width,
        }));
        expect(chart).toBeLessThanOrEqual(card);
        await preview.page.locator('#indicator-verblijf').screenshot({ path: testOutput('preview-narrow-breakdown.png') });
        await preview.page.locator('#indicator-verblijf select[data-key="breakdown"]').selectOption('');
        await preview.page.setViewportSize({ width: 1000, height: 900 });
    });

    test('an exported SVG carries the title, unit, periods and source line', async () => {
        // In Dutch, whatever the tests before it left (the heading is checked word for word).
        const rendered = (await preview.posted()).filter(m => m.type === 'rendered').length;
        await preview.send({ ...update(jeugd, false), lang: 'nl' });
        await preview.waitFor('rendered', rendered + 1);
        const exports = (await preview.posted()).filter(m => m.type === 'export').length;
        await preview.page.locator('#indicator-verblijf [data-export="svg"]').click();
        const [message] = (await preview.waitFor('export', exports + 1)).slice(-1) as ExportMessage[];
        const title = jeugd.program.indicators.find(i => i.name === 'verblijf')!.title!;
        fs.writeFileSync(testOutput('preview-export-verblijf.svg'), message.content);
        // The title may wrap over lines (tspans), never cut off with an ellipsis.
        expect(message.content.replace(/<\/tspan><tspan[^>]*>/g, ' ')).toContain(`>${title}<`);
        const heading = message.content.match(/role-title-text[\s\S]*?role-title-subtitle[\s\S]*?<\/g>/)?.[0] ?? '';
        expect(heading).toContain('Bron: ');
        expect(heading).not.toContain('…');
        expect(message.content).toMatch(/>per 1\.000 jongeren · 20\d\d-Q\d – 20\d\d-Q\d</);
        expect(message.content).toMatch(/>Bron: data\/[^<]*\.csv[^<]* · monitor [^<]+</);
    });

    test('while the file has errors the last result stays, under a banner with the first error', async () => {
        await preview.send({ type: 'update', uri: 'file:///x', lang: 'nl', program: null, problem: { message: "Onbekende kolom 'wijkk'.", line: 12, column: 5 }, files: [], unreadable: [] });
        await preview.page.waitForSelector('.banner:not([hidden])');
        expect(await preview.page.locator('.banner').textContent()).toContain("regel 12): Onbekende kolom 'wijkk'.");
        expect(await preview.page.locator('#indicator-verblijf .actual_points_marks path').count()).toBeGreaterThan(20);
    });

    // The attacks that only the solver's pass stops (HiGHS, loaded in the webview under its CSP): the
    // preview must hide what monitor run hides, so an indicator's rows are the same in both.
    const solved = ['03-periods-and-grains', '04-expressions-and-focus', '11-interval'].map(d => path.join(import.meta.dirname, 'fixtures/privacy-attacks', d, 'attack.monitor'));
    for (const file of [...exampleMonitors(), ...solved]) {
        const name = file.endsWith('attack.monitor') ? path.basename(path.dirname(file)) : path.basename(file);
        test(`the rows of ${name} in the preview equal those of monitor run`, async () => {
            const example = await exampleProgram(file);
            const rendered = (await preview.posted()).filter(m => m.type === 'rendered').length;
            await preview.send(update(example));
            await preview.waitFor('rendered', rendered + 1);
            const cli = await cliRunRows(file);
            for (const indicator of example.program.indicators) {
                const exports = (await preview.posted()).filter(m => m.type === 'export').length;
                await preview.page.locator(`#indicator-${indicator.name} [data-export="csv"]`).click();
                const [message] = (await preview.waitFor('export', exports + 1)).slice(-1) as ExportMessage[];
                const shown = parseCsv(message.content);
                const expected = cli.filter(r => r.indicator === indicator.name);
                expect(shown.length, indicator.name).toBe(expected.length);
                expect(shown, indicator.name).toEqual(expected.map(r => Object.fromEntries(Object.keys(shown[0] ?? {}).map(k => [k, field(r[k])]))));
            }
        });
    }
});
