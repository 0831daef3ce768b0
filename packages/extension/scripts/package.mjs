// `npm run package`: builds the extension (build.mjs) into a staging copy of packages/extension and
// packs it with vsce, offline and without node_modules (everything is bundled), into
// dist/monitor-<version>.vsix at the repository root. Staging keeps concurrent runs (tests, a
// developer) from building over each other. One VSIX for every platform: DuckDB runs as WebAssembly.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension } from './build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXT = path.resolve(here, '..');
const ROOT = path.resolve(EXT, '../..');
// vsce is a root devDependency on purpose: in the extension's own dependencies it would be packed.
const VSCE = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
/** What the VSIX is made of besides the build output (.vscodeignore still applies). */
const STATIC = ['package.json', 'package.nls.json', 'package.nls.nl.json', 'README.md', 'CHANGELOG.md', '.vscodeignore',
    'language-configuration.json', 'syntaxes', 'snippets', 'walkthrough', 'images', 'l10n'];

/**
 * vsce makes the README's relative links absolute against the repository's root, but the README is in
 * `repository.directory` (packages/extension): its screenshots are `images/screenshots/*.png` there.
 */
function baseUrls(repository) {
    const project = /github\.com[/:]([^/]+\/[^/]+?)(\.git)?$/.exec(repository.url)?.[1];
    if (!project) throw new Error(`package.json: repository.url is not a GitHub repository: ${repository.url}`);
    const dir = repository.directory ? `/${repository.directory}` : '';
    return ['--baseContentUrl', `https://github.com/${project}/blob/HEAD${dir}`, '--baseImagesUrl', `https://github.com/${project}/raw/HEAD${dir}`];
}

/**
 * Builds and packs the extension; returns the VSIX path and its size in bytes. `preRelease` marks
 * it as a pre-release (an odd minor version by the scheme in packages/extension/CHANGELOG.md).
 */
export async function packageExtension({ outDir = path.join(ROOT, 'dist'), preRelease = false } = {}) {
    const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-vsix-'));
    try {
        for (const entry of STATIC) fs.cpSync(path.join(EXT, entry), path.join(stage, entry), { recursive: true });
        // The one licence text of the repository (EUPL-1.2); vsce ships it as LICENSE.txt.
        fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(stage, 'LICENSE'));
        await buildExtension({ out: path.join(stage, 'dist'), media: path.join(stage, 'media') });
        const { version, repository } = JSON.parse(fs.readFileSync(path.join(EXT, 'package.json'), 'utf8'));
        fs.mkdirSync(outDir, { recursive: true });
        const vsix = path.join(outDir, `monitor-${version}.vsix`);
        execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', ...(preRelease ? ['--pre-release'] : []), ...baseUrls(repository), '--out', vsix], {
            cwd: stage, stdio: ['ignore', 'pipe', 'inherit'],
        });
        return { vsix, bytes: fs.statSync(vsix).size };
    } finally {
        fs.rmSync(stage, { recursive: true, force: true });
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const { vsix, bytes } = await packageExtension({ preRelease: process.argv.includes('--pre-release') });
    console.log(`${path.relative(process.cwd(), vsix)}  ${(bytes / 1024 / 1024).toFixed(1)} MB`);
}
