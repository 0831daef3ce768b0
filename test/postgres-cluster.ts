/**
 * A throwaway PostgreSQL cluster for tests: `initdb` in a temporary folder, password logins
 * (scram-sha-256), a Unix socket in that folder (no TCP port), stopped and removed afterwards.
 * PostgreSQL refuses to run as root, so as root the server runs as `nobody` (`runuser`).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where Debian's PostgreSQL 15 puts its programs; null when it is not installed. */
export function postgresBin(): string | null {
    for (const dir of ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin']) {
        if (fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'psql'))) return dir;
    }
    return null;
}

/** The superuser's name and password of every test cluster. */
export const SUPERUSER = { user: 'pg', password: 'sup3r-secret-pw' };

/** A running test cluster. */
export interface PgCluster {
    /** The folder holding the data directory, the socket and the log. */
    dir: string;
    /** PG* environment variables that connect as `user` (default the superuser). */
    env(user?: string, password?: string): Record<string, string>;
    /** Runs SQL (a script; COPY … FROM STDIN data may follow inline) with psql as the superuser; throws on error. */
    psql(sql: string): string;
    /** The server's log so far. */
    log(): string;
    /** Stops the server (it can be started again). */
    stop(): void;
    start(): void;
    /** Stops the server and removes the folder. */
    destroy(): void;
}

function check(result: SpawnSyncReturns<string>, what: string): string {
    if (result.status !== 0) throw new Error(`${what} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
}

/** Server settings of a test cluster that skip waiting for the disk (a test's `settings` come after and may override them). */
const NO_FLUSH = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

/** Starts a fresh cluster (about 2 s); `settings` are extra server settings (`-c name=value`). */
export function startCluster(bin: string, settings: string[] = []): PgCluster {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpg-'));
    const asRoot = process.getuid?.() === 0;
    const owner = asRoot ? { uid: Number(check(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }), 'id -u nobody')), gid: Number(check(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }), 'id -g nobody')) } : null;
    const pwfile = path.join(dir, 'pw');
    fs.writeFileSync(pwfile, `${SUPERUSER.password}\n`);
    if (owner) {
        fs.chownSync(dir, owner.uid, owner.gid);
        fs.chownSync(pwfile, owner.uid, owner.gid);
    }
    const server = (program: string, args: string[]) => {
        const command = asRoot ? ['runuser', ['-u', 'nobody', '--', path.join(bin, program), ...args]] as const : [path.join(bin, program), args] as const;
        return check(spawnSync(command[0], [...command[1]], { encoding: 'utf8', cwd: dir }), program);
    };
    const data = path.join(dir, 'data');
    // A throwaway cluster needs no durability: initdb skips its fsync of every file (half its time on
    // this machine's disk), and the server never waits for a disk flush (NO_FLUSH). What a test checks
    // (query results, roles, errors, logs) does not depend on either.
    server('initdb', ['-D', data, '-U', SUPERUSER.user, '--auth-local=scram-sha-256', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const start = () => { server('pg_ctl', ['-D', data, '-o', `-k ${dir} -p 5432 -c listen_addresses=''${[...NO_FLUSH, ...settings].map((x) => ` -c ${x}`).join('')}`, '-l', path.join(dir, 'log'), '-w', 'start']); };
    const stop = () => { server('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']); };
    start();
    const env = (user = SUPERUSER.user, password = SUPERUSER.password) => ({ PGHOST: dir, PGPORT: '5432', PGUSER: user, PGPASSWORD: password, PGDATABASE: 'postgres' });
    return {
        dir, env, start, stop,
        log: () => fs.readFileSync(path.join(dir, 'log'), 'utf8'),
        psql(sql: string) {
            return check(spawnSync(path.join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', '-'], {
                encoding: 'utf8', input: sql, env: { ...process.env, ...env() },
            }), 'psql');
        },
        destroy() {
            try { stop(); } catch { /* already stopped */ }
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

/**
 * The small episodes of `SMALL_DATA` (test/cli-helpers.ts) as table `e.trajecten` (plus `extraColumns`,
 * left empty), readable by the role `reader` (password `reader-pw`) with SELECT only.
 */
export function loadSmallTrajecten(cluster: PgCluster, smallData: string, extraColumns = ''): void {
    const rows = smallData.trim().split('\n').slice(1).map((l) => l.split(',').map((v) => (v === '' ? '' : `"${v}"`)).join(','));
    cluster.psql(`CREATE SCHEMA e;
CREATE TABLE e.trajecten (client_id text NOT NULL, voorziening text, begindatum date, einddatum date, wijk text${extraColumns});
COPY e.trajecten (client_id, voorziening, begindatum, einddatum, wijk) FROM STDIN WITH (FORMAT csv);
${rows.join('\n')}
\\.
CREATE ROLE reader LOGIN PASSWORD 'reader-pw';
GRANT USAGE ON SCHEMA e TO reader;
GRANT SELECT ON e.trajecten TO reader;
`);
}
