/** The language server's entry point: the polyfill first (Langium needs Object.groupBy), then stdio. */
import './polyfill.js';
import { startMonitorServer } from './start-server.js';

startMonitorServer();
