/**
 * The reference for `monitor run` on a large source (bench/first-number.mjs): what an analyst would
 * write by hand in Node — load the episode CSV and the population CSV into native DuckDB with their
 * column types, run one hand-written query (`verblijf` of examples/jeugd, bench/hand-queries.mjs), print
 * its rows. No checks, no disclosure control, no periods from a file: the floor for one number.
 * `node bench/hand-script.mjs EPISODES.csv POPULATION.csv [INDICATOR]`
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { HAND_QUERIES } from './hand-queries.mjs';

const [episodes, population, indicator = 'verblijf'] = process.argv.slice(2);
const text = (file) => `'${file.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run(`CREATE TABLE src_trajecten AS SELECT * FROM read_csv(${text(episodes)}, header = true, columns = {
    'client_id': 'VARCHAR', 'productcategorie': 'VARCHAR', 'voorziening': 'VARCHAR', 'begindatum': 'DATE',
    'einddatum': 'DATE', 'wijk': 'VARCHAR', 'status': 'VARCHAR'})`);
await conn.run(`CREATE TABLE src_jongeren AS SELECT * FROM read_csv(${text(population)}, header = true,
    columns = {'peildatum': 'DATE', 'wijk': 'VARCHAR', 'aantal': 'BIGINT'})`);
const reader = await conn.runAndReadAll(HAND_QUERIES[indicator]);
process.stdout.write(`${JSON.stringify(reader.getRowObjectsJson())}\n`);
conn.closeSync();
instance.closeSync();
