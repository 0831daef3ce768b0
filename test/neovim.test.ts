/**
 * Neovim as docs/editors.md sets it up: the Lua config is taken from the document itself (the block
 * for the installed Neovim, 0.7 or 0.8+), `monitor` on the PATH runs this build's CLI (`monitor lsp`),
 * and headless Neovim drives a copy of examples/jeugd through its own LSP client
 * (test/neovim-lsp.lua): diagnostics, hover with the latest value, completion of a CSV column,
 * definition, formatting, and rename (a taken name refused). Skips with the reason without `nvim`;
 * `.ci/run` installs it (MONITOR_REQUIRE_ALL=1).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { requireTool } from './require-tool.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function nvimVersion(): [number, number] | undefined {
    try {
        const m = /NVIM v(\d+)\.(\d+)/.exec(execFileSync('nvim', ['--version'], { encoding: 'utf8' }));
        return m ? [Number(m[1]), Number(m[2])] : undefined;
    } catch {
        return undefined;
    }
}

/** The Lua blocks of the Neovim section of docs/editors.md: [0.8 or newer, 0.7]. */
function neovimConfigs(): string[] {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/editors.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Neovim'), doc.indexOf('\n## ', doc.indexOf('## Neovim') + 1));
    return [...section.matchAll(/```lua\n([\s\S]*?)```/g)].map(m => m[1]);
}

const version = nvimVersion();
const run = requireTool('Neovim (apt-get install -y neovim)', version !== undefined);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-nvim-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs headless Neovim with the config and the driver; returns what the driver found. */
async function drive(config: string): Promise<Record<string, unknown>> {
    const work = path.join(scratch, 'jeugd');
    fs.cpSync(path.join(ROOT, 'examples/jeugd'), work, { recursive: true });
    const bin = path.join(scratch, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'monitor'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'packages/cli/bin/monitor.js')}" "$@"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(scratch, 'init.lua'), config);
    const out = path.join(scratch, 'out.json');
    const home = path.join(scratch, 'home');
    const env = {
        ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, MONITOR_NVIM_OUT: out, HOME: home,
        XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'), XDG_STATE_HOME: path.join(home, 'state'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
    };
    const child = spawn('nvim', ['--headless', '-i', 'NONE', '-u', path.join(scratch, 'init.lua'), 'jeugd.monitor',
        '-c', `luafile ${path.join(import.meta.dirname, 'neovim-lsp.lua')}`], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', c => { log += String(c); });
    child.stderr.on('data', c => { log += String(c); });
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    if (!fs.existsSync(out)) throw new Error(`nvim exited with ${code} and wrote no result:\n${log}`);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
}

describe.runIf(run)('Neovim with the config of docs/editors.md', () => {
    test('diagnostics, hover, completion, definition, formatting and rename work through its LSP client', async () => {
        const [block08, block07] = neovimConfigs();
        expect(block07, 'docs/editors.md has a Lua block for Neovim 0.7').toBeDefined();
        const config = version![0] === 0 && version![1] < 8 ? block07 : block08;
        console.log(`Neovim ${version!.join('.')}: the ${config === block07 ? '0.7' : '0.8+'} config of docs/editors.md`);
        const r = await drive(config) as {
            error?: string; attached?: string; diagnostics: string[]; diagnostic?: { line: number; message: string };
            diagnosticsAfterUndo: string[]; hover: string; completion: string[]; definition?: { line: number };
            sourceLine: number; formatted: string; renameTaken?: string; renamed: Record<string, boolean | number>;
        };
        expect(r.error).toBeUndefined();
        expect(r.attached).toBe('monitor');
        expect(r.diagnostics).toContain('unknown-column');
        // locale nl in the config: the message is Dutch.
        expect(r.diagnostic?.message).toMatch(/voorzienin/);
        expect(r.diagnosticsAfterUndo).not.toContain('unknown-column');
        expect(r.hover).toMatch(/laatst: [\d.,]+ per 1\.000 jongeren \(\d{4}-Q\d\)/);
        expect(r.completion).toContain('productcategorie');
        expect(r.definition?.line).toBe(r.sourceLine);
        expect(r.formatted).toBe('    title "Jeugdigen in residentiële jeugdhulp per 1.000 jongeren"');
        expect(r.renameTaken).toMatch(/residentieel/);
        expect(r.renamed).toEqual({ indicator: true, target: true, note: true, uses: expect.any(Number) });
        expect(r.renamed.uses).toBeGreaterThanOrEqual(3);
    }, 240_000);
});
