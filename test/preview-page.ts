/**
 * Serves the preview bundle under the exact CSP of the panel host and drives it in headless Chromium
 * (playwright-core + Debian chromium) with the host's real messages.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { HostMessage, WebviewMessage } from '@monitor/protocol';
import { newNonce, previewCsp, previewHtml } from '../packages/extension/src/preview/preview-html.js';
// @ts-expect-error the build script is plain JavaScript
import { buildPreview } from '../packages/preview/build.mjs';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

/** A running server, browser and page with the preview loaded. */
export interface PreviewPage {
    page: Page;
    origin: string;
    /** CSP violations seen (securitypolicyviolation events and console reports). */
    violations: string[];
    /** Messages the page posted to the "host". */
    posted(): Promise<WebviewMessage[]>;
    /** Posts a host message into the page (file bytes go as base64 and become Uint8Array inside). */
    send(message: HostMessage): Promise<void>;
    /** Waits until the page has posted `count` messages of `type` in total. */
    waitFor(type: WebviewMessage['type'], count?: number): Promise<WebviewMessage[]>;
    close(): Promise<void>;
}

/** Builds the bundle into a temporary folder, serves it and opens it in Chromium. */
export async function openPreviewPage(): Promise<PreviewPage> {
    const media = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-media-'));
    await buildPreview({ out: media });
    let origin = '';
    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', origin);
        if (url.pathname === '/') {
            const nonce = newNonce();
            // The .wasm files from another folder than the script, as in an installed VSIX (unpacked
            // into the extension's storage): the page must take them from where `data-wasm` says.
            const html = previewHtml({ cspSource: origin, scriptUri: `${origin}/media/preview.js`, styleUri: `${origin}/media/preview.css`, wasmUri: `${origin}/unpacked/` }, nonce);
            // The same policy twice, as header and meta (the webview has only the meta).
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': previewCsp(origin, nonce) });
            res.end(html);
            return;
        }
        const file = path.join(media, path.basename(url.pathname));
        const wasm = file.endsWith('.wasm');
        if (!url.pathname.startsWith(wasm ? '/unpacked/' : '/media/') || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-chromium-'));
    // A fresh profile per run (PLATFORM.md).
    const browser: BrowserContext = await chromium.launchPersistentContext(userData, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1000, height: 900 } });
    const page = browser.pages()[0] ?? await browser.newPage();
    // Playwright's own 30 s for a click or a wait is a deadline a busy machine can miss: wait as long as
    // the test may (its 300 s hang guard, vitest.config.ts), for the element or the function.
    browser.setDefaultTimeout(240_000);
    const violations: string[] = [];
    page.on('console', m => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`); });
    page.on('pageerror', e => { if (/Content Security Policy|unsafe-eval/i.test(String(e))) violations.push(`pageerror: ${e}`); });
    await page.exposeFunction('__cspViolation', (text: string) => { violations.push(text); });
    await page.addInitScript(() => {
        const w = window as unknown as { __posted: unknown[]; __state: unknown; __cspViolation(t: string): void; acquireVsCodeApi(): unknown };
        w.__posted = [];
        document.addEventListener('securitypolicyviolation', e => w.__cspViolation(`${e.violatedDirective}: ${e.blockedURI}`));
        w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), getState: () => w.__state, setState: (s: unknown) => { w.__state = s; } });
    });
    await page.goto(`${origin}/`);
    const posted = () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted);
    return {
        page, origin, violations, posted,
        async send(message) {
            const wire = message.type === 'update'
                ? { ...message, files: message.files.map(f => ({ source: f.source, base64: Buffer.from(f.bytes).toString('base64') })) }
                : message;
            await page.evaluate((m: Record<string, unknown>) => {
                const files = (m.files as { source: string; base64: string }[] | undefined)?.map(f => ({
                    source: f.source, bytes: Uint8Array.from(atob(f.base64), c => c.charCodeAt(0)),
                }));
                window.postMessage(files ? { ...m, files } : m, '*');
            }, wire as unknown as Record<string, unknown>);
        },
        async waitFor(type, count = 1) {
            await page.waitForFunction(([t, n]) => {
                const all = (window as unknown as { __posted: { type: string }[] }).__posted;
                if (all.some(m => m.type === 'error')) return true;
                return all.filter(m => m.type === t).length >= (n as number);
            }, [type, count] as const, { timeout: 240_000 });
            const all = await posted();
            const error = all.find(m => m.type === 'error');
            if (error) throw new Error(`The preview reported an error: ${JSON.stringify(error)}`);
            return all.filter(m => m.type === type);
        },
        async close() {
            await browser.close();
            await new Promise(resolve => server.close(resolve));
            fs.rmSync(media, { recursive: true, force: true });
            fs.rmSync(userData, { recursive: true, force: true });
        },
    };
}
