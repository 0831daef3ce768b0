/**
 * The server's initialization options over real LSP stdio: `privacyMinimum` raises (never lowers) the
 * monitor's minimum in hover, lenses and `monitor/program`; `maxRows` and `timeoutSeconds` stop an
 * analysis with a clear diagnostic and hover text; lenses are refreshed when an analysis finishes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, startLspClient, type LspClient } from './lsp-client.js';

const HEADER = 'monitor t {\n    grain year\n    range 2020 .. 2021\n';
const BODY = `source meldingen from "m.csv" {
    events on datum
    columns { datum date  wijk text }
}
indicator aantal { title "Aantal" value count from meldingen }
`;
/** No privacy rules on purpose (`privacy none`): 12 events in 2020 (the last full year of data). */
const OPEN = `${HEADER}    privacy none "testgegevens"\n}\n${BODY}`;
/** Its own minimum of 13 hides the 12. */
const STRICT = `${HEADER}    privacy { minimum 13 round 1 }\n}\n${BODY}`;

function workspace(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-settings-'));
    const rows = [...Array.from({ length: 12 }, (_, i) => `2020-0${1 + (i % 9)}-1${i % 9},noord`),
        ...Array.from({ length: 14 }, (_, i) => `2021-0${1 + (i % 9)}-1${i % 9},zuid`)];
    fs.writeFileSync(path.join(dir, 'm.csv'), ['datum,wijk', ...rows].join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'open.monitor'), OPEN);
    fs.writeFileSync(path.join(dir, 'strict.monitor'), STRICT);
    return dir;
}

/** On the indicator's name in a text. */
const indicatorIn = (text: string) => ({ line: text.split('\n').findIndex(l => l.startsWith('indicator')), character: 12 });
const AT_INDICATOR = indicatorIn(OPEN);

async function hoverText(client: LspClient, uri: string, position = AT_INDICATOR): Promise<string> {
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
    return hover?.contents.value ?? '';
}

async function lensTitles(client: LspClient, uri: string): Promise<string> {
    const lenses = await client.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    return lenses.map(l => l.command.title).join(' | ');
}


type Privacy = { minimum: number; round: number } | null;
async function programPrivacy(client: LspClient, uri: string): Promise<Privacy> {
    const result = await client.request<{ program: { monitor: { privacy: Privacy } } | null }>('monitor/program', { uri });
    return result.program?.monitor.privacy ?? null;
}

describe('initialization options over stdio', () => {
    let dir: string;
    const clients: LspClient[] = [];
    const start = async (options: Parameters<typeof startLspClient>[0]) => {
        const client = await startLspClient(options);
        clients.push(client);
        return client;
    };
    const open = (client: LspClient, name: string) => client.open(path.join(dir, name), fs.readFileSync(path.join(dir, name), 'utf8'));

    beforeAll(() => { dir = workspace(); });
    afterAll(async () => {
        await Promise.all(clients.map(c => c.stop()));
        fs.rmSync(dir, { recursive: true, force: true });
    });

    test('a privacy minimum above the count hides it in hover, lenses and monitor/program', async () => {
        const client = await start({ root: dir, initOptions: { privacyMinimum: 20 } });
        const uri = open(client, 'open.monitor');
        expect(await eventually(() => hoverText(client, uri), /latest: (?!being)/)).toContain('latest: no value yet');
        expect(await lensTitles(client, uri)).toContain('latest: no value yet');
        expect(await programPrivacy(client, uri)).toEqual({ minimum: 20, round: 1 });
        const strict = open(client, 'strict.monitor');
        expect(await programPrivacy(client, strict)).toEqual({ minimum: 20, round: 1 });
    });

    test('a privacy minimum below the file\'s own never lowers it; below the count the value shows', async () => {
        const client = await start({ root: dir, initOptions: { privacyMinimum: 5 } });
        const uri = open(client, 'open.monitor');
        expect(await eventually(() => hoverText(client, uri), /latest: (?!being)/)).toContain('latest: 12 (2020)');
        expect(await programPrivacy(client, uri)).toEqual({ minimum: 5, round: 1 });
        const strict = open(client, 'strict.monitor');
        expect(await programPrivacy(client, strict)).toEqual({ minimum: 13, round: 1 });
        expect(await eventually(() => hoverText(client, strict, indicatorIn(STRICT)), /latest: (?!being)/)).toContain('latest: no value yet');
    });

    test('a data file over maxRows is not loaded: a diagnostic at its path and a hover that says why, in Dutch', async () => {
        const client = await start({ root: dir, locale: 'nl', initOptions: { maxRows: 20 } });
        const uri = open(client, 'open.monitor');
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'data-too-large'));
        const d = diagnostics.find(x => x.code === 'data-too-large')!;
        expect(d.range.start).toEqual({ line: OPEN.split('\n').findIndex(l => l.includes('"m.csv"')), character: 22 });
        expect(d.message).toContain("heeft ongeveer 26 rijen, meer dan de 20 waarmee de editor rekent");
        expect(d.message).toContain("monitor.engine.maxRows");
        expect(await eventually(() => hoverText(client, uri), /laatst: (?!wordt)/))
            .toContain('laatst: niet berekend: een databestand heeft meer rijen dan de instelling monitor.engine.maxRows toestaat');
    });

    test('an analysis over timeoutSeconds is stopped with a diagnostic and a hover that says why', async () => {
        const client = await start({ root: dir, initOptions: { timeoutSeconds: 0.001 } });
        const uri = open(client, 'open.monitor');
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'data-timeout'));
        expect(diagnostics.find(x => x.code === 'data-timeout')!.message).toMatch(/^Computing this monitor took longer than 0\.001 s and was stopped\. Raise the setting 'monitor\.engine\.timeoutSeconds'/);
        expect(await eventually(() => hoverText(client, uri), /latest: (?!being)/))
            .toContain('latest: not computed: it took longer than 0.001 s (setting monitor.engine.timeoutSeconds)');
        // The server still answers after the worker was stopped.
        expect(await lensTitles(client, uri)).toContain('Preview');
    });
});

describe('code lens refresh over stdio', () => {
    let dir: string;
    const clients: LspClient[] = [];
    beforeAll(() => { dir = workspace(); });
    afterAll(async () => {
        await Promise.all(clients.map(c => c.stop()));
        fs.rmSync(dir, { recursive: true, force: true });
    });

    test('a client with refreshSupport is asked to refresh lenses when the analysis finishes', async () => {
        const client = await startLspClient({ root: dir, lensRefresh: true });
        clients.push(client);
        const file = path.join(dir, 'open.monitor');
        const uri = client.open(file, OPEN);
        // Lenses asked before the value exists say it is being computed ...
        await client.waitForDiagnostics(uri, () => true);
        await eventually(async () => String(client.lensRefreshes()), /^[1-9]/);
        // ... and after the refresh request the same lens request shows the value, without an edit.
        expect(await lensTitles(client, uri)).toContain('latest: 12 (2020)');
    });

    test('a client without refreshSupport is never sent the request', async () => {
        const client = await startLspClient({ root: dir });
        clients.push(client);
        const uri = client.open(path.join(dir, 'open.monitor'), OPEN);
        await eventually(() => lensTitles(client, uri), /latest: 12/);
        expect(client.lensRefreshes()).toBe(0);
    });
});
