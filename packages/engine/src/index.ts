export * from './engine-types.js';
export { createEngine, OFFLINE_SETTINGS } from './create-engine.js';
export { createNodeEngine } from './create-node-engine.js';
export { executePlan } from './execute-plan.js';
export { assessTargets, desiredDirection, targetStatus, trajectory } from './targets.js';
export { applyDisclosure, roundCount } from './disclosure.js';
export { breakdownChanges } from './breakdown-changes.js';
export { fileMissing } from './data-issues.js';
export { stripBom } from './load-source.js';
