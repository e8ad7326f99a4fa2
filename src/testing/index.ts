/**
 * fast-check arbitraries for every relmark model, so that other projects can property-test
 * against relmark. Needs the optional peer dependency `fast-check`.
 * @module testing
 */
export {};
export * from './rewards.js';
