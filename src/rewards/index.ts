/**
 * Rewards and relationship health: a loyalty-points ledger that never loses a point (balances,
 * expiry, idempotency, reversals, point-in-time queries), tiers and liability, and the relationship
 * measures (Kotler's relationship levels, the loyalty ladder, NPS, CSAT, service responsiveness).
 * @module rewards
 */
export * from './pointsPolicy.js';
export * from './pointsLedgerColumns.js';
export { parsePointsLedger, type ParsedPointsLedger } from './parsePointsLedger.js';
export * from './pointsBalanceUnchecked.js';
export * from './pointsBalance.js';
export * from './qualifyingActivity.js';
export * from './assignTier.js';
export { netPromoterScore, type NpsResult, type ScoreIntervalOptions } from './measures/netPromoterScore.js';
export { csatScore, type CsatResult } from './measures/csatScore.js';
export * from './measures/summarizeFeedback.js';
export * from './measures/relationshipLevels.js';
export * from './measures/recommendRelationshipLevel.js';
export * from './measures/referral.js';
export * from './measures/loyaltyLadder.js';
export * from './measures/serviceResponsiveness.js';
export * from './pointsLiability.js';
