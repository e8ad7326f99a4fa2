/**
 * Channel preference: reach each customer the way they prefer, never by a channel they refused.
 *
 * This area is not built yet; the entry point exists so that imports resolve.
 * @module channels
 */
export {};
