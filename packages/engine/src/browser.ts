/**
 * The browser entry of the engine (`@monitor/engine/browser`): DuckDB-WASM in a Worker, plus the same
 * execution, targets and disclosure stages as the Node entry — one code path for CLI and preview.
 */
export * from './engine-types.js';
export { startBrowserDatabase, type BrowserDatabase, type BrowserDuckDBAssets } from './browser-database.js';
export { createEngine, OFFLINE_SETTINGS } from './create-engine.js';
export { executePlan } from './execute-plan.js';
export { assessTargets, desiredDirection, targetStatus, trajectory } from './targets.js';
export { applyDisclosure, roundCount } from './disclosure.js';
export { locateLinearSolver } from './lp-solver.js';
export { fileMissing } from './data-issues.js';
export { stripBom } from './load-source.js';
