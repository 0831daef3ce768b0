export * from './start-server.js';
export * from './data-files.js';
export * from './data-paths.js';
export { SHOW_SQL_COMMAND, EXPORT_ROWS_COMMAND } from './monitor-command-handler.js';
export { OPEN_PREVIEW_COMMAND } from './monitor-code-lens-provider.js';
export { describeIndicator } from './describe-indicator.js';
export { targetText } from './indicator-summary.js';
export * from './cellkey-secret.js';
