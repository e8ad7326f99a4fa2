/**
 * Personalisation: which products customers buy together (association rules with support,
 * confidence, lift, leverage and conviction), what to offer each customer next with the evidence,
 * and the `cross_sell` contact candidates that `planContacts` arbitrates.
 * @module recommend
 */
export * from './productAffinities.js';
export * from './recommendProducts.js';
export * from './recommendationCandidates.js';
