import type { Engine, SqlConnection } from '../src/engine-types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../src/create-node-engine.js';
import { loadSource } from '../src/load-source.js';
import { createNodeConnection } from '../src/node-connection.js';
import { col, source } from './helpers/program.js';
import type { SourceIR } from '@monitor/ir';

let engine: Engine;
beforeAll(async () => { engine = await createNodeEngine(); });
afterAll(async () => { await engine.close(); });

const zorg = source('zorg', { kind: 'events', date: 'datum', key: null }, [
    col('datum', 'date'), col('wijk', 'text'), col('bedrag', 'decimal', true), col('aantal', 'integer', true), col('actief', 'boolean', true),
]);
const load = (s: SourceIR, text: string | Uint8Array) => engine.loadSource(s, typeof text === 'string' ? new TextEncoder().encode(text) : text);

describe('the data stage', () => {
    it('loads a valid file into a typed table', async () => {
        expect(await load(zorg, 'datum,wijk,bedrag,aantal,actief\n2024-02-29,Noord,1.5,3,ja\n2024-03-01,Zuid,,,nee\n')).toEqual([]);
        expect(await engine.query('SELECT * FROM src_zorg ORDER BY datum')).toEqual([
            { datum: '2024-02-29', wijk: 'Noord', bedrag: 1.5, aantal: 3, actief: true },
            { datum: '2024-03-01', wijk: 'Zuid', bedrag: null, aantal: null, actief: false },
        ]);
    });
    it('reads a good episodes file in full once; only with episodes that end before they start once more, for the first line', async () => {
        // The engine's own connection on a fresh DuckDB-WASM, recording every statement it is sent.
        const conn = await createNodeConnection();
        const sent: string[] = [];
        const recording: SqlConnection = { ...conn, query: (sql) => { sent.push(sql); return conn.query(sql); } };
        const ep = source('ep', { kind: 'episodes', start: 'begin', end: 'eind', key: null }, [col('begin', 'date'), col('eind', 'date', true)]);
        const bytes = (text: string) => new TextEncoder().encode(text);
        // The header's DESCRIBE reads a sample; every other read_csv reads the whole file.
        const fullReads = () => sent.filter((sql) => sql.includes('read_csv(') && !sql.includes('DESCRIBE')).length;
        try {
            expect(await loadSource(recording, ep, bytes('begin,eind\n2024-01-01,2024-02-01\n2024-03-01,\n'), 'ep.csv')).toEqual([]);
            expect(fullReads()).toBe(1);
            expect(await recording.query('SELECT count(*) AS n FROM src_ep')).toEqual([{ n: 2 }]);
            sent.length = 0;
            const issues = await loadSource(recording, ep, bytes('begin,eind\n2024-01-01,2024-02-01\n2024-03-01,2024-02-01\n2024-04-01,2024-01-01\n'), 'ep.csv');
            expect(issues.map((i) => [i.code, i.message])).toEqual([['data-end-before-start', expect.stringMatching(/^2 episode\(s\) .*data row 2 \(line 3\)/)]]);
            expect(fullReads()).toBe(2);
        } finally {
            await conn.close();
        }
    });
    it('names a missing column, lists the file columns and suggests the closest one', async () => {
        const issues = await load(zorg, 'datum,Wijken,bedrag,aantal,actief\n2024-01-01,Noord,1,1,1\n');
        expect(issues).toMatchObject([{ code: 'data-missing-column', severity: 'error', span: zorg.columns[1].span }]);
        expect(issues[0].message).toContain('"wijk"');
        expect(issues[0].message).toContain('"Wijken"');
        expect(issues[0].hint).toContain('Did you mean "Wijken"?');
        expect(issues[0].messageNl).toContain('heeft geen kolom');
    });
    it('suggests a header with an accent between backticks, as it must be written (issue 13, failure 5)', async () => {
        const w = source('w', { kind: 'table', key: null }, [col('WmoClienten', 'integer', true)]);
        const issues = await load(w, 'regio;WmoCliënten\nGM0034;10\n'.replaceAll(';', ','));
        expect(issues.map((i) => i.code)).toEqual(['data-missing-column']);
        expect(issues[0].hint).toContain('Did you mean "WmoCliënten"? Write it between backticks: `WmoCliënten`.');
        expect(issues[0].hintNl).toContain('`WmoCliënten`');
        // A plain header needs no backticks.
        const plain = await load(w, 'regio,WmoClienten_95\nGM0034,10\n');
        expect(plain[0].hint).not.toContain('backticks');
    });
    it('reports the first row and value that do not fit the declared type', async () => {
        const issues = await load(zorg, 'datum,wijk,bedrag,aantal,actief\n2024-01-01,N,1,1,ja\n2024-01-02,N,1,1.5,ja\n2024-02-30,N,x,2,misschien\n');
        expect(issues.map((i) => [i.code, i.message])).toEqual([
            ['data-type-mismatch', expect.stringContaining('data row 3 (line 4) holds "2024-02-30"')],
            ['data-type-mismatch', expect.stringContaining('data row 3 (line 4) holds "x"')],
            ['data-type-mismatch', expect.stringContaining('data row 2 (line 3) holds "1.5"')],
            ['data-type-mismatch', expect.stringContaining('data row 3 (line 4) holds "misschien"')],
        ]);
        expect(await engine.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'src_zorg'`)).toEqual([{ n: 0 }]);
    });
    it('reads ISO dates with blanks around them and rejects dates that only look alike', async () => {
        const d = source('d', { kind: 'events', date: 'datum', key: null }, [col('datum', 'date'), col('eind', 'date', true)]);
        expect(await load(d, 'datum,eind\n 2024-02-29 ,\n2024-03-01,  2024-03-02\n')).toEqual([]);
        expect(await engine.query('SELECT * FROM src_d ORDER BY datum')).toEqual([
            { datum: '2024-02-29', eind: null }, { datum: '2024-03-01', eind: '2024-03-02' },
        ]);
        const issues = await load(d, 'datum,eind\n2024-01-01,2024-1-05\n２０２４-01-01,\n');
        expect(issues.map((i) => i.message)).toEqual([
            expect.stringContaining('data row 2 (line 3) holds "２０２４-01-01"'),
            expect.stringContaining('data row 1 (line 2) holds "2024-1-05"'),
        ]);
    });
    it('reports a missing value in a required column', async () => {
        const issues = await load(zorg, 'datum,wijk,bedrag,aantal,actief\n2024-01-01,,1,1,ja\n');
        expect(issues).toMatchObject([{ code: 'data-null-in-required', span: zorg.columns[1].span }]);
        expect(issues[0].message).toContain('data row 1 (line 2)');
    });
    it('reports an empty file and a file with only a header', async () => {
        expect(await load(zorg, '')).toMatchObject([{ code: 'data-empty', span: zorg.span }]);
        expect(await load(zorg, '\n \n')).toMatchObject([{ code: 'data-empty' }]);
        const headerOnly = await load(zorg, 'datum,wijk,bedrag,aantal,actief\n');
        expect(headerOnly).toMatchObject([{ code: 'data-empty' }]);
        expect(headerOnly[0].message).toContain('header but no data rows');
    });
    it('strips a byte-order mark before reading the header', async () => {
        const text = new TextEncoder().encode('datum,wijk,bedrag,aantal,actief\n2024-01-01,N,1,1,ja\n');
        expect(await load(zorg, new Uint8Array([0xef, 0xbb, 0xbf, ...text]))).toEqual([]);
    });
    it('reads semicolons, decimal commas, null markers and a date format', async () => {
        const nl = source('nl', { kind: 'events', date: 'datum', key: null }, [col('datum', 'date'), col('bedrag', 'decimal', true), col('aantal', 'integer', true)],
            { csv: { delimiter: ';', decimalComma: true, header: true, nulls: ['.', '-99997'], dateFormat: '%d-%m-%Y' } });
        expect(await load(nl, 'datum;bedrag;aantal\n29-02-2024;1,25;-99997\n01-03-2024;.;7\n')).toEqual([]);
        expect(await engine.query('SELECT * FROM src_nl ORDER BY datum')).toEqual([
            { datum: '2024-02-29', bedrag: 1.25, aantal: null },
            { datum: '2024-03-01', bedrag: null, aantal: 7 },
        ]);
    });
    it('says that JSON cannot be read yet', async () => {
        expect(await load({ ...zorg, format: 'json' }, '[]')).toMatchObject([{ code: 'data-format-unsupported' }]);
    });
    it('reports a file that is not valid Parquet as unreadable Parquet', async () => {
        const [issue] = await load({ ...zorg, format: 'parquet' }, 'PAR1');
        expect(issue).toMatchObject({ code: 'data-unreadable', message: expect.stringContaining('could not be read as Parquet') });
        expect(issue.hint).toContain('Parquet');
    });
    it('reports a file that is not valid CSV as unreadable', async () => {
        expect(await load(zorg, 'datum,wijk,bedrag,aantal,actief\n2024-01-01,"N,1,1,ja\n')).toMatchObject([{ code: 'data-unreadable' }]);
    });
    it('locks file access and configuration', async () => {
        const other = await createNodeEngine();
        await other.lock();
        await expect(other.query(`SET enable_external_access = true`)).rejects.toThrow();
        await expect(other.query(`COPY (SELECT 1) TO 'x.csv'`)).rejects.toThrow();
        await other.close();
    });
});
