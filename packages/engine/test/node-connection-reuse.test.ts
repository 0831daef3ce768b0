/**
 * The Node engine keeps one reset DuckDB-WASM instance for the next connection of the process: the
 * next connection must see nothing of the one before — no table, no setting of the lock-down, no
 * registered file.
 */
import { expect, test } from 'vitest';
import { createNodeConnection } from '../src/node-connection.js';

test('a connection after a closed one sees no table, no lock-down and no file of it', async () => {
    const first = await createNodeConnection();
    await first.registerFile('secret.csv', new TextEncoder().encode('x\n42\n'));
    await first.query(`CREATE TABLE kept AS SELECT * FROM read_csv('secret.csv')`);
    await first.query('SET enable_external_access = false; SET lock_configuration = true;');
    await first.close();

    const next = await createNodeConnection();
    try {
        expect(await next.query(`SELECT count(*)::INTEGER AS n FROM information_schema.tables`)).toEqual([{ n: 0 }]);
        expect(await next.query(`SELECT current_setting('enable_external_access') AS e, current_setting('lock_configuration') AS l`))
            .toEqual([{ e: true, l: false }]);
        await expect(next.query(`SELECT * FROM read_csv('secret.csv')`)).rejects.toThrow(/No files found/);
        // The same name registered again reads the new bytes.
        await next.registerFile('secret.csv', new TextEncoder().encode('x\n7\n'));
        expect(await next.query(`SELECT x::INTEGER AS x FROM read_csv('secret.csv')`)).toEqual([{ x: 7 }]);
    } finally {
        await next.close();
    }
});
