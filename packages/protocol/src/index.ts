export * from './program-request.js';
export * from './messages.js';
export * from './validate-messages.js';
export * from './status-notification.js';
