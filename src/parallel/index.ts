/**
 * Parallel fits for Node.js: the likelihood and gradient of a transaction model evaluated over
 * shards of the (compressed) histories on worker threads, with results equal to the single-thread
 * fit. Node.js and ESM only (`import`, or `await import()` from CommonJS); not in the root `relmark`
 * entry point, which stays free of `node:` modules.
 * @module parallel
 */
export { fitBgNbdParallel } from './fitBgNbdParallel.js';
export type { FitBgNbdParallelOptions } from './fitBgNbdParallel.js';
