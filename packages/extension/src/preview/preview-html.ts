/**
 * The preview page: a fixed HTML shell with a strict CSP and a fresh nonce. Nothing from the workspace
 * goes into it; the data and the program arrive later by `postMessage`. No `vscode` import, so tests can
 * serve the very same page in headless Chromium.
 */

/** Where the page's files live, as the webview sees them (`webview.asWebviewUri`), and the CSP source. */
export interface PreviewPageAssets {
    cspSource: string;
    scriptUri: string;
    styleUri: string;
    /**
     * The folder (ending in `/`) of `duckdb-eh.wasm` and `highs.wasm` when not beside the script: an
     * installed VSIX unpacks them into the extension's global storage (packages/engine/src/wasm-store.ts).
     */
    wasmUri?: string;
}

/** The Content-Security-Policy of the preview: no 'unsafe-eval'; wasm only through 'wasm-unsafe-eval'. */
export function previewCsp(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`,
        'worker-src blob:',
        `style-src ${cspSource} 'unsafe-inline'`,
        `img-src ${cspSource} data: blob:`,
        `connect-src ${cspSource} blob:`,
        `font-src ${cspSource}`,
    ].join('; ');
}

/** A fresh random nonce (base64 of 16 random bytes) for one page load. */
export function newNonce(): string {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    return btoa(String.fromCharCode(...bytes));
}

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML of the preview page. */
export function previewHtml(assets: PreviewPageAssets, nonce: string = newNonce()): string {
    const csp = previewCsp(assets.cspSource, nonce);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttr(assets.styleUri)}">
<title>Monitor preview</title>
</head>
<body>
<div id="app"></div>
<script nonce="${escapeAttr(nonce)}" src="${escapeAttr(assets.scriptUri)}"${assets.wasmUri ? ` data-wasm="${escapeAttr(assets.wasmUri)}"` : ''}></script>
</body>
</html>
`;
}

/**
 * A page with one message and no script, shown instead of the preview when it cannot start (its
 * WebAssembly files could not be unpacked): the user reads why, never a blank panel.
 */
export function messageHtml(cspSource: string, title: string, text: string): string {
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${escapeAttr(cspSource)}">
<title>${escape(title)}</title>
</head>
<body>
<h2>${escape(title)}</h2>
<p>${escape(text)}</p>
</body>
</html>
`;
}
