/**
 * RFM differentiation: recency, frequency and monetary summaries, scores and named segments.
 *
 * This area is not built yet; the entry point exists so that imports resolve.
 * @module rfm
 */
export {};
