/**
 * The VSIX as a marketplace (VS Code Marketplace, Open VSX) receives it: `npm run package` once,
 * then its file list (no sources, maps, node_modules or tests), its size, the licence, changelog
 * and repository in the manifest, and the pre-release flag.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { packageExtension } from '../packages/extension/scripts/package.mjs';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-vsix-test-'));
let vsix: string;
let bytes: number;
let files: string[];

beforeAll(async () => {
    ({ vsix, bytes } = await packageExtension({ outDir: scratch }));
    files = execFileSync('zipinfo', ['-1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
}, 600_000);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** What may be in the VSIX: the manifest, the bundles, the webview media and the contributions. */
const ALLOWED = [
    /^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/,
    /^extension\/(package\.json|package\.nls(\.nl)?\.json|readme\.md|changelog\.md|LICENSE\.txt|language-configuration\.json)$/,
    /^extension\/dist\/(extension\.cjs|server\.cjs|analysis-worker\.js)$/,
    /^extension\/media\/[\w.-]+\.(js|css|wasm)$/,
    /^extension\/(syntaxes|snippets|walkthrough|images|l10n)\/[\w./-]+\.(json|code-snippets|md|svg|png)$/,
];

test('holds no stray file and stays within 10 MB', () => {
    expect(files.filter(f => !ALLOWED.some(re => re.test(f)))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['extension/LICENSE.txt', 'extension/changelog.md', 'extension/readme.md', 'extension/dist/server.cjs', 'extension/media/highs.wasm']));
    console.log(`VSIX: ${(bytes / 1048576).toFixed(1)} MB, ${files.length} files`);
    // The budget of issue 17. DuckDB-WASM is most of it; HiGHS (disclosure control's solver, one copy in
    // media/) adds about 1.2 MB, paid for by a server.cjs without a second DuckDB (the worker computes)
    // and a preview with only the part of Vega the charts use.
    expect(bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
});

test('the manifest carries the licence, the repository and the marketplace metadata', () => {
    const manifest = execFileSync('unzip', ['-p', vsix, 'extension.vsixmanifest'], { encoding: 'utf8' });
    expect(manifest).toContain('Path="extension/LICENSE.txt"');
    expect(manifest).toContain('Path="extension/changelog.md"');
    expect(manifest).toMatch(/Links\.Source" Value="https:\/\/github\.com\/monitor-as-code\/monitor-as-code\.git"/);
    expect(manifest).not.toContain('Microsoft.VisualStudio.Code.PreRelease" Value="true"');
    const pkg = JSON.parse(execFileSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' }));
    expect(pkg.license).toBe('EUPL-1.2');
    expect(pkg.publisher).toBeTruthy();
    expect(pkg.repository.url).toContain('github.com');
    expect(fs.readFileSync(path.join(import.meta.dirname, '../LICENSE'), 'utf8')).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
});

test('the readme shows the screenshots of the end-to-end test from the repository, each small', () => {
    const readme = execFileSync('unzip', ['-p', vsix, 'extension/readme.md'], { encoding: 'utf8' });
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(m => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(4);
    const base = 'https://github.com/monitor-as-code/monitor-as-code/raw/HEAD/packages/extension/';
    for (const url of images) {
        expect(url.startsWith(base), url).toBe(true);
        const file = path.join(import.meta.dirname, '../packages/extension', url.slice(base.length));
        expect(fs.existsSync(file), file).toBe(true);
        expect(fs.statSync(file).size, file).toBeLessThanOrEqual(150 * 1024);
    }
    // Not in the VSIX itself: the Marketplace loads them from the repository.
    expect(files.filter(f => f.includes('screenshots/'))).toEqual([]);
});
