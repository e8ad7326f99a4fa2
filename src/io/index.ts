/**
 * Input and output: CSV and JSON records to validated models, platform-neutral.
 *
 * This area is not built yet; the entry point exists so that imports resolve.
 * @module io
 */
export {};
