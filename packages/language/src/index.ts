export * from './monitor-module.js';
export * from './monitor-formatter.js';
export * from './messages.js';
export * from './lower-program.js';
export * from './imports.js';
export * from './suggest.js';
export * as ast from './generated/ast.js';
export * from './load-documents.js';
export * from './quote-name.js';
