/**
 * The installable CLI package (packages/cli/publish, built by packages/cli/scripts/bundle.mjs):
 * `npm pack` once, install the tarball offline into a fresh "monitors repository" outside this
 * repository (git init, the starter monitor with data), then every CI command of docs/ci.md there
 * with its documented exit code. The optional native DuckDB is first really absent (the offline
 * install skips it), then copied in from this repository's node_modules: the same rows either way.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, startLspClient } from './lsp-client.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const PUBLISH = path.join(ROOT, 'packages/cli/publish');
const MB = 1024 * 1024;

let work: string;      // holds the tarball and the repository
let repo: string;      // the monitors repository, outside this one
let tarball: string;

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
    return spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, MONITOR_LANG: 'en', ...env } });
}

/** `npx monitor …` in the monitors repository, offline as in a locked-down CI runner. */
function npxMonitor(args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
    return sh('npx', ['--offline', '--no', 'monitor', ...args], repo, { npm_config_update_notifier: 'false', CI: 'true', ...env });
}

function ok(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
    if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr}\n${r.stdout}`);
    return r;
}

beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-package-'));
    expect(path.relative(ROOT, work).startsWith('..')).toBe(true);
    const { bundleCli } = await import(pathToFileURL(path.join(ROOT, 'packages/cli/scripts/bundle.mjs')).href);
    await bundleCli();
    const packed = ok(sh('npm', ['pack', '--json', '--pack-destination', work], PUBLISH), 'npm pack');
    tarball = path.join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
    repo = path.join(work, 'monitors');
    fs.mkdirSync(repo);
    fs.writeFileSync(path.join(repo, 'package.json'), '{ "private": true }\n');
    ok(sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], repo), 'npm install of the tarball');
    fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n*.html\n*.sarif\n');
    ok(npxMonitor(['init', 'jeugd']), 'monitor init');
    for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'start']]) ok(sh('git', args, repo), `git ${args[0]}`);
}, 600_000);

afterAll(() => { if (work) fs.rmSync(work, { recursive: true, force: true }); });

describe('the packed CLI', () => {
    test('is one tarball of at most 15 MB with no required dependency', () => {
        expect(fs.statSync(tarball).size).toBeLessThanOrEqual(15 * MB);
        const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'node_modules/monitor-as-code/package.json'), 'utf8'));
        expect(pkg.bin).toEqual({ monitor: 'bin/monitor.js' });
        expect(pkg.dependencies ?? {}).toEqual({});
        expect(Object.keys(pkg.optionalDependencies)).toEqual(['@duckdb/node-api', '@resvg/resvg-js']);
        // Nothing of the workspace came along: the package is the one folder installed.
        expect(fs.readdirSync(path.join(repo, 'node_modules')).filter(n => !n.startsWith('.'))).toEqual(['monitor-as-code']);
        const dist = fs.readdirSync(path.join(repo, 'node_modules/monitor-as-code/dist'));
        expect(dist).toEqual(expect.arrayContaining(['monitor.js', 'analysis-worker.js', 'duckdb-eh.wasm', 'highs.wasm']));
    });

    test('--version and --help load a few kilobytes, no Langium and no DuckDB; commands come from the code cache', () => {
        const hooks = path.join(work, 'hooks.mjs');
        fs.writeFileSync(hooks, `import fs from 'node:fs';
