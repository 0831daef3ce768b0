/** The PostgreSQL entry point: the engine that runs plans in the PostgreSQL dialect on a server (`pg`). */
export { createPostgresEngine, type PostgresEngineOptions } from './create-postgres-engine.js';
export { checkTableSource, qualifiedName } from './postgres-catalog.js';
export { readTableColumns, type CatalogueColumn } from './postgres-table-columns.js';
