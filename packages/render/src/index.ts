export { trendSpec, type TrendSpecOptions } from './trend-spec.js';
export { trendData, isTotalRow, type TrendDatum, type TrendKind, type TrendOptions } from './trend-data.js';
export { chartView } from './chart-view.js';
export { renderSvg } from './render-svg.js';
export { LIGHT_THEME, type ChartTheme } from './chart-theme.js';
export { statusLabel, chartWord, formatNumber, type Lang } from './labels.js';
export type { TopLevelSpec as ChartSpec } from 'vega-lite';
export { indicatorSummary, type IndicatorSummary } from './indicator-summary.js';