export async function load(url, context, next) { if (url.startsWith('file:')) fs.writeSync(2, 'LOADED ' + url + '\\n'); return next(url, context); }`);
        const register = path.join(work, 'register.mjs');
        fs.writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`);
        // Every WebAssembly module the process compiles, by size: DuckDB-WASM is one of over 10 MB.
        const wasm = path.join(work, 'wasm.cjs');
        fs.writeFileSync(wasm, `const fs = require('node:fs');
const size = (b) => b.byteLength ?? b.buffer?.byteLength ?? 0;
const { instantiate, compile } = WebAssembly;
WebAssembly.instantiate = function (b, ...rest) { if (!(b instanceof WebAssembly.Module)) fs.writeSync(2, 'WASM ' + size(b) + '\\n'); return instantiate.call(this, b, ...rest); };
WebAssembly.compile = function (b, ...rest) { fs.writeSync(2, 'WASM ' + size(b) + '\\n'); return compile.call(this, b, ...rest); };`);
        const cacheHome = path.join(work, 'cache-home');
        const bin = path.join(repo, 'node_modules/monitor-as-code/bin/monitor.js');
        const cached = () => (fs.existsSync(path.join(cacheHome, 'monitor-as-code')) ? fs.readdirSync(path.join(cacheHome, 'monitor-as-code')) : []);
        const loaded = (args: string[]) => {
            const r = ok(sh(process.execPath, ['--import', pathToFileURL(register).href, '--require', wasm, bin, ...args], repo, { XDG_CACHE_HOME: cacheHome }), `monitor ${args.join(' ')}`);
            const files = r.stderr.split('\n').filter(l => l.startsWith('LOADED ')).map(l => new URL(l.slice(7)).pathname).filter(f => f.includes('/dist/'));
            const wasmBytes = r.stderr.split('\n').filter(l => l.startsWith('WASM ')).map(l => Number(l.slice(5)));
            return { r, files, bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0), duckdb: wasmBytes.some(n => n > 10 * MB) };
        };
        const version = loaded(['--version']);
        expect(version.r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(PUBLISH, 'package.json'), 'utf8')).version);
        expect(version.files.length).toBeGreaterThan(0);
        expect(version.bytes).toBeLessThan(64 * 1024);
        expect(loaded(['--help']).bytes).toBeLessThan(64 * 1024);
        expect(cached()).toEqual([]);
        // fmt parses (Langium, from monitor.cjs, whose compiled code it leaves in the cache) but computes nothing; run computes.
        const fmt = loaded(['fmt', '--check', 'jeugd']);
        expect(fmt.duckdb).toBe(false);
        expect(cached()).toEqual([expect.stringMatching(/^monitor\.cjs-[0-9a-f]+-[0-9a-f]+\.v8cache$/)]);
        const cache = path.join(cacheHome, 'monitor-as-code', cached()[0]);
        const written = fs.statSync(cache).mtimeMs;
        expect(loaded(['run', 'jeugd/starter.monitor']).duckdb).toBe(true);
        // The cache was taken, not written again; a damaged cache is rejected by V8 and replaced.
        expect(fs.statSync(cache).mtimeMs).toBe(written);
        fs.writeFileSync(cache, 'not compiled code');
        expect(loaded(['fmt', '--check', 'jeugd']).r.status).toBe(0);
        expect(fs.statSync(cache).size).toBeGreaterThan(1024 * 1024);
    }, 300_000);
});

