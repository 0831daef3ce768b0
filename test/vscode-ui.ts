/**
 * Steps in the VS Code workbench for test/e2e-vscode.test.ts: moving the cursor, the command palette,
 * undo, hovering an indicator, finding the preview's frame, and the cropped screenshots that
 * packages/extension/README.md shows (`MONITOR_E2E_SCREENSHOTS=dir` writes them into `dir` too).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { testOutput } from './example-program.js';

export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** 1-based line and column of `needle` plus `shift` characters. */
export function lineCol(text: string, needle: string, shift = 0): { line: number; column: number } {
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`'${needle}' not in the example`);
    const before = text.slice(0, at + shift);
    return { line: before.split('\n').length, column: at + shift - before.lastIndexOf('\n') };
}

/** Runs a command from the command palette by its title. */
export async function palette(page: Page, title: string): Promise<void> {
    await page.keyboard.press(`${MOD}+Shift+P`);
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await page.keyboard.type(title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
}

/** Undoes edits until `visible` shows (typing may take more than one undo step). */
export async function undoUntil(page: Page, visible: Locator): Promise<void> {
    for (let i = 0; i < 6 && !(await visible.isVisible()); i++) {
        await page.keyboard.press(`${MOD}+Z`);
        await visible.waitFor({ timeout: 1_000 }).catch(() => undefined);
    }
    await visible.waitFor({ timeout: 5_000 });
}

/**
 * Moves the cursor with "Go to Line/Column", and waits until the status bar shows it there (on a busy
 * machine keys typed before the quick input or the editor is ready would land elsewhere).
 */
export async function goTo(page: Page, at: { line: number; column: number }): Promise<void> {
    const input = page.locator('.quick-input-widget input');
    // Right after a webview had focus the first key press may not reach the workbench: press again.
    for (let i = 0; i < 3 && !(await input.isVisible()); i++) {
        await page.keyboard.press(`${MOD}+G`);
        await input.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await input.waitFor();
    await input.fill(`:${at.line}:${at.column}`); // the quick input of Go to Line starts with ":"
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: `Ln ${at.line}, Col ${at.column}` }).first().waitFor({ timeout: 10_000 });
}

/** Hovers the name of indicator verblijf until the hover shows a computed value; returns the hover. */
export async function hoverVerblijf(page: Page, text: string): Promise<Locator> {
    await goTo(page, lineCol(text, 'indicator verblijf', 'indicator '.length));
    const name = page.locator('.monaco-editor .view-line', { hasText: 'indicator verblijf {' }).locator('span > span', { hasText: /^verblijf$/ });
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: /latest: \d/ });
    // The value is computed in the background (DuckDB-WASM): hover again until it is there, and is the
    // current one (after an edit the last good value shows first, marked, until the analysis is done).
    const fresh = async () => (await hover.isVisible()) && !(await hover.innerText()).includes('last good result');
    const deadline = Date.now() + 60_000;
    while (!(await fresh()) && Date.now() < deadline) {
        await page.mouse.move(5, 5);
        await name.hover();
        await hover.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    return hover;
}

/** The frame of the preview page (inside the webview's own iframe), once its first card exists. */
export async function previewFrame(page: Page, timeoutMs = 90_000): Promise<Frame> {
    // DuckDB-WASM starts inside the webview first: on a busy 2-core machine that can take a while.
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        for (const frame of page.frames()) {
            if (frame === page.mainFrame()) continue;
            const found = await frame.locator('#indicator-verblijf').count().catch(() => 0);
            if (found > 0) return frame;
        }
        await new Promise(resolve => setTimeout(resolve, 500));
    }
    const seen = await Promise.all(page.frames().map(async f => `${f.url().split('?')[0]}: ${(await f.locator('body').innerText().catch(() => '?')).slice(0, 300)}`));
    throw new Error(`No preview frame with #indicator-verblijf; frames:\n${seen.join('\n')}`);
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * A screenshot of the smallest rectangle around `parts` (plus `margin`, inside the window) for the
 * extension's README: test-output/readme-<name>.png, and <name>.png in MONITOR_E2E_SCREENSHOTS when set.
 */
export async function readmeShot(page: Page, name: string, parts: Locator[], margin = 12): Promise<void> {
    const boxes = (await Promise.all(parts.map(p => p.first().boundingBox({ timeout: 5_000 })))).filter((b): b is Box => b !== null);
    if (boxes.length === 0) throw new Error(`readme screenshot ${name}: nothing to show`);
    const view = page.viewportSize() ?? { width: 1400, height: 950 };
    const x = Math.max(0, Math.floor(Math.min(...boxes.map(b => b.x)) - margin));
    const y = Math.max(0, Math.floor(Math.min(...boxes.map(b => b.y)) - margin));
    const right = Math.min(view.width, Math.ceil(Math.max(...boxes.map(b => b.x + b.width)) + margin));
    const bottom = Math.min(view.height, Math.ceil(Math.max(...boxes.map(b => b.y + b.height)) + margin));
    const file = testOutput(`readme-${name}.png`);
    await page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y } });
    const dir = process.env.MONITOR_E2E_SCREENSHOTS;
    if (dir) {
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(file, path.join(dir, `${name}.png`));
    }
}
