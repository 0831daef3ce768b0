/**
 * Issue 16, must-fix 2, over real LSP stdio: an error anywhere in a monitor used to remove every lens
 * value. Lenses and hover keep the last good computed values, marked "(last good result, 12:03)",
 * until a new analysis computes rows again.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, hoverText, openExample, positionOf as pos, type ExampleSession } from './lsp-client.js';

interface Lens { command: { title: string; command: string } }

async function valueLenses(session: ExampleSession): Promise<string[]> {
    const lenses = await session.client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: session.uri } });
    return lenses.filter(l => l.command.command === '').map(l => l.command.title);
}

for (const [locale, latest, marker] of [['en', 'latest', /\(last good result, \d\d:\d\d\)$/], ['nl', 'laatst', /\(laatste goede resultaat, \d\d:\d\d\)$/]] as const) {
    describe(`the last good values stay while the monitor has errors (${locale})`, () => {
        let session: ExampleSession;
        beforeAll(async () => { session = await openExample({ locale }); });
        afterAll(async () => session?.close());

        test('compute, break the file, and the lenses and hover still carry the values, marked; a fix drops the mark', async () => {
            const { client, file, text, uri } = session;
            const computed = new RegExp(`^${latest}: \\d`);
            await eventually(async () => JSON.stringify(await valueLenses(session)), new RegExp(`"${latest}: \\d[^"]*"(,"${latest}: \\d[^"]*"){5}`));
            const good = await valueLenses(session);
            expect(good).toHaveLength(6);
            expect(good.every(t => computed.test(t) && !marker.test(t)), good.join('\n')).toBe(true);

            // An unknown source in one indicator: the whole monitor has an error, nothing is computed.
            const broken = text.replace('from jongeren', 'from jongren');
            client.change(file, broken, 2);
            await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'unknown-source'));
            const kept = await valueLenses(session);
            expect(kept, kept.join('\n')).toHaveLength(6);
            kept.forEach((title, i) => {
                expect(title).toMatch(marker);
                expect(title.replace(marker, '').trim()).toBe(good[i]);
            });
            // Hover: the latest value first (right under the title), with the same mark.
            const hover = (await hoverText(client, uri, pos(broken, 'indicator verblijf', 10))).split('\n');
            expect(hover[2]).toMatch(computed);
            expect(hover[2]).toMatch(marker);

            // Fixed: a new analysis computes rows, and the mark goes.
            client.change(file, text, 3);
            await client.waitForDiagnostics(uri, d => d.every(x => x.severity !== 1));
            const fresh = JSON.parse(await eventually(async () => JSON.stringify(await valueLenses(session)),
                new RegExp(`^(?![\\s\\S]*(last good result|laatste goede resultaat))\\["${latest}: \\d`))) as string[];
            expect(fresh).toEqual(good);
            expect(client.process.exitCode).toBeNull();
        });
    });
}
