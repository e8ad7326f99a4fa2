/**
 * fast-check arbitraries for every relmark model, so that other projects can property-test
 * against relmark. Needs the optional peer dependency `fast-check`.
 * @module testing
 */
export * from './arbitraries.js';
export * from './rfm.js';
export * from './clv.js';
export * from './channels.js';
export * from './contact.js';
export * from './rewards.js';
export * from './summaries.js';
export * from './clvDiscrete.js';
export * from './recommend.js';
