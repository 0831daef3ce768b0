/**
 * Golden files per example: the IR, the SQL of every indicator (DuckDB, and PostgreSQL in
 * `<name>.postgres.sql`) and the safe rows, in
 * examples/<name>/golden/. A change to the language, compiler or engine shows in the diff of these
 * files; rewrite them with UPDATE_GOLDEN=1 and read the diff before committing it.
 * Spans keep their offsets but their URIs become paths relative to the repository, so the files are
 * the same on every machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { explainSql, planIndicators, POSTGRES } from '@monitor/compiler';
import { applyDisclosure, assessTargets } from '@monitor/engine';
import { flattenRow } from '@monitor/ir';
import { ROOT } from './cli-helpers.js';
import { exampleMonitors, programOf, rawRows } from './example-runs.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ROOT_URI = pathToFileURL(ROOT).href + '/';

/** JSON with every absolute file URI of this checkout replaced by a repository-relative path. */
function normalised(value: unknown): string {
    return JSON.stringify(value, (_key, v) => (typeof v === 'string' && v.startsWith(ROOT_URI) ? v.slice(ROOT_URI.length) : v), 2) + '\n';
}

/** Compares `text` with the golden file, or writes it when UPDATE_GOLDEN=1. */
function expectGolden(file: string, text: string): void {
    if (UPDATE || !fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        if (!UPDATE) throw new Error(`${path.relative(ROOT, file)} did not exist and was written; read it and run again.`);
        return;
    }
    expect(text, `${path.relative(ROOT, file)} differs; run with UPDATE_GOLDEN=1 and read the diff`).toBe(fs.readFileSync(file, 'utf8'));
}

describe.each(exampleMonitors())('golden files of %s', (file) => {
    const name = path.basename(file, '.monitor');
    const golden = (ext: string) => path.join(path.dirname(file), 'golden', `${name}.${ext}`);
    test(`${name}: IR, SQL and rows equal the golden files`, async () => {
        const program = await programOf(file);
        expectGolden(golden('ir.json'), normalised(program));
        const { plan, rows } = await rawRows(program);
        expectGolden(golden('sql'), plan.indicators.map((ip) => explainSql(plan, ip.indicator)).join('\n\n') + '\n');
        // The same IR in PostgreSQL's dialect (test/postgres-examples.test.ts runs it on a real server).
        const pg = planIndicators(program, { dialect: POSTGRES });
        expectGolden(golden('postgres.sql'), pg.indicators.map((ip) => explainSql(pg, ip.indicator)).join('\n\n') + '\n');
        const safe = assessTargets(program, await applyDisclosure(program, rows)).map(flattenRow);
        // One row per line: readable in a diff, and much smaller than pretty-printed JSON.
        expectGolden(golden('rows.json'), `[\n${safe.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
    });
});