describe('the documented CI commands in a monitors repository', () => {
    test('check: 0 when clean, 1 with an annotation and a SARIF result when a monitor has an error', () => {
        expect(ok(npxMonitor(['check', '--format', 'github', '.']), 'check').stdout).toBe('');
        const sarif = JSON.parse(ok(npxMonitor(['check', '--format', 'sarif', '.']), 'check sarif').stdout);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].results).toEqual([]);
        fs.writeFileSync(path.join(repo, 'jeugd/broken.monitor'), 'import "starter.monitor"\n\nindicator kapot {\n    title "Kapot"\n    value count from nergens\n}\n');
        try {
            const github = npxMonitor(['check', '--format', 'github', '--no-data', '.']);
            expect(github.status).toBe(1);
            expect(github.stdout).toMatch(/^::error file=jeugd\/broken\.monitor,line=5,/m);
            const failing = npxMonitor(['check', '--format', 'sarif', '--no-data', '.']);
            expect(failing.status).toBe(1);
            const results = JSON.parse(failing.stdout).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
            expect(results.map(r => r.locations[0].physicalLocation.artifactLocation.uri)).toContain('jeugd/broken.monitor');
        } finally {
            fs.rmSync(path.join(repo, 'jeugd/broken.monitor'));
        }
    }, 300_000);

    test('fmt --check: 0 when formatted, 1 and the file named when not', () => {
        ok(npxMonitor(['fmt', '--check', '.']), 'fmt --check');
        const file = path.join(repo, 'jeugd/starter.monitor');
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, text.replace('    grain quarter', 'grain    quarter'));
        const r = npxMonitor(['fmt', '--check', '.']);
        fs.writeFileSync(file, text);
        expect(r.status).toBe(1);
        expect(r.stdout + r.stderr).toContain('starter.monitor');
    });

    test('diff --git: 0, and the changed indicator in Markdown', () => {
        const file = path.join(repo, 'jeugd/starter.monitor');
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, text.replace('title "Jeugdigen met jeugdhulp per 1.000 jongeren"', 'title "Jongeren met jeugdhulp per 1.000"'));
        const r = npxMonitor(['diff', '--git', 'HEAD']);
        fs.writeFileSync(file, text);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain('**jeugdhulp**');
        expect(npxMonitor(['diff', '--git', 'no-such-revision']).status).toBe(2);
    });

    test('report: 0 and one self-contained HTML file with charts', () => {
        ok(npxMonitor(['report', '.', '--out', 'monitor-report.html']), 'report');
        const html = fs.readFileSync(path.join(repo, 'monitor-report.html'), 'utf8');
        expect(html).toContain('<svg');
        expect(html).not.toContain('<script');
    }, 300_000);

    test('run: WASM where native DuckDB is absent, native once it is installed, the same rows', () => {
        const args = ['run', 'jeugd/starter.monitor', '--format', 'csv', '--debug'];
        const absent = ok(npxMonitor(args), 'run without native DuckDB');
        expect(absent.stderr).toContain('monitor: engine wasm (auto;');
        expect(absent.stdout.split('\n').length).toBeGreaterThan(20);
        // The optional dependency, copied from this repository's install (the registry is out of reach).
        const from = path.join(ROOT, 'node_modules');
        const bindings = fs.readdirSync(path.join(from, '@duckdb')).filter(n => n.startsWith('node-'));
        for (const name of [...bindings.map(n => `@duckdb/${n}`), 'detect-libc']) {
            fs.cpSync(fs.realpathSync(path.join(from, name)), path.join(repo, 'node_modules', name), { recursive: true });
        }
        const native = ok(npxMonitor(args), 'run with native DuckDB');
        expect(native.stderr).toContain('monitor: engine native (auto)');
        expect(native.stdout).toBe(absent.stdout);
        const switchedOff = ok(npxMonitor(args, { MONITOR_NATIVE_DUCKDB: 'off' }), 'run with MONITOR_NATIVE_DUCKDB=off');
        expect(switchedOff.stderr).toContain('monitor: engine wasm (auto;');
        expect(switchedOff.stdout).toBe(absent.stdout);
    }, 300_000);

    test('lsp: the bundled language server answers and its worker computes the hover value', async () => {
        const client = await startLspClient({ root: repo, command: [process.execPath, path.join(repo, 'node_modules/monitor-as-code/bin/monitor.js'), 'lsp'] });
        try {
            const file = path.join(repo, 'jeugd/starter.monitor');
            const text = fs.readFileSync(file, 'utf8');
            const uri = client.open(file, text);
            const before = text.slice(0, text.indexOf('indicator jeugdhulp') + 12);
            const position = { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
            const hover = async () => ((await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position }))?.contents.value ?? '');
            expect(await eventually(hover, /latest: \d/)).toContain('Jeugdigen met jeugdhulp');
        } finally {
            await client.stop();
        }
    });
});

/** The `run: |` blocks of action.yml, in order, each dedented (the `gh pr comment` lines cut off: no GitHub here). */
function actionRunBlocks(text: string): string[] {
    const lines = text.split('\n');
    const blocks: string[] = [];
    lines.forEach((line, i) => {
        const m = /^(\s*)run: \|\s*$/.exec(line);
        if (!m) return;
        const body: string[] = [];
        for (let j = i + 1; j < lines.length && (lines[j].trim() === '' || lines[j].search(/\S/) > m[1].length); j++) body.push(lines[j]);
        const indent = Math.min(...body.filter(l => l.trim()).map(l => l.search(/\S/)));
        const cut = body.findIndex(l => l.includes('gh pr comment'));
        blocks.push(body.slice(0, cut < 0 ? undefined : cut).map(l => l.slice(indent)).join('\n'));
    });
    return blocks;
}

