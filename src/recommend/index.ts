/**
 * Personalisation: which products customers buy together (association rules with support,
 * confidence, lift, leverage and conviction), what to offer each customer next with the evidence,
 * and the `cross_sell` contact candidates that `planContacts` arbitrates.
 * @module recommend
 */
export {
  productAffinities,
  productAffinitiesUnchecked,
  type AssociationRule,
  type ProductAffinities,
  type ProductAffinitiesOptions,
} from './productAffinities.js';
export {
  recommendProducts,
  recommendProductsUnchecked,
  type CustomerRecommendations,
  type ProductRecommendation,
  type RecommendMethod,
  type RecommendProductsOptions,
  type RecommendProductsUncheckedOptions,
} from './recommendProducts.js';
export { recommendationCandidates, type RecommendationCandidatesOptions } from './recommendationCandidates.js';
export type { BasketKeyLine } from './basketColumns.js';
