export * from './audit-types.js';
export * from './audit-publication.js';
export * from './audit-text.js';
