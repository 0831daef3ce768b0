/** Running the built `monitor` command as a child process, on fixture folders. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'packages/cli/bin/monitor.js');

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `monitor …args` in `cwd` and returns its exit code and output. */
export function monitor(args: string[], cwd = ROOT): CliResult {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, MONITOR_LANG: 'en' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes files (path → content) into a fresh temporary folder and returns its path. */
export function fixture(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-test-'));
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
}

/** A small youth-care monitor with known answers (see cli.test.ts). */
export const SMALL_MONITOR = `monitor klein {
    title "Klein"
    grain quarter
    range 2024-Q1 .. 2024-Q4  privacy none "testgegevens"
}
source trajecten from "data/trajecten.csv" {
    episodes start begindatum end einddatum key client_id
    columns {
        client_id text
        voorziening text
        begindatum date
        einddatum date?
        wijk text
    }
}
dimension wijk { trajecten.wijk }
indicator actief {
    title "Actieve trajecten"
    value count from trajecten active at end
    desired down
    by wijk
}
target actief { 2024-Q4 <= 2 }
`;

/** Episodes: three active at the end of Q1, an open one, one ending exactly on 30 June. */
export const SMALL_DATA = `client_id,voorziening,begindatum,einddatum,wijk
a,verblijf,2024-01-15,2024-06-30,noord
b,verblijf,2024-02-01,,noord
c,ambulant,2024-03-31,2024-04-01,zuid
d,ambulant,2024-07-01,2024-12-31,zuid
`;
