export * from './program-request.js';
export * from './rows-request.js';
export * from './messages.js';
export * from './validate-messages.js';
export * from './validate-rows.js';
export * from './status-notification.js';
