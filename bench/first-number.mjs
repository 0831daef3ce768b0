/**
 * Time to the first number (issue #18): what a user waits for, as whole processes, each beside its
 * reference from the same run. Rounds are interleaved (every case once per round, the order rotated),
 * so a busy spell of the machine hits all cases alike; the figures are medians. Besides wall time, the
 * CPU time the process used (user + system, all threads; `/usr/bin/time`, /proc for the server) says
 * what the work costs whatever else runs on the machine.
 *
 * The CLI is the installed bundle (packages/cli/publish, `npm run pack:cli`); the language server is
 * the one bundled in the extension (packages/extension/dist, `npm run bundle:extension`), on native
 * DuckDB (a development checkout, a platform VSIX) and on DuckDB-WASM (the universal VSIX,
 * `MONITOR_NATIVE_DUCKDB=off`); the preview is its real bundle in headless Chromium, fresh profile each time.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateEpisodes } from './generate-episodes.mjs';
import { ARGS, CHROMIUM, lower, pageModule, serve } from './preview.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const MONITOR = path.join(ROOT, 'packages/cli/publish/bin/monitor.js');
const SERVER = path.join(ROOT, 'packages/extension/dist/server.cjs');
const TIME = '/usr/bin/time';

/** The goals of issue #18: seconds, or (runLarge) the ratio to the hand-written script. */
export const FIRST_NUMBER_GOALS = { version: 0.2, check: 0.3, runJeugd: 1.0, runLargeRatio: 1.3, lspHover: 2, previewChart: 3 };

/** Twenty lines: the file of `monitor check --no-data`. */
const SMALL = `// A small monitor of twenty lines, for \`monitor check --no-data\` in bench/first-number.mjs.
monitor klein {
    title "Meldingen per wijk"
    grain year
    range 2020 .. 2024
    privacy { minimum 10  round 5 }
}

source meldingen from "data/meldingen.csv" {
    events on datum
    columns { datum date  wijk text  soort text }
}

dimension wijk { title "Wijk"  meldingen.wijk }

indicator aantal {
    title "Aantal meldingen"
    value count from meldingen
    by wijk
}
`;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

