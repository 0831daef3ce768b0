/** Compares planned results with independently hand-written SQL, printing the generated SQL on failure. */
import { explainSql, planIndicators, POSTGRES } from '@monitor/compiler';
import type { Grain, ProgramIR, ResultRow } from '@monitor/ir';
import { expect } from 'vitest';
import type { Engine } from '../../src/engine-types.js';
import { executePlan } from '../../src/execute-plan.js';
import { postgresTwin } from './postgres-twin.js';

const STEP: Record<Grain, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const LABEL: Record<Grain, string> = {
    month: `strftime(ps, '%Y-%m')`,
    quarter: `strftime(ps, '%Y') || '-Q' || quarter(ps)`,
    'half-year': `strftime(ps, '%Y') || '-H' || CASE WHEN month(ps) <= 6 THEN 1 ELSE 2 END`,
    year: `strftime(ps, '%Y')`,
};

/**
 * A hand-made period list written differently from the compiler's periods CTE: a generate_series of
 * first days, each period's last day computed with interval arithmetic. Columns: period, ps, pe.
 */
export function handPeriods(grain: Grain, firstDay: string, lastStart: string): string {
    const n = STEP[grain];
    return `hp AS (
        SELECT ${LABEL[grain]} AS period, ps, CAST(ps + INTERVAL ${n} MONTH - INTERVAL 1 DAY AS DATE) AS pe
        FROM (SELECT CAST(g AS DATE) AS ps FROM generate_series(DATE '${firstDay}', DATE '${lastStart}', INTERVAL ${n} MONTH) AS t(g))
    )`;
}

/**
 * Runs the plan for the program and returns the actual rows of one indicator (on PostgreSQL too, when
 * a twin is attached: the same rows expected there).
 */
export async function runTotals(engine: Engine, program: ProgramIR, name: string): Promise<{ rows: ResultRow[]; sql: string }> {
    const plan = planIndicators(program);
    const rows = (await executePlan(engine, plan)).filter((r) => r.indicator === name && r.series === 'actual');
    // With a PostgreSQL twin attached (helpers/postgres-twin.ts), the same plan in its dialect gives the same rows there.
    const pg = postgresTwin();
    if (pg) {
        const pgPlan = planIndicators(program, { dialect: POSTGRES });
        const pgRows = (await executePlan(pg, pgPlan)).filter((r) => r.indicator === name && r.series === 'actual');
        expect(pgRows, `PostgreSQL SQL:\n${explainSql(pgPlan, name)}`).toEqual(rows);
    }
    return { rows, sql: explainSql(plan, name) };
}

/** Expects the indicator's total values per period to equal the hand-written query's `period, value`. */
export async function expectMatchesHand(engine: Engine, program: ProgramIR, name: string, handSql: string): Promise<void> {
    const { rows, sql } = await runTotals(engine, program, name);
    const expected = await engine.query(handSql);
    const actual = rows.filter((r) => Object.keys(r.dimensions).length === 0).map((r) => ({ period: r.period, value: r.value }));
    const want = expected.map((r) => ({ period: r.period, value: r.value === null ? null : Number(r.value) }));
    expect(want.length, 'the hand query returns periods').toBeGreaterThan(0);
    expect(actual, `generated SQL:\n${sql}\n\nhand SQL:\n${handSql}`).toEqual(want);
}
