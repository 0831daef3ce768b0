/**
 * The live preview's speed (part of `npm run bench`; alone: `node bench/run.mjs --only preview`): the
 * real preview bundle in headless Chromium under the panel's CSP, on a generated 1M-row episode
 * source. Measures, inside the page, the first load (data bytes posted → first chart drawn, DuckDB
 * start included) and edit → updated chart for target edits (no query changes) and for edits that
 * change a query, p50/p95. Target: target edit → chart ≤ 500 ms.
 */
import '@monitor/language/polyfill';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { chromium } from 'playwright-core';
import { createMonitorServices, lowerProgram } from '@monitor/language';
import { buildPreview } from '../packages/preview/build.mjs';
import { generateEpisodes } from './generate-episodes.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.csv': 'text/csv' };
/** The target: a target edit redraws within this many milliseconds (p95). */
export const PREVIEW_EDIT_TARGET_MS = 500;

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const stats = (xs) => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95), runs: xs.length, all: xs.map((x) => Math.round(x)) });

/** The page's HTML and CSP come from the panel host's own module (TypeScript, bundled here). */
export async function pageModule(scratch) {
    const out = path.join(scratch, 'preview-html.mjs');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'packages/extension/src/preview/preview-html.ts')], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
    return import(pathToFileURL(out).href);
}

/** The lowered program of a .monitor file (no imports), as the extension host posts it. */
export async function lower(file) {
    const { shared } = createMonitorServices(EmptyFileSystem);
    const uri = URI.file(file);
    const doc = shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(file, 'utf8'), uri);
    shared.workspace.LangiumDocuments.addDocument(doc);
    await shared.workspace.DocumentBuilder.build([doc], { validation: true });
    const errors = (doc.diagnostics ?? []).filter((d) => d.severity === 1);
    if (errors.length > 0) throw new Error(`${file}: ${errors[0].message}`);
    return lowerProgram({ uri: uri.toString(), model: doc.parseResult.value });
}

/** Serves the page (`/`, with its CSP), `media/` and `scratch/data/` on a free local port. */
export function serve(scratch, media, html, csp) {
    let origin = '';
    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', origin);
        if (url.pathname === '/') {
            const { page, policy } = { page: html(origin), policy: csp(origin) };
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy });
            res.end(page);
            return;
        }
        const dir = url.pathname.startsWith('/media/') ? media : url.pathname.startsWith('/data/') ? path.join(scratch, 'data') : null;
        const file = dir && path.join(dir, path.basename(url.pathname));
        if (!file || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        fs.createReadStream(file).pipe(res);
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
        origin = `http://127.0.0.1:${server.address().port}`;
        resolve({ origin, close: () => new Promise((r) => server.close(r)) });
    }));
}

/** Posts an update from inside the page and returns the milliseconds until the page posts 'rendered'. */
async function timedUpdate(page, message, fileUrls = []) {
    const t0 = await page.evaluate(async ({ message, fileUrls }) => {
        const files = [];
        for (const f of fileUrls) files.push({ source: f.source, bytes: new Uint8Array(await (await fetch(f.url)).arrayBuffer()) });
        window.__seen = window.__posted.length;
        const start = performance.now();
        window.postMessage({ ...message, files }, '*');
        return start;
    }, { message, fileUrls });
    await page.waitForFunction(() => window.__posted.slice(window.__seen).some((m) => m.type === 'rendered' || m.type === 'error'), null, { timeout: 600_000 });
    const done = await page.evaluate(() => window.__posted.slice(window.__seen).find((m) => m.type === 'rendered' || m.type === 'error'));
    if (done.type === 'error') throw new Error(`The preview reported: ${done.message}`);
    return done.at - t0;
}

/** Runs the preview benchmark on `rows` generated episodes; `edits` target edits, a few query edits. */
export async function previewBench({ rows = 1_000_000, edits = 10, queryEdits = 3, log = () => undefined } = {}) {
    if (!fs.existsSync(CHROMIUM)) return { error: `no Chromium at ${CHROMIUM} (apt-get install chromium)` };
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bench-preview-'));
    let browser;
    let server;
    try {
        log(`preview: generating ${rows.toLocaleString('en')} episodes`);
        const monitor = generateEpisodes(scratch, rows);
        const program = await lower(monitor);
        const media = path.join(scratch, 'media');
        await buildPreview({ out: media });
        const { previewHtml, previewCsp, newNonce } = await pageModule(scratch);
        const nonces = new Map();
        const nonceFor = (origin) => { if (!nonces.has(origin)) nonces.set(origin, newNonce()); return nonces.get(origin); };
        server = await serve(scratch, media,
            (origin) => previewHtml({ cspSource: origin, scriptUri: `${origin}/media/preview.js`, styleUri: `${origin}/media/preview.css` }, nonceFor(origin)),
            (origin) => previewCsp(origin, nonceFor(origin)));
        const userData = path.join(scratch, 'chromium');
        browser = await chromium.launchPersistentContext(userData, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1000, height: 900 } });
        const page = browser.pages()[0] ?? await browser.newPage();
        const violations = [];
        page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
        await page.addInitScript(() => {
            window.__posted = [];
            window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push({ ...m, at: performance.now() }), getState: () => undefined, setState: () => undefined });
        });
        await page.goto(`${server.origin}/`);
        await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
        const base = { type: 'update', uri: pathToFileURL(monitor).href, lang: 'en', problem: null, unreadable: [] };
        const fileUrls = program.sources.map((s) => ({ source: s.name, url: `${server.origin}/data/${path.basename(s.path)}` }));
        const bytes = program.sources.reduce((n, s) => n + fs.statSync(path.join(scratch, 'data', path.basename(s.path))).size, 0);
        log('preview: first load');
        const firstLoadMs = await timedUpdate(page, { ...base, program }, fileUrls);
        const targetEdit = [];
        for (let i = 1; i <= edits; i++) {
            const edited = structuredClone(program);
            edited.indicators.find((x) => x.name === 'verblijf').target.points[0].value = -15 - i;
            targetEdit.push(await timedUpdate(page, { ...base, program: edited }));
        }
        log('preview: edits that change a query');
        const queryEdit = [];
        for (let i = 1; i <= queryEdits; i++) {
            // Breakdown of verblijf off and on again: that indicator's SQL changes.
            const edited = structuredClone(program);
            if (i % 2 === 1) edited.indicators.find((x) => x.name === 'verblijf').by = [];
            queryEdit.push(await timedUpdate(page, { ...base, program: edited }));
        }
        const points = await page.locator('#indicator-verblijf .actual_points_marks path').count();
        return {
            rows, dataBytes: bytes, indicators: program.indicators.length, firstLoadMs, targetEditMs: stats(targetEdit), queryEditMs: stats(queryEdit),
            targetMs: PREVIEW_EDIT_TARGET_MS, met: pct(targetEdit, 0.95) <= PREVIEW_EDIT_TARGET_MS, chartPoints: points, cspViolations: violations.length,
        };
    } catch (error) {
        return { error: String(error instanceof Error ? error.message : error).split('\n')[0] };
    } finally {
        await browser?.close().catch(() => undefined);
        await server?.close();
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}
