/** The language server's entry point: the polyfill first (Langium needs Object.groupBy), then stdio. */
import '@monitor/language/polyfill';
import { startMonitorServer } from './start-server.js';

startMonitorServer();
