/**
 * The preview of a monitor of database tables, with real parts end to end: the jeugd example's data
 * COPYed into a throwaway PostgreSQL cluster, the monitor reading it as table sources, the real
 * language server over LSP stdio computing it (`monitor/rows`), the host's own code asking for the
 * rows (`server-rows.ts`), and the preview bundle in headless Chromium under the panel's CSP drawing
 * them. Every card's rows equal `monitor run --engine postgres`; the page says which engine computed
 * what it shows; without a connection, or with the server down, a banner says what to set, and the
 * preview recovers when the server is back. Skips with a printed reason without PostgreSQL or
 * Chromium, except with MONITOR_REQUIRE_ALL=1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FlatRow, ProgramIR } from '@monitor/ir';
import { isRowsResult, type ExportMessage, type ServerComputed, type UpdateMessage } from '@monitor/protocol';
import { exampleMonitors, exampleProgram, testOutput, type ExampleProgram } from './example-program.js';
import { startLspClient, type LspClient } from './lsp-client.js';
import { postgresBin, startCluster, type PgCluster } from './postgres-cluster.js';
import { copyProgramData, monitorWith, withTableSources } from './postgres-examples.js';
import { CHROMIUM, openPreviewPage, type PreviewPage } from './preview-page.js';
import { requireTool } from './require-tool.js';
import { serverComputed } from '../packages/extension/src/preview/server-rows.js';

const bin = postgresBin();
const run = requireTool('PostgreSQL (postgresql-15: initdb, pg_ctl, psql)', bin !== null) && requireTool('chromium', fs.existsSync(CHROMIUM));
const JEUGD = exampleMonitors().find(f => f.endsWith('jeugd.monitor')) as string;

/** No PG* variable of the test's own environment reaches a server that should have no connection. */
const NO_PG = { PGHOST: '', PGPORT: '', PGDATABASE: '', PGUSER: '', PGPASSWORD: '', PGSERVICE: '' };

