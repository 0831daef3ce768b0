/** The native entry point: native DuckDB (`@duckdb/node-api`, optional) instead of DuckDB-WASM. */
export { createNativeEngine } from './create-native-engine.js';
export { createNativeConnection, QueryInterruptedError, QueryTimeoutError, type NativeConnectionOptions } from './native-connection.js';
