/**
 * Contact-frequency balancing: never bombard a customer, never forget one.
 *
 * This area is not built yet; the entry point exists so that imports resolve.
 * @module contact
 */
export {};