/** Runs `node ARGS` to the end; its wall time and (with /usr/bin/time) CPU time in ms. Fails on a non-zero exit. */
function processTime(scratch, args, env = {}) {
    const timeFile = path.join(scratch, 'time.txt');
    const withTime = fs.existsSync(TIME);
    const [cmd, argv] = withTime ? [TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
    const t = performance.now();
    const run = spawnSync(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    const wallMs = performance.now() - t;
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${(run.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`);
    const cpu = withTime ? fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : null;
    return { wallMs, cpuMs: cpu ? (cpu[0] + cpu[1]) * 1000 : null };
}

/** CPU time (user + system, all threads) a process has used so far, in ms. */
function cpuOf(pid) {
    try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
    } catch { return null; }
}

/** 0-based position of `needle` plus `shift` characters. */
function positionOf(text, needle, shift = 0) {
    const at = text.indexOf(needle) + shift;
    const before = text.slice(0, at);
    return { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
}

/**
 * Starts the extension's bundled server (with the extension's flags) on `dir`, opens `jeugd.monitor`
 * and asks for the hover of `verblijf` until it holds a computed value: spawn → that hover.
 */
async function lspFirstHover(dir, env = {}) {
    const file = path.join(dir, 'jeugd.monitor');
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).toString();
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--max-semi-space-size=32', SERVER, '--stdio'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => { stderr += String(c); });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    let diagnosticsMs = null;
    connection.onNotification('textDocument/publishDiagnostics', (p) => { if (p.uri === uri && diagnosticsMs === null) diagnosticsMs = performance.now() - t0; });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();
    try {
        const rootUri = pathToFileURL(dir).toString();
        await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {}, initializationOptions: { trusted: true, locale: 'en' } });
        await connection.sendNotification('initialized', {});
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'monitor', version: 1, text } });
        const position = positionOf(text, 'indicator verblijf', 10);
        const end = t0 + 120_000;
        for (;;) {
            const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
            if (/latest: \d/.test(hover?.contents?.value ?? '')) break;
            if (performance.now() > end) throw new Error(`no computed hover value within 120 s\n${stderr.slice(-1000)}`);
            await new Promise((r) => setTimeout(r, 20));
        }
        const wallMs = performance.now() - t0;
        return { wallMs, cpuMs: cpuOf(child.pid), diagnosticsMs, engine: /compute on native/.test(stderr) ? 'native' : /compute on DuckDB-WASM/.test(stderr) ? 'wasm' : null };
    } finally {
        await Promise.race([connection.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
        if (child.exitCode === null) await new Promise((r) => { child.once('exit', r); setTimeout(() => { child.kill(); r(); }, 5000); });
    }
}

/** The preview's page on jeugd: a fresh Chromium profile, navigation → the first chart drawn. */
async function previewFirstChart(preview) {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bench-chromium-'));
    const browser = await chromium.launchPersistentContext(userData, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1000, height: 900 } });
    try {
        const page = browser.pages()[0] ?? await browser.newPage();
        await page.addInitScript(() => {
            window.__posted = [];
            window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });
        });
        const t0 = performance.now();
        await page.goto(`${preview.origin}/`);
        await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'), null, { polling: 10 });
        // As the extension host does on `ready`: the program and its data files' bytes.
        await page.evaluate(async ({ message, fileUrls }) => {
            const files = [];
            for (const f of fileUrls) files.push({ source: f.source, bytes: new Uint8Array(await (await fetch(f.url)).arrayBuffer()) });
            window.postMessage({ ...message, files }, '*');
        }, { message: preview.message, fileUrls: preview.fileUrls });
        await page.waitForFunction(() => window.__posted.some((m) => m.type === 'rendered' || m.type === 'error'), null, { polling: 10, timeout: 120_000 });
        const wallMs = performance.now() - t0;
        const error = await page.evaluate(() => window.__posted.find((m) => m.type === 'error'));
        if (error) throw new Error(`The preview reported: ${error.message}`);
        return { wallMs, cpuMs: null };
    } finally {
        await browser.close().catch(() => undefined);
        fs.rmSync(userData, { recursive: true, force: true });
    }
}

/** Serves the preview bundle and jeugd's data; returns what `previewFirstChart` needs. */
async function previewSetup(dir) {
    const { buildPreview } = await import(pathToFileURL(path.join(ROOT, 'packages/preview/build.mjs')).href);
    const media = path.join(dir, 'media');
    await buildPreview({ out: media });
    const { previewHtml, previewCsp, newNonce } = await pageModule(dir);
    const nonces = new Map();
    const nonceFor = (origin) => { if (!nonces.has(origin)) nonces.set(origin, newNonce()); return nonces.get(origin); };
    const server = await serve(dir, media,
        (origin) => previewHtml({ cspSource: origin, scriptUri: `${origin}/media/preview.js`, styleUri: `${origin}/media/preview.css` }, nonceFor(origin)),
        (origin) => previewCsp(origin, nonceFor(origin)));
    const monitor = path.join(dir, 'jeugd.monitor');
    const program = await lower(monitor);
    return {
        origin: server.origin, close: server.close,
        message: { type: 'update', uri: pathToFileURL(monitor).href, lang: 'en', problem: null, unreadable: [], program },
        fileUrls: program.sources.map((s) => ({ source: s.name, url: `${server.origin}/data/${path.basename(s.path)}` })),
    };
}

/**
 * Runs every case `rounds` times, interleaved; `rows` episodes for the large `run`. Returns per case
 * the medians and every sample, with the load average before and after.
 */
export async function firstNumberBench({ rounds = 5, rows = 1_000_000, log = () => undefined } = {}) {
    for (const [file, how] of [[MONITOR, 'npm run pack:cli (or node packages/cli/scripts/bundle.mjs)'], [SERVER, 'npm run bundle:extension']]) {
        if (!fs.existsSync(file) || (file === MONITOR && !fs.existsSync(path.join(ROOT, 'packages/cli/publish/dist/monitor.js')))) {
            throw new Error(`${path.relative(ROOT, file)} is not built: ${how}`);
        }
    }
    const loadBefore = os.loadavg();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bench-first-'));
    let preview;
    try {
        fs.writeFileSync(path.join(scratch, 'klein.monitor'), SMALL);
        const jeugd = path.join(scratch, 'jeugd');
        fs.cpSync(path.join(ROOT, 'examples/jeugd'), jeugd, { recursive: true });
        log(`first number: generating ${rows.toLocaleString('en')} episodes`);
        const large = generateEpisodes(path.join(scratch, 'large'), rows);
        const largeData = (f) => path.join(scratch, 'large/data', f);
        const jeugdMonitor = path.join(ROOT, 'examples/jeugd/jeugd.monitor');
        const off = { MONITOR_NATIVE_DUCKDB: 'off' };
        const node = (args, env) => () => processTime(scratch, args, env);
        /** [key, what runs]; `monitor run` prints to a discarded standard output. */
        const cases = [
            ['node', node(['-e', '0'])],
            ['version', node([MONITOR, '--version'])],
            ['check', node([MONITOR, 'check', '--no-data', path.join(scratch, 'klein.monitor')])],
            ['runJeugdNative', node([MONITOR, 'run', jeugdMonitor, '--engine', 'native'])],
            ['runJeugdWasm', node([MONITOR, 'run', jeugdMonitor, '--engine', 'wasm'])],
            ['handLarge', node([path.join(import.meta.dirname, 'hand-script.mjs'), largeData('jeugdhulp_trajecten.csv'), largeData('bevolking_0_17.csv')])],
            ['runLargeNative', node([MONITOR, 'run', large, '--indicator', 'verblijf', '--engine', 'native'])],
            ['runLargeWasm', node([MONITOR, 'run', large, '--indicator', 'verblijf', '--engine', 'wasm'])],
            ['lspNative', () => lspFirstHover(jeugd)],
            ['lspWasm', () => lspFirstHover(jeugd, off)],
        ];
        if (fs.existsSync(CHROMIUM)) {
            preview = await previewSetup(jeugd);
            cases.push(['previewChart', () => previewFirstChart(preview)]);
        }
        const samples = Object.fromEntries(cases.map(([key]) => [key, []]));
        for (let round = 0; round < rounds; round++) {
            log(`first number: round ${round + 1} of ${rounds}`);
            // Rotated: no case always runs right after the same other one.
            const order = cases.map((_, i) => cases[(i + round) % cases.length]);
            for (const [key, run] of order) {
                try {
                    samples[key].push(await run());
                } catch (error) {
                    samples[key].push({ error: String(error?.message ?? error).split('\n')[0] });
                }
            }
        }
        const cases_ = Object.fromEntries(Object.entries(samples).map(([key, runs]) => {
            const ok = runs.filter((r) => !r.error);
            const med = (f) => { const xs = ok.map(f).filter((x) => x !== null && x !== undefined); return xs.length ? median(xs) : null; };
            return [key, {
                wallMs: med((r) => r.wallMs), cpuMs: med((r) => r.cpuMs), diagnosticsMs: med((r) => r.diagnosticsMs),
                engine: ok[0]?.engine, runs: ok.length, errors: runs.filter((r) => r.error).map((r) => r.error), all: ok.map((r) => Math.round(r.wallMs)),
            }];
        }));
        return { rounds, rows, goals: FIRST_NUMBER_GOALS, loadBefore, loadAfter: os.loadavg(), cases: cases_ };
    } finally {
        await preview?.close();
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

const s = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const x = (a, b) => (a === null || b === null || a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`);
const met = (ok) => (ok === null ? '–' : ok ? 'yes' : '**no**');

/** The section of latest.md: one line per row of the issue's table, goal and whether it is met. */
export function renderFirstNumber(r) {
    const head = ['## Time to the first number (whole processes, issue #18)', ''];
    if (r.error) return [...head, `Did not run — ${r.error}`, ''];
    const c = r.cases;
    const g = r.goals;
    const cpu = (k) => (c[k]?.cpuMs === null || c[k]?.cpuMs === undefined ? '–' : s(c[k].cpuMs));
    const wall = (k) => (c[k]?.errors?.length && !c[k].runs ? `failed: ${c[k].errors[0]}` : s(c[k]?.wallMs));
    const under = (k, goal) => (c[k]?.wallMs === null || c[k]?.wallMs === undefined ? null : c[k].wallMs <= goal * 1000);
    const ratio = (k) => (c[k]?.wallMs && c.handLarge?.wallMs ? c[k].wallMs / c.handLarge.wallMs : null);
    const lspEngine = (k) => (c[k]?.engine ? ` (computed on ${c[k].engine})` : '');
    const lines = [
        ...head,
        `${r.machine ? `Measured alone (\`--only first\`${r.quick ? ', `--quick`' : ''}): ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}; ${r.machine.date}. ` : ''}`
        + `${r.rounds} interleaved rounds, medians of wall time; CPU = user + system time of the process (all threads), which other work on the machine hardly changes. `
        + `Load average (1, 5, 15 min) before: ${r.loadBefore.map((v) => v.toFixed(1)).join(', ')}; after: ${r.loadAfter.map((v) => v.toFixed(1)).join(', ')} `
        + `on ${os.cpus().length} cores: above the core count, every wall time here is stretched by other work.`, '',
        '| what the user does | wall | CPU | reference (same run) | goal | met |', '|---|---|---|---|---|---|',
        `| \`node -e 0\` (reference) | ${wall('node')} | ${cpu('node')} | | | |`,
        `| \`monitor --version\` | ${wall('version')} | ${cpu('version')} | ${x(c.version?.wallMs, c.node?.wallMs)} \`node -e 0\` | ≤ ${g.version} s | ${met(under('version', g.version))} |`,
        `| \`monitor check --no-data\`, 20-line file | ${wall('check')} | ${cpu('check')} | ${x(c.check?.wallMs, c.node?.wallMs)} \`node -e 0\` | ≤ ${g.check} s | ${met(under('check', g.check))} |`,
        `| \`monitor run examples/jeugd/jeugd.monitor\`, native | ${wall('runJeugdNative')} | ${cpu('runJeugdNative')} | | ≤ ${g.runJeugd} s | ${met(under('runJeugdNative', g.runJeugd))} |`,
        `| \`monitor run examples/jeugd/jeugd.monitor\`, WASM | ${wall('runJeugdWasm')} | ${cpu('runJeugdWasm')} | ${x(c.runJeugdWasm?.wallMs, c.runJeugdNative?.wallMs)} native | ≤ ${g.runJeugd} s | ${met(under('runJeugdWasm', g.runJeugd))} |`,
        `| hand-written node script, ${(r.rows / 1e6).toLocaleString('en')}M episodes, one query on native DuckDB (reference) | ${wall('handLarge')} | ${cpu('handLarge')} | | | |`,
        `| \`monitor run\` ${(r.rows / 1e6).toLocaleString('en')}M episodes \`--indicator verblijf\`, native | ${wall('runLargeNative')} | ${cpu('runLargeNative')} | ${x(ratio('runLargeNative'), 1)} the script | ≤ ${g.runLargeRatio}× | ${met(ratio('runLargeNative') === null ? null : ratio('runLargeNative') <= g.runLargeRatio)} |`,
        `| \`monitor run\` ${(r.rows / 1e6).toLocaleString('en')}M episodes \`--indicator verblijf\`, WASM | ${wall('runLargeWasm')} | ${cpu('runLargeWasm')} | ${x(ratio('runLargeWasm'), 1)} the script, ${x(c.runLargeWasm?.wallMs, c.runLargeNative?.wallMs)} native | ≤ ${g.runLargeRatio}× | ${met(ratio('runLargeWasm') === null ? null : ratio('runLargeWasm') <= g.runLargeRatio)} |`,
        `| open jeugd.monitor over LSP → first computed hover value, native${lspEngine('lspNative')} | ${wall('lspNative')} | ${cpu('lspNative')} | first diagnostics ${s(c.lspNative?.diagnosticsMs)} | ≤ ${g.lspHover} s | ${met(under('lspNative', g.lspHover))} |`,
        `| open jeugd.monitor over LSP → first computed hover value, universal VSIX${lspEngine('lspWasm')} | ${wall('lspWasm')} | ${cpu('lspWasm')} | first diagnostics ${s(c.lspWasm?.diagnosticsMs)}; ${x(c.lspWasm?.wallMs, c.lspNative?.wallMs)} native | ≤ ${g.lspHover} s | ${met(under('lspWasm', g.lspHover))} |`,
        c.previewChart
            ? `| preview of jeugd.monitor → first chart (headless Chromium, fresh profile; page load → chart drawn) | ${wall('previewChart')} | – | | ≤ ${g.previewChart} s quiet | ${met(under('previewChart', g.previewChart))} |`
            : `| preview → first chart | no Chromium at ${CHROMIUM} | | | ≤ ${g.previewChart} s | – |`,
        '',
        'The language server is the one bundled in the extension, started with its flags; "native" is what a development checkout '
        + '(or a platform-specific VSIX) computes on, the universal VSIX computes on DuckDB-WASM (`MONITOR_NATIVE_DUCKDB=off` here). '
        + 'The time of the preview in VS Code (webview start included) is recorded by test/e2e-vscode.test.ts, not here. '
        + `Every sample (wall, ms): ${Object.entries(c).map(([k, v]) => `${k} ${v.all.join('/')}`).join('; ')}.`,
        '',
    ];
    return lines;
}
