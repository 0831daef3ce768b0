export type { IndicatorPlan, Plan, PlanPeriod, ReferencePlan, SeriesQuery } from '@monitor/ir';
export * from './plan-indicators.js';
export * from './explain-sql.js';
export * from './compile-measure.js';
export * from './compile-condition.js';
export * from './sql-text.js';
export { columnExpressionSql, sourceTable } from './column-expression-sql.js';
export { monitorPeriods, periodsCte } from './periods-cte.js';
export * from './data-probes.js';