/** Parses the CSV of `rowsToCsv` (quoted fields only where needed). */
function parseCsv(text: string): Record<string, string>[] {
    const lines = text.trimEnd().split('\n').map(line => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map(m => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));
    const [head, ...rows] = lines;
    return rows.map(r => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const field = (v: FlatRow[string] | undefined) => (v === null || v === undefined ? '' : String(v));

describe.runIf(run)('the preview of a monitor of table sources, computed by PostgreSQL on the language server', () => {
    let cluster: PgCluster;
    let work: string;
    let file: string;
    let uri: string;
    let text: string;
    let preview: PreviewPage;
    let jeugd: ExampleProgram;
    const clients: LspClient[] = [];

    /** A language server on the workspace with `env`, the table monitor open. */
    async function server(env: Record<string, string>, initOptions: Record<string, unknown> = {}, trusted = true): Promise<LspClient> {
        const client = await startLspClient({ root: work, trusted, locale: 'en', env: { ...NO_PG, ...env }, initOptions });
        clients.push(client);
        client.open(file, text);
        return client;
    }

    /** What the panel host posts: the program from `monitor/program`, the rows from `monitor/rows` (host code). */
    async function hostUpdate(client: LspClient, lang: 'en' | 'nl' = 'en'): Promise<UpdateMessage & { server: ServerComputed }> {
        const { program: lowered } = await client.request<{ program: ProgramIR | null }>('monitor/program', { uri });
        expect(lowered).not.toBeNull();
        const { program, server: computed } = await serverComputed({ sendRequest: (m, p) => client.request(m, p) }, uri, lang);
        return { type: 'update', uri, lang, program: program ?? lowered, problem: null, files: [], unreadable: [], server: computed };
    }

    const rendered = async () => (await preview.posted()).filter(m => m.type === 'rendered').length;
    const engineLine = () => preview.page.locator('.engine-line').textContent();
    const bannerText = async () => (await preview.page.locator('.banner').isHidden()) ? '' : (await preview.page.locator('.banner').textContent()) ?? '';

    beforeAll(async () => {
        cluster = startCluster(bin!, ['log_connections=on']);
        jeugd = await exampleProgram(JEUGD);
        await copyProgramData(cluster, jeugd.program, 'pv_jeugd');
        work = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-preview-pg-'));
        fs.writeFileSync(path.join(work, '.monitor-root'), '');
        file = path.join(work, 'jeugd.monitor');
        text = withTableSources(fs.readFileSync(JEUGD, 'utf8'), 'pv_jeugd');
        fs.writeFileSync(file, text);
        uri = pathToFileURL(file).toString();
        preview = await openPreviewPage();
        await preview.waitFor('ready');
    }, 240_000);

    afterAll(async () => {
        for (const c of clients) await c.stop();
        await preview?.close();
        cluster?.destroy();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    test('every card shows the rows of monitor run --engine postgres, and the page says PostgreSQL computed them', async () => {
        const cli = await monitorWith(['run', file, '--engine', 'postgres', '--format', 'json'], cluster.env());
        expect(cli.code, cli.stderr).toBe(0);
        const expectedRows = JSON.parse(cli.stdout) as FlatRow[];
        expect(expectedRows.some(r => r.suppressed === true), 'jeugd has hidden cells').toBe(true);
        const client = await server(cluster.env());
        const update = await hostUpdate(client);
        expect(update.server.problems.filter(p => p.severity === 'error')).toEqual([]);
        expect(update.server.rows?.length).toBe(expectedRows.length);
        // What the host posts while it waits for the server: not a blank page, the status says so.
        await preview.send({ ...update, server: { engine: 'postgres', rows: null, problems: [] } });
        await preview.page.waitForFunction(() => document.querySelector('.status-line')?.textContent === 'Computing in PostgreSQL on the language server…');
        const before = await rendered();
        await preview.send(update);
        await preview.waitFor('rendered', before + 1);
        expect(await engineLine()).toContain('Computed by PostgreSQL on the language server');
        expect(await preview.page.locator('.status-line').textContent()).toBe('');
        expect(await bannerText()).toBe('');
        const program = update.program as ProgramIR;
        expect(program.indicators.length).toBeGreaterThan(3);
        for (const indicator of program.indicators) {
            const exports = (await preview.posted()).filter(m => m.type === 'export').length;
            await preview.page.locator(`#indicator-${indicator.name} [data-export="csv"]`).click();
            const [message] = (await preview.waitFor('export', exports + 1)).slice(-1) as ExportMessage[];
            const shown = parseCsv(message.content);
            const expected = expectedRows.filter(r => r.indicator === indicator.name);
            expect(shown.length, indicator.name).toBe(expected.length);
            expect(shown, indicator.name).toEqual(expected.map(r => Object.fromEntries(Object.keys(shown[0] ?? {}).map(k => [k, field(r[k])]))));
        }
        // The cards are the preview's own: target line and note on the jeugd chart of verblijf.
        const card = preview.page.locator('#indicator-verblijf');
        expect(await card.locator('.target_line_marks path').getAttribute('d')).toMatch(/^M[\d.,-]+L/);
        expect(await card.locator('.note_labels_marks text, .note_labels_end_marks text').first().textContent()).toContain('inkoopbeleid');
        await preview.page.screenshot({ path: testOutput('preview-postgres-jeugd.png'), fullPage: true });
        // In Dutch the line says so in Dutch.
        await preview.send({ ...update, lang: 'nl' });
        await preview.waitFor('rendered', before + 2);
        expect(await engineLine()).toContain('Berekend door PostgreSQL in de taalserver');
        expect(preview.violations).toEqual([]);
    });

    test('the same monitor on files says DuckDB-WASM computed it in the preview', async () => {
        const before = await rendered();
        await preview.send({ type: 'update', uri: `file://${JEUGD}`, lang: 'en', program: jeugd.program, problem: null, files: jeugd.files, unreadable: [] });
        await preview.waitFor('rendered', before + 1);
        expect(await engineLine()).toContain('Computed by DuckDB-WASM in this preview');
    });

    test('without a connection: a banner names the setting to set, over the last result; never a stack trace', async () => {
        const client = await server({});
        const update = await hostUpdate(client);
        expect(update.server.rows).toBeNull();
        expect(update.server.problems.map(p => p.code)).toContain('data-table-source-needs-postgres');
        await preview.send(update);
        await preview.page.waitForSelector('.banner:not([hidden])');
        const banner = await bannerText();
        expect(banner).toContain('PostgreSQL on the language server could not compute this monitor');
        expect(banner).toContain('monitor.postgres.urlEnv');
        expect(banner).toMatch(/Line \d+: /);
        expect(banner).not.toMatch(/\n\s+at |Error:/);
        // The last result stays under the banner, and still says who computed it.
        expect(await preview.page.locator('#indicator-verblijf .actual_points_marks path').count()).toBeGreaterThan(5);
    });

    test('with the database down: data-pg-unreachable at the table name, no password; it recovers when the server is back', async () => {
        const url = `postgresql://pg:${cluster.env().PGPASSWORD}@/postgres?host=${encodeURIComponent(cluster.dir)}&port=5432`;
        cluster.stop();
        let client: LspClient;
        let down: UpdateMessage & { server: ServerComputed };
        try {
            client = await server({ MONITOR_TEST_PG_URL: url }, { postgresUrlEnv: 'MONITOR_TEST_PG_URL' });
            down = await hostUpdate(client);
        } finally {
            cluster.start();
        }
        expect(down.server.rows).toBeNull();
        const unreachable = down.server.problems.find(p => p.code === 'data-pg-unreachable');
        expect(down.server.problems.map(p => `${p.code} ${p.message}`).join("\n")).toContain('data-pg-unreachable');
        const tableLines = text.split('\n').flatMap((l, i) => (l.includes('from table "pv_jeugd.') ? [i + 1] : []));
        expect(tableLines).toContain(unreachable?.line);
        expect(JSON.stringify(down)).not.toContain(cluster.env().PGPASSWORD);
        await preview.send(down);
        await preview.page.waitForFunction(() => document.querySelector('.banner:not([hidden])')?.textContent?.includes('could not compute'));
        // The server is back: the next update (an edit, a save, the restart) computes again.
        const back = await hostUpdate(client!);
        expect(back.server.problems.filter(p => p.severity === 'error')).toEqual([]);
        const before = await rendered();
        await preview.send(back);
        await preview.waitFor('rendered', before + 1);
        expect(await bannerText()).toBe('');
        expect(await engineLine()).toContain('Computed by PostgreSQL on the language server');
    });

    test('untrusted: the server connects to nothing and says why (data-rows-untrusted), even with PG* variables set', async () => {
        const connections = (cluster.log().match(/connection authorized/g) ?? []).length;
        expect(connections, 'the log shows connections (the COPY of the data)').toBeGreaterThan(0);
        const client = await server(cluster.env(), {}, false);
        const update = await hostUpdate(client);
        expect(update.server.rows).toBeNull();
        expect(update.server.problems.map(p => p.code)).toEqual(['data-rows-untrusted']);
        expect(update.server.problems[0].message).toContain('Trust the workspace');
        expect((cluster.log().match(/connection authorized/g) ?? []).length).toBe(connections);
    });

    test('the host refuses an answer of the wrong shape, and rows that skipped disclosure control', async () => {
        const bad = await serverComputed({ sendRequest: async () => ({ program: null, engine: 'postgres', rows: [{ indicator: 'x', units: 3 }], problems: [] }) as never }, uri, 'nl');
        expect(bad.server.rows).toBeNull();
        expect(bad.server.problems[0].message).toContain('De taalserver gaf geen rijen');
        const failing = await serverComputed({ sendRequest: async () => { throw new Error('Connection got disposed.'); } }, uri, 'en');
        expect(failing.server.problems[0].message).not.toContain('disposed');
        expect(isRowsResult({ program: null, engine: null, rows: null, problems: [] })).toBe(true);
    });
});
