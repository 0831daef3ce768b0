/**
 * Column completion from a Parquet source over real LSP stdio: the server reads the file's footer
 * (no row data) and offers the columns the source does not declare yet, with their monitor type.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLspClient, type LspClient } from './lsp-client.js';

const MONITOR = `monitor m { title "Parquet" grain quarter range 2024-Q1 .. 2024-Q4 privacy none "testgegevens" }
source zorg from "data/zorg.parquet" {
    episodes start begindatum end einddatum key client_id
    columns {
        client_id text
        
    }
}
`;

describe('language server on a Parquet source', () => {
    let dir: string;
    let client: LspClient;
    let uri: string;

    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-lsp-parquet-'));
        fs.mkdirSync(path.join(dir, 'data'));
        const buffer = parquetWriteBuffer({
            columnData: [
                { name: 'client_id', data: ['a', 'b'] },
                { name: 'begindatum', data: [new Date('2024-01-05T00:00:00Z'), new Date('2024-02-01T00:00:00Z')] },
                { name: 'einddatum', data: [null, new Date('2024-03-01T00:00:00Z')] },
                { name: 'uren', data: [12, 40] },
                { name: 'tarief', data: [51.5, 60.25] },
            ],
            schema: [
                { name: 'root', num_children: 5 },
                { name: 'client_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
                { name: 'begindatum', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' },
                { name: 'einddatum', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
                { name: 'uren', type: 'INT32', repetition_type: 'REQUIRED' },
                { name: 'tarief', type: 'DOUBLE', repetition_type: 'REQUIRED' },
            ],
        });
        fs.writeFileSync(path.join(dir, 'data/zorg.parquet'), new Uint8Array(buffer));
        fs.writeFileSync(path.join(dir, 'm.monitor'), MONITOR);
        client = await startLspClient({ root: dir, trusted: true, locale: 'en' });
        uri = client.open(path.join(dir, 'm.monitor'), MONITOR);
    });
    afterAll(async () => {
        await client?.stop();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('completion inside columns offers the undeclared Parquet columns with their types', async () => {
        const line = MONITOR.split('\n').findIndex(l => l.includes('client_id text')) + 1;
        const list = await client.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', {
            textDocument: { uri }, position: { line, character: 8 },
        });
        const detail = (label: string) => list.items.find(i => i.label === label)?.detail;
        expect([detail('begindatum'), detail('einddatum'), detail('uren'), detail('tarief')]).toEqual(['date', 'date?', 'integer', 'decimal']);
        expect(list.items.some(i => i.label === 'client_id')).toBe(false);
    });
});
