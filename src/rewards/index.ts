/**
 * Rewards: loyalty-points ledgers and tiers.
 *
 * This area is not built yet; the entry point exists so that imports resolve.
 * @module rewards
 */
export {};
