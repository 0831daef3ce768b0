/** The HTML shell of the preview panel: the exact CSP, a fresh nonce per page, nothing from the workspace. */
import { describe, expect, test } from 'vitest';
import { messageHtml, newNonce, previewCsp, previewHtml } from '../packages/extension/src/preview/preview-html.js';

const assets = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://x/media/preview.js', styleUri: 'https://x/media/preview.css' };

describe('the preview page shell', () => {
    test('the CSP is exactly the panel policy, with wasm but without unsafe-eval', () => {
        expect(previewCsp('SRC', 'N')).toBe("default-src 'none'; script-src 'nonce-N' 'wasm-unsafe-eval'; worker-src blob:; "
            + "style-src SRC 'unsafe-inline'; img-src SRC data: blob:; connect-src SRC blob:; font-src SRC");
        expect(previewCsp('SRC', 'N')).not.toMatch(/'unsafe-eval'/);
    });

    test('every page gets a fresh random nonce of 16 bytes', () => {
        const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
        expect(nonces.size).toBe(50);
        for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
    });

    test('the one script tag carries the nonce of the CSP in the page', () => {
        const html = previewHtml(assets, 'abc+/=');
        expect(html.match(/<script\b/g)).toHaveLength(1);
        expect(html).toContain('<script nonce="abc+/=" src="https://x/media/preview.js">');
        expect(html).toContain(`content="${previewCsp(assets.cspSource, 'abc+/=').replace(/'/g, "'")}"`);
    });

    test('the page holds no inline script or style and no workspace content', () => {
        const html = previewHtml(assets);
        expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
        expect(html).not.toMatch(/<style|style="/);
        expect(html).not.toMatch(/file:|\.monitor|\.csv/);
    });

    test('the .wasm folder of an installed VSIX goes to the script tag as data-wasm, under the same CSP', () => {
        const html = previewHtml({ ...assets, wasmUri: 'https://x/globalStorage/wasm/0123/' }, 'N');
        expect(html).toContain('<script nonce="N" src="https://x/media/preview.js" data-wasm="https://x/globalStorage/wasm/0123/">');
        expect(html).toContain(`content="${previewCsp(assets.cspSource, 'N')}"`);
    });

    test('the page shown when the preview cannot start has the message, escaped, and no script', () => {
        const html = messageHtml(assets.cspSource, 'Monitor preview', 'Could not prepare duckdb-eh.wasm in /a/<b>: the disk is full');
        expect(html).toContain('<p>Could not prepare duckdb-eh.wasm in /a/&lt;b&gt;: the disk is full</p>');
        expect(html).not.toMatch(/<script/);
        expect(html).toContain("default-src 'none'");
    });
});
