/**
 * Real VS Code for end-to-end tests: code-server (installed by scripts/install-code-server.sh) on a
 * free 127.0.0.1 port, with its home, settings, extensions and temp files in one scratch folder, and
 * the workbench opened in headless Chromium (playwright-core). Everything it starts is stopped again.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const INSTALL = path.resolve(import.meta.dirname, '../scripts/install-code-server.sh');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The installed code-server and the Node 24 it needs, or undefined when not installed. */
export function codeServerTools(): { bin: string; nodeBin: string } | undefined {
    try {
        const [bin, nodeBin] = execFileSync('bash', [INSTALL, '--print'], { encoding: 'utf8' }).trim().split('\n');
        return bin && nodeBin ? { bin, nodeBin } : undefined;
    } catch {
        return undefined;
    }
}

/** User settings that keep the workbench quiet and offline. */
const SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'editor.hover.delay': 200,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** A running code-server with the workbench open in Chromium. */
export interface Workbench {
    page: Page;
    url: string;
    /** code-server's own output so far. */
    log(): string;
    stop(): Promise<void>;
}

async function freePort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise(resolve => server.close(resolve));
    return port;
}

/** The environment for code-server: Node 24 first on PATH, home and temp files in `scratch`. */
function codeServerEnv(scratch: string, nodeBin: string): NodeJS.ProcessEnv {
    const home = path.join(scratch, 'home');
    const env: NodeJS.ProcessEnv = {
        ...process.env, PATH: `${nodeBin}:${process.env.PATH ?? ''}`, HOME: home, TMPDIR: path.join(scratch, 'tmp'),
        XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
        XDG_CACHE_HOME: path.join(home, '.cache'), XDG_STATE_HOME: path.join(home, '.local/state'),
        XDG_RUNTIME_DIR: path.join(scratch, 'run'),
    };
    // The test runner's Node options (loaders, polyfills) are not for code-server's Node.
    delete env.NODE_OPTIONS;
    for (const key of Object.keys(env)) if (key.startsWith('VSCODE_')) delete env[key];
    for (const dir of [env.TMPDIR!, env.XDG_CONFIG_HOME!, env.XDG_DATA_HOME!, env.XDG_CACHE_HOME!, env.XDG_STATE_HOME!, env.XDG_RUNTIME_DIR!]) {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
    return env;
}

/** Installs a VSIX into the scratch folder's extensions directory (`--install-extension`). */
export function installExtension(tools: { bin: string; nodeBin: string }, scratch: string, vsix: string): string {
    return execFileSync(tools.bin, ['--extensions-dir', path.join(scratch, 'e'), '--user-data-dir', path.join(scratch, 'u'), '--install-extension', vsix], {
        env: codeServerEnv(scratch, tools.nodeBin), encoding: 'utf8', timeout: 60_000,
    });
}

/** Process ids whose process group is `pgid` or whose command line mentions `marker`. */
function processesOf(pgid: number, marker: string): number[] {
    const out = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
    return out.split('\n').flatMap(line => {
        const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
        if (!m) return [];
        const pid = Number(m[1]);
        return pid !== process.pid && (Number(m[2]) === pgid || m[3].includes(marker)) ? [pid] : [];
    });
}

/** Stops code-server and everything it started (extension host, language server): TERM, then KILL. */
async function stopTree(child: ChildProcess, scratch: string): Promise<void> {
    const pgid = child.pid;
    if (!pgid) return;
    const signal = (sig: NodeJS.Signals) => {
        for (const pid of processesOf(pgid, scratch)) { try { process.kill(pid, sig); } catch { /* gone already */ } }
    };
    signal('SIGTERM');
    for (let i = 0; i < 25 && processesOf(pgid, scratch).length > 0; i++) await new Promise(r => setTimeout(r, 200));
    signal('SIGKILL');
}

/** Starts code-server on `workspace` (with `extraEnv`, e.g. PG* variables) and opens the workbench in headless Chromium. */
export async function startWorkbench(tools: { bin: string; nodeBin: string }, scratch: string, workspace: string, extraEnv: Record<string, string> = {}): Promise<Workbench> {
    const port = await freePort();
    const userDir = path.join(scratch, 'u');
    fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDir, 'User/settings.json'), JSON.stringify(SETTINGS, null, 2));
    const config = path.join(scratch, 'config.yaml');
    fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const child = spawn(tools.bin, [
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', config, '--disable-telemetry',
        '--disable-update-check', '--disable-workspace-trust', '--reconnection-grace-time', '30',
        '--user-data-dir', userDir, '--extensions-dir', path.join(scratch, 'e'), workspace,
    ], { env: { ...codeServerEnv(scratch, tools.nodeBin), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let log = '';
    child.stdout!.on('data', c => { log += String(c); });
    child.stderr!.on('data', c => { log += String(c); });
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    let browser: BrowserContext | undefined;
    const stop = async () => {
        await browser?.close().catch(() => undefined);
        await stopTree(child, scratch);
    };
    try {
        const deadline = Date.now() + 240_000;
        for (;;) {
            if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log}`);
            const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(r => r.ok, () => false);
            if (ok) break;
            if (Date.now() > deadline) throw new Error(`code-server did not answer on port ${port} within 240 s:\n${log}`);
            await new Promise(r => setTimeout(r, 250));
        }
        browser = await chromium.launchPersistentContext(path.join(scratch, 'chromium'), {
            executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 950 },
        });
        // Playwright's own 30 s default is a deadline a busy machine misses (the CI rehearsal beside other
        // jobs timed out on the quick-open list): wait as long as the test's hang guard allows.
        browser.setDefaultTimeout(240_000);
        const page = browser.pages()[0] ?? await browser.newPage();
        await page.goto(url);
        await page.locator('.monaco-workbench').waitFor({ timeout: 240_000 });
        return { page, url, log: () => log, stop };
    } catch (error) {
        await stop();
        throw error;
    }
}
