/**
 * The language server on table sources, over real LSP stdio against a throwaway PostgreSQL cluster:
 * with a connection configured (`monitor.postgres.urlEnv` naming a variable, or the PG* variables) in
 * a trusted workspace, the data stage checks the table sources against the catalogue (a missing
 * column is `data-missing-column` at its line), completion offers the table's undeclared columns, and
 * hover shows values computed in the database. Without a connection, or untrusted, nothing is attempted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SMALL_DATA, SMALL_MONITOR } from './cli-helpers.js';
import { eventually, hoverText, positionOf, startLspClient, type LspClient, type WireDiagnostic } from './lsp-client.js';
import { loadSmallTrajecten, postgresBin, startCluster, type PgCluster } from './postgres-cluster.js';
import { requireTool } from './require-tool.js';

const bin = postgresBin();
const run = requireTool('PostgreSQL (postgresql-15: initdb, pg_ctl, psql)', bin !== null);

/** SMALL_MONITOR on the table e.trajecten, with `extra` declaration lines after `wijk text`. */
function tableMonitor(extra = ''): string {
    return SMALL_MONITOR.replace('source trajecten from "data/trajecten.csv" {', 'source trajecten from table "e.trajecten" {')
        .replace('        wijk text\n', `        wijk text\n${extra}`);
}

/** No PG* variable of the test's own environment reaches the server (the non-trigger must be real). */
const NO_PG = { PGHOST: '', PGPORT: '', PGDATABASE: '', PGUSER: '', PGPASSWORD: '', PGSERVICE: '', MONITOR_TEST_PG_URL: '' };

const codes = (d: WireDiagnostic[]) => d.map(x => String(x.code));