/** The items of `key:` in job `job` of a GitLab file (`- cmd` lines and `- |` blocks), as shell lines. */
function gitlabItems(text: string, job: string, key: string): string[] {
    const lines = text.split('\n');
    const start = lines.indexOf(`${job}:`);
    const at = lines.findIndex((l, i) => i > start && l === `  ${key}:`);
    const items: string[] = [];
    for (let i = at + 1; i < lines.length && lines[i].startsWith('    '); i++) {
        if (lines[i].startsWith('    - |')) {
            const body: string[] = [];
            while (i + 1 < lines.length && lines[i + 1].startsWith('      ')) body.push(lines[++i].slice(6));
            items.push(body.join('\n'));
        } else if (lines[i].startsWith('    - ')) items.push(lines[i].slice(6));
    }
    return items;
}

describe('the CI integration files, run as written in the monitors repository', () => {
    test('action.yml: every run step exits 0 on a clean repository; check and fmt report 0', () => {
        const runner = fs.mkdtempSync(path.join(work, 'runner-'));
        const output = path.join(runner, 'output');
        const ghPath = path.join(runner, 'path');
        fs.writeFileSync(output, '');
        fs.writeFileSync(ghPath, '');
        const blocks = actionRunBlocks(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
        expect(blocks.length).toBe(6);
        for (const block of blocks) {
            const outputs = Object.fromEntries(fs.readFileSync(output, 'utf8').split('\n').filter(Boolean).map(l => l.split('=')));
            const extra = fs.readFileSync(ghPath, 'utf8').split('\n').filter(Boolean);
            const r = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', block], repo, {
                PACKAGE: tarball, PATHS: '.', DATA: 'false', STRICT: 'false', BASE: 'HEAD', PR: '1',
                RUNNER_TEMP: runner, GITHUB_OUTPUT: output, GITHUB_PATH: ghPath, npm_config_offline: 'true',
                CHECK: outputs['exit-code'] ?? '', FMT: '0',
                PATH: [...extra, process.env.PATH].join(path.delimiter),
            });
            expect(r.status, `${block}\n${r.stderr}`).toBe(0);
        }
        expect(fs.readFileSync(output, 'utf8')).toBe('exit-code=0\nexit-code=0\n');
        expect(JSON.parse(fs.readFileSync(path.join(runner, 'monitor.sarif'), 'utf8')).version).toBe('2.1.0');
        expect(fs.existsSync(path.join(runner, 'monitor-diff.md'))).toBe(true);
    }, 300_000);

    test('ci/gitlab-monitor.yml: monitor-check exits 0 on a clean merge request and writes its artifacts', () => {
        const text = fs.readFileSync(path.join(ROOT, 'ci/gitlab-monitor.yml'), 'utf8');
        const branch = ok(sh('git', ['branch', '--show-current'], repo), 'git branch').stdout.trim();
        sh('git', ['remote', 'add', 'origin', repo], repo);
        const script = ['set -eo pipefail', ...gitlabItems(text, '.monitor-install', 'before_script'), ...gitlabItems(text, 'monitor-check', 'script')].join('\n');
        expect(script).toContain('monitor fmt --check');
        const env = { MONITOR_PACKAGE: tarball, MONITOR_PATHS: '.', MONITOR_DATA: 'false', MONITOR_CHECK_ARGS: '--strict', CI_PROJECT_DIR: repo, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: branch, npm_config_offline: 'true' };
        const r = sh('bash', ['-c', script], repo, env);
        expect(r.status, r.stderr).toBe(0);
        const after = sh('bash', ['-c', ['set -e', ...gitlabItems(text, 'monitor-check', 'after_script')].join('\n')], repo, env);
        expect(after.status, after.stderr).toBe(0);
        expect(JSON.parse(fs.readFileSync(path.join(repo, 'monitor.sarif'), 'utf8')).runs[0].results).toEqual([]);
        expect(fs.existsSync(path.join(repo, 'monitor-diff.md'))).toBe(true);
    }, 300_000);
});
