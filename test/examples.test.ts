import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './cli-helpers.js';

test('the committed example data is exactly what the deterministic generator makes', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'examples/generate/generate.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr + run.stdout).not.toMatch(/differs/i);
    expect(run.status).toBe(0);
});