describe.runIf(run)('the language server on table sources (PostgreSQL)', () => {
    let cluster: PgCluster;
    let dir: string;
    const clients: LspClient[] = [];

    async function open(text: string, options: { env: Record<string, string>; initOptions?: Record<string, unknown>; trusted?: boolean }) {
        const file = path.join(dir, `m${clients.length}.monitor`);
        fs.writeFileSync(file, text);
        const client = await startLspClient({ root: dir, trusted: options.trusted ?? true, locale: 'en', env: { ...NO_PG, ...options.env }, initOptions: options.initOptions });
        clients.push(client);
        return { client, uri: client.open(file, text) };
    }

    beforeAll(() => {
        cluster = startCluster(bin!, ['log_connections=on']);
        loadSmallTrajecten(cluster, SMALL_DATA, ', leeftijd integer');
        cluster.psql("CREATE ROLE idle_probe LOGIN PASSWORD 'idle-pw';");  // a login without any grant
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-pg-'));
    }, 60_000);
    afterAll(async () => {
        for (const c of clients) await c.stop();
        cluster?.destroy();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('PG* variables: a declared column the table lacks is data-missing-column at its line, no password in any message', async () => {
        const text = tableMonitor('        postcode text\n');
        const { client, uri } = await open(text, { env: cluster.env('reader', 'reader-pw') });
        const d = await client.waitForDiagnostics(uri, ds => codes(ds).includes('data-missing-column'), 120_000);
        const missing = d.find(x => x.code === 'data-missing-column')!;
        expect(missing.range.start.line).toBe(positionOf(text, 'postcode text').line);
        expect(codes(d)).not.toContain('data-table-source-needs-postgres');
        expect(JSON.stringify(d)).not.toContain('reader-pw');
    }, 180_000);

    test('monitor.postgres.urlEnv: completion offers the catalogue columns not yet declared; hover and lens compute in the database', async () => {
        const text = tableMonitor('        \n');
        const url = `postgresql://reader:reader-pw@/postgres?host=${encodeURIComponent(cluster.dir)}&port=5432`;
        const { client, uri } = await open(text, { env: { MONITOR_TEST_PG_URL: url }, initOptions: { postgresUrlEnv: 'MONITOR_TEST_PG_URL' } });
        const at = positionOf(text, '        wijk text');
        const list = await client.request<{ items: { label: string; detail?: string; insertText?: string }[] }>('textDocument/completion', {
            textDocument: { uri }, position: { line: at.line + 1, character: 8 },
        });
        const leeftijd = list.items.find(i => i.label === 'leeftijd');
        expect(leeftijd?.detail).toBe('integer? · integer');
        expect(leeftijd?.insertText).toBe('leeftijd integer?');
        // Declared already: not offered again.
        expect(list.items.some(i => i.label === 'wijk')).toBe(false);
        // Active on the last day of 2024-Q4, by hand-written SQL on the same table (b open, d ending that day): 2.
        const expected = Number(cluster.psql(`\\t on\n\\a\nSELECT count(*) FROM e.trajecten WHERE begindatum <= DATE '2024-12-31' AND (einddatum IS NULL OR einddatum >= DATE '2024-12-31');`).trim());
        expect(expected).toBe(2);
        const hover = await eventually(() => hoverText(client, uri, positionOf(text, 'indicator actief', 10)), /Computed in the database/);
        expect(hover).toContain(`latest: ${expected} (2024-Q4)`);
        expect(hover).not.toContain('reader-pw');
        // The lens shows the same value, computed in the database.
        const lenses = JSON.parse(JSON.stringify(await client.request('textDocument/codeLens', { textDocument: { uri } }))) as { command?: { title: string } }[];
        expect(lenses.map(l => l.command?.title ?? '')).toContain(`latest: ${expected} (2024-Q4) · on track`);
    }, 180_000);

    test('an unreachable server is data-pg-unreachable at the table name; the connection string\'s password is never shown', async () => {
        const text = tableMonitor();
        const url = `postgresql://reader:Sekrit-Pw-9@/postgres?host=${encodeURIComponent(path.join(cluster.dir, 'no-such-socket-dir'))}&port=5432`;
        const { client, uri } = await open(text, { env: { MONITOR_TEST_PG_URL: url }, initOptions: { postgresUrlEnv: 'MONITOR_TEST_PG_URL' } });
        const d = await client.waitForDiagnostics(uri, ds => codes(ds).includes('data-pg-unreachable'), 120_000);
        const issue = d.find(x => x.code === 'data-pg-unreachable')!;
        expect(issue.range.start.line).toBe(positionOf(text, '"e.trajecten"').line);
        expect(JSON.stringify(d) + client.stderr()).not.toContain('Sekrit-Pw-9');
    }, 180_000);

    test('a monitor mixing a file and a table source is sources-mixed at the table name, and nothing is computed', async () => {
        fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'data/trajecten.csv'), SMALL_DATA);
        const text = `${tableMonitor()}source extra from "data/trajecten.csv" {
    table
    columns {
        client_id text
    }
}
`;
        const { client, uri } = await open(text, { env: cluster.env('reader', 'reader-pw') });
        const d = await client.waitForDiagnostics(uri, ds => codes(ds).includes('sources-mixed'), 120_000);
        // One table source beside one file source: the table source carries it.
        expect(d.find(x => x.code === 'sources-mixed')!.range.start.line).toBe(positionOf(text, '"e.trajecten"').line);
        expect(codes(d).filter(c => c.startsWith('data-'))).toEqual([]);
    }, 180_000);

    test('without the PostgreSQL client (as in the VSIX) it is data-pg-client-unavailable at the header, not silence', async () => {
        const text = tableMonitor();
        const { client, uri } = await open(text, { env: { ...cluster.env('reader', 'reader-pw'), MONITOR_PG_CLIENT: 'off' } });
        const d = await client.waitForDiagnostics(uri, ds => codes(ds).includes('data-pg-client-unavailable'), 120_000);
        expect(d.find(x => x.code === 'data-pg-client-unavailable')!.range.start.line).toBe(0);
    }, 180_000);

    test('non-trigger: without a connection nothing is attempted; untrusted with PG* variables neither', async () => {
        const text = tableMonitor('        postcode text\n        \n');
        const plain = await open(text, { env: {} });
        const d = await plain.client.waitForDiagnostics(plain.uri, ds => codes(ds).includes('data-table-source-needs-postgres'), 120_000);
        expect(codes(d)).not.toContain('data-missing-column');
        // Told how to have the editor compute it.
        expect(d.find(x => x.code === 'data-table-source-needs-postgres')!.message).toContain('monitor.postgres.urlEnv');
        const unset = await open(text, { env: {}, initOptions: { postgresUrlEnv: 'MONITOR_TEST_PG_URL' } });
        const d2 = await unset.client.waitForDiagnostics(unset.uri, ds => codes(ds).includes('data-table-source-needs-postgres'), 120_000);
        expect(codes(d2)).not.toContain('data-missing-column');
        const untrusted = await open(text, { env: cluster.env('idle_probe', 'idle-pw'), trusted: false });
        const at = positionOf(text, '        postcode text');
        const list = await untrusted.client.request<{ items: { label: string }[] }>('textDocument/completion', {
            textDocument: { uri: untrusted.uri }, position: { line: at.line + 1, character: 8 },
        });
        expect(list.items.some(i => i.label === 'leeftijd')).toBe(false);
        await untrusted.client.waitForDiagnostics(untrusted.uri, () => true, 30_000);
        expect(codes(untrusted.client.diagnostics.get(untrusted.uri) ?? []).filter(c => c.startsWith('data-'))).toEqual([]);
        // The server never logged in as the untrusted workspace's role.
        expect(cluster.log()).not.toMatch(/user=idle_probe/);
    }, 180_000);
});
