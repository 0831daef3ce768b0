/**
 * Language-server latency on a generated workspace (bench/lsp-workspace.mjs: 1,000 files, 10,000
 * indicators): the built server over real LSP stdio. Cold build (initialize → diagnostics published
 * for every file), edit → diagnostics after a one-character edit, completion, hover, and the server's
 * peak RSS (VmHWM). Timings live here, never in tests.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateLspWorkspace } from './lsp-workspace.mjs';

// What VS Code runs: the server bundled into the extension (npm run bundle:extension); other editors
// run `monitor lsp` (the unbundled build through the CLI), measured for its cold build too.
const BUNDLED_SERVER = [path.resolve(import.meta.dirname, '../packages/extension/dist/server.cjs'), '--stdio'];
const CLI_SERVER = [path.resolve(import.meta.dirname, '../packages/cli/bin/monitor.js'), 'lsp'];

/** Targets from issue #3: p95 in milliseconds, cold build in milliseconds. */
export const LSP_TARGETS = { editP95Ms: 50, completionP95Ms: 20, coldBuildMs: 3000 };

function percentiles(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
    return { p50: at(0.5), p95: at(0.95), max: s.at(-1), n: s.length };
}

// As the extension starts it (SERVER_EXEC_ARGV in packages/extension/src/monitor-client.ts);
// MONITOR_LSP_FLAGS replaces the flags, to compare.
const SERVER_FLAGS = (process.env.MONITOR_LSP_FLAGS ?? '--max-semi-space-size=32').split(' ').filter(Boolean);

/** Starts the server and keeps, per document, the last published version and when it arrived. */
function startServer(root, serverMain) {
    // MONITOR_LSP_PROFILE=<dir> writes a CPU profile of the server there (for finding what is slow).
    const profile = process.env.MONITOR_LSP_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.MONITOR_LSP_PROFILE}`] : [];
    const child = spawn(process.execPath, [...profile, ...SERVER_FLAGS, ...serverMain], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => { stderr += String(c); });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Map();
    const waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
        published.set(p.uri, { version: p.version, at: performance.now(), diagnostics: p.diagnostics });
        for (const w of [...waiters]) if (w.test()) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    connection.onRequest('window/workDoneProgress/create', () => null);
    const refreshes = { count: 0 };
    connection.onRequest('workspace/codeLens/refresh', () => {
        refreshes.count++;
        for (const w of [...waiters]) if (w.test()) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
        return null;
    });
    connection.listen();
    const until = (test, what, timeoutMs = 180_000) => test() ? Promise.resolve() : new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}\n${stderr.slice(-2000)}`)), timeoutMs);
        waiters.push({ test, resolve: () => { clearTimeout(timer); resolve(); } });
    });
    return { child, connection, published, refreshes, until, rootUri: pathToFileURL(root).toString() };
}

/** Times `n` calls of an async function, one after another. */
async function timeEach(n, fn) {
    const out = [];
    for (let i = 0; i < n; i++) {
        const t = performance.now();
        await fn(i);
        out.push(performance.now() - t);
    }
    return percentiles(out);
}

function peakRssMb(pid) {
    try {
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
        return Number.isFinite(kb) ? kb / 1024 : null;
    } catch { return null; }
}

