/**
 * Customer lifetime value: buy-till-you-die models fitted by maximum likelihood, and simple CLV formulas.
 *
 * This area is not built yet; the entry point exists so that imports resolve.
 * @module clv
 */
export {};
