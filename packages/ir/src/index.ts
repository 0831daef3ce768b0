export * from './ir.js';
export * from './rows.js';
export * from './periods.js';
export * from './plan.js';
export * from './notes.js';
export * from './rows-csv.js';
export * from './perturbation.js';