/** CPU time (user + system, all threads) the process has used so far, in milliseconds. */
function cpuMs(pid) {
    try {
        // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses; clock ticks of 10 ms.
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch { return null; }
}

/** 0-based position of `needle` in `text` (plus `shift` characters). */
function positionOf(text, needle, shift = 0) {
    const at = text.indexOf(needle) + shift;
    const before = text.slice(0, at);
    return { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
}

/** Runs the benchmark; `log` hears progress. */
export async function lspBench({ files = 1000, indicatorsPerFile = 10, samples = 100, log = () => {} } = {}) {
    if (!fs.existsSync(BUNDLED_SERVER[0])) throw new Error(`${path.relative(process.cwd(), BUNDLED_SERVER[0])} is missing: run npm run bundle:extension`);
    const bundled = await lspRun({ files, indicatorsPerFile, samples, log, serverMain: BUNDLED_SERVER });
    log('lsp: cold build of `monitor lsp` (the unbundled server)');
    const cli = await lspRun({ files, indicatorsPerFile, samples, log, serverMain: CLI_SERVER, coldOnly: true });
    return { ...bundled, cliColdBuildMs: cli.coldBuildMs, cliColdCpuMs: cli.coldCpuMs };
}

async function lspRun({ files, indicatorsPerFile, samples, log, serverMain, coldOnly = false }) {
    const loadAverage = os.loadavg();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bench-lsp-'));
    const ws = generateLspWorkspace(root, { files, indicatorsPerFile });
    const uris = fs.readdirSync(root, { recursive: true }).filter((f) => f.endsWith('.monitor')).map((f) => pathToFileURL(path.join(root, f)).toString());
    const server = startServer(root, serverMain);
    const { connection, published, until } = server;
    try {
        log(`lsp: cold build of ${uris.length} files`);
        // Langium indexes and links every file at start but validates only open ones: the cold build
        // is initialize → the first diagnostics of a file opened at once (it waits for the workspace).
        const t0 = performance.now();
        await connection.sendRequest('initialize', {
            processId: process.pid, rootUri: server.rootUri, workspaceFolders: [{ uri: server.rootUri, name: 'bench' }],
            capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true } } },
            initializationOptions: { trusted: true, locale: 'en' },
        });
        await connection.sendNotification('initialized', {});
        const open = async (rel) => {
            const file = path.join(root, rel);
            const uri = pathToFileURL(file).toString();
            const text = fs.readFileSync(file, 'utf8');
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'monitor', version: 1, text } });
            await until(() => published.has(uri), `diagnostics of ${rel} after opening`);
            return { uri, text, errors: published.get(uri).diagnostics.filter((d) => d.severity === 1).length };
        };
        const leafDoc = await open(ws.leaf);
        const coldBuildMs = performance.now() - t0;
        // Less sensitive to other work on the machine than the wall-clock time (start-up included).
        const coldCpuMs = cpuMs(server.child.pid);
        if (coldOnly) return { coldBuildMs, coldCpuMs };
        // The first edit validates every file once, the open one first (Langium publishes each).
        await until(() => uris.every((u) => published.has(u)), 'diagnostics of every file');
        const coldAllMs = Math.max(...uris.map((u) => published.get(u).at)) - t0;
        const hubDoc = await open(ws.hub);
        // Steady state: both opened files' analyses (DuckDB in the worker) have finished.
        await until(() => server.refreshes.count >= 2, 'both analyses', 60_000).catch(() => log('lsp: analyses did not finish within 60 s'));

        /**
         * A one-character typo in an indicator name (`…_i2` → `…_iZ`) and its fix, in turn: each edit
         * flips whether the file has an unknown-indicator error, so the published list that answers
         * an edit is told apart from an earlier one without relying on versions.
         */
        const measureEdits = async (doc, prefix, n) => {
            const needle = `+ ${prefix}_i2`;
            const at = positionOf(doc.text, needle, needle.length - 1);
            const range = { start: at, end: { line: at.line, character: at.character + 1 } };
            let version = 1;
            return timeEach(n, async (i) => {
                version++;
                const broken = i % 2 === 0;
                published.delete(doc.uri);
                await connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version }, contentChanges: [{ range, text: broken ? 'Z' : '2' }] });
                await until(() => {
                    const p = published.get(doc.uri);
                    return p !== undefined && p.diagnostics.some((d) => d.code === 'unknown-indicator') === broken;
                }, `diagnostics of edit ${version}`);
            });
        };
        log('lsp: edit → diagnostics (a file nothing imports)');
        const cpuBefore = cpuMs(server.child.pid);
        const leafEdit = await measureEdits(leafDoc, 'l0', samples);
        // Server CPU time per edit: what an edit costs, whatever else runs on the machine.
        const editLeafCpuMs = cpuBefore === null ? null : (cpuMs(server.child.pid) - cpuBefore) / samples;
        log('lsp: edit → diagnostics (a file 19 others import)');
        const hubEdit = await measureEdits(hubDoc, 'h0', Math.max(10, Math.round(samples / 5)));
        const leaf = { ...leafDoc, edit: leafEdit };
        const hub = { edit: hubEdit };
        const errors = leafDoc.errors + hubDoc.errors;

        log('lsp: completion and hover');
        const completionAt = positionOf(leaf.text, 'client_id from ', 'client_id from '.length);
        const completion = await timeEach(samples, () => connection.sendRequest('textDocument/completion', { textDocument: { uri: leaf.uri }, position: completionAt }));
        const hoverAt = positionOf(leaf.text, 'indicator l0_i1', 'indicator '.length + 2);
        const hover = await timeEach(samples, () => connection.sendRequest('textDocument/hover', { textDocument: { uri: leaf.uri }, position: hoverAt }));
        const items = await connection.sendRequest('textDocument/completion', { textDocument: { uri: leaf.uri }, position: completionAt });
        const hoverText = (await connection.sendRequest('textDocument/hover', { textDocument: { uri: leaf.uri }, position: hoverAt }))?.contents?.value ?? '';
        const peak = peakRssMb(server.child.pid);
        return {
            files: uris.length, indicators: ws.indicators, errorsInOpenedFiles: errors, coldBuildMs, coldCpuMs, coldAllMs, editLeafCpuMs,
            editLeafMs: leaf.edit, editHubMs: hub.edit, completionMs: completion, hoverMs: hover,
            completionItems: (Array.isArray(items) ? items : items?.items ?? []).length, hoverChars: hoverText.length,
            peakRssMb: peak, targets: LSP_TARGETS, loadAverage, serverFlags: SERVER_FLAGS,
        };
    } finally {
        await Promise.race([connection.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
        if (server.child.exitCode === null) await new Promise((r) => { server.child.once('exit', r); setTimeout(() => { server.child.kill(); r(); }, 5000); });
        fs.rmSync(root, { recursive: true, force: true });
    }
}

const ms = (x) => (x === null || x === undefined ? '–' : `${x.toFixed(1)} ms`);
const meets = (value, target) => (value <= target ? 'yes' : '**no**');

/** The LSP section of latest.md. */
export function renderLsp(r) {
    if (r.error) return ['## Language server (LSP over stdio)', '', `Did not run — ${r.error}`, ''];
    const load = r.loadAverage ? ` Load average at the start: ${r.loadAverage.map((x) => x.toFixed(1)).join(', ')} (other work on the machine slows every figure).` : '';
    const row = (name, p, target) => `| ${name} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.max)} | ${p.n} | ${target === undefined ? '' : `≤ ${target} ms: ${meets(p.p95, target)}`} |`;
    return [
        '## Language server (LSP over stdio)', '',
        ...(r.machine ? [`Measured alone (\`--only lsp\`): ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}; ${r.machine.date}.`, ''] : []),
        `${r.files.toLocaleString('en')} files, ${r.indicators.toLocaleString('en')} indicators (bench/lsp-workspace.mjs), trusted workspace, `
        + `servers started with the extension's flags${r.serverFlags?.length ? ` (\`${r.serverFlags.join(' ')}\`)` : ''}; `
        + `errors in the opened files: ${r.errorsInOpenedFiles}; peak RSS of the server ${r.peakRssMb === null ? '–' : `${r.peakRssMb.toFixed(0)} MB`}.${load}`, '',
        `Cold build (initialize → first diagnostics of a file opened at once; every file parsed and its names indexed, the open file linked and validated first, the others after): `
        + `${ms(r.coldBuildMs)} with the server bundled in the extension (target ≤ ${r.targets.coldBuildMs} ms: ${meets(r.coldBuildMs, r.targets.coldBuildMs)}; the server used ${ms(r.coldCpuMs)} of CPU time by then)`
        + `${r.cliColdBuildMs === undefined ? '' : `, ${ms(r.cliColdBuildMs)} for \`monitor lsp\` (the CLI, unbundled, ${ms(r.cliColdCpuMs)} CPU; ${meets(r.cliColdBuildMs, r.targets.coldBuildMs)})`}; `
        + `diagnostics for every file: ${ms(r.coldAllMs)}. Then, once the opened files' analyses finished (bundled server):`, '',
        '| request | p50 | p95 | max | n | target (p95) |', '|---|---|---|---|---|---|',
        row(`edit → diagnostics, file nothing imports (server CPU ${ms(r.editLeafCpuMs)} per edit)`, r.editLeafMs, r.targets.editP95Ms),
        row('edit → diagnostics, file 19 others import', r.editHubMs),
        row(`completion (${r.completionItems} items)`, r.completionMs, r.targets.completionP95Ms),
        row('hover on an indicator', r.hoverMs),
        '',
    ];
}


// `node bench/lsp.mjs [files]` runs it alone and prints the JSON.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const files = Number(process.argv[2] ?? 1000);
    const result = await lspBench({ files, log: (t) => process.stderr.write(`${t}\n`) });
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(renderLsp(result).join('\n') + '\n');
}
