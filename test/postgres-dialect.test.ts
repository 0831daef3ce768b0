/**
 * The dialect layer without a server: DuckDB stays the default (the plan without options is the DuckDB
 * plan), and the PostgreSQL plan and probes of every example and of the feature fixture use none of
 * DuckDB's own functions or operators. The real server runs them in test/postgres-*.test.ts.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DUCKDB, planIndicators, planProbes, POSTGRES } from '@monitor/compiler';
import { ROOT } from './cli-helpers.js';
import { exampleMonitors, programOf } from './example-runs.js';

const FILES = [...exampleMonitors(), path.join(ROOT, 'test/fixtures/postgres-features/features.monitor')];
/** DuckDB-only spellings: printf, `//`, unnest(range(…)), last_day, year(), month(), median(), rowid, regexp_matches, levenshtein, INTERVAL (n) UNIT. */
const DUCKDB_ONLY = [/printf\(/, / \/\/ /, /unnest\(range/, /last_day\(/, /\byear\(/, /\bmonth\(/, /\bmedian\(/, /\browid\b/, /regexp_matches/, /levenshtein/, /INTERVAL \(/, /AS DOUBLE\)/];

describe.each(FILES)('the dialects of %s', (file) => {
    test('DuckDB is the default; the PostgreSQL plan and probes use nothing DuckDB-only', async () => {
        const program = await programOf(file);
        expect(planIndicators(program)).toEqual(planIndicators(program, { dialect: DUCKDB }));
        const pg = planIndicators(program, { dialect: POSTGRES });
        const sql = [...pg.indicators.flatMap((i) => [i.query?.sql ?? '', i.presence?.sql ?? '', ...i.references.map((r) => r.sql)]), ...(pg.labels ?? []).map((l) => l.sql)];
        const probes = planProbes(program, new Set(program.sources.map((s) => s.name)), { dialect: POSTGRES })
            .map((p) => (p.kind === 'value' ? `${p.countSql}\n${p.nearestSql ?? ''}` : p.sql));
        for (const text of [...sql, ...probes]) for (const bad of DUCKDB_ONLY) expect(text).not.toMatch(bad);
        expect(sql.join('\n')).toContain('generate_series(');
    });
});
