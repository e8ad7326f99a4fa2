/**
 * relmark: relationship-marketing analytics as pure functions over typed models.
 *
 * The root entry point re-exports every area except `relmark/testing` (which needs the optional
 * peer fast-check) and `relmark/parallel` (Node.js worker threads, ESM only). Each area is also a
 * subpath of its own (`relmark/models`, `relmark/rfm`, `relmark/clv`, …) with a smaller type surface;
 * each function's page names the subpath to import it from.
 * @module relmark
 */
export * from './errors/index.js';
export * from './models/index.js';
export * from './rfm/index.js';
export * from './clv/index.js';
export * from './contact/index.js';
export * from './channels/index.js';
export * from './rewards/index.js';
export * from './io/index.js';
export * from './summaries/index.js';
export * from './sql/index.js';
export * from './recommend/index.js';
export * from './cohorts/index.js';
export * from './report/index.js';
