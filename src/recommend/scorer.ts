/**
 * The shape shared by the two recommendation methods.
 * @internal
 * @module
 */
import type { ProductRecommendation } from './recommendProducts.js';

/**
 * Scores one customer at a time: `score` writes the candidate products (item, score, tie key) into
 * its typed arrays and returns how many there are; `explain` builds the evidence of one of them. No
 * object is built per candidate, only per recommendation kept. @internal
 */
export interface CustomerScorer {
  /**
   * Fills the candidates of the customer who owns `owned` (ascending item indices): never an item
   * with `blocked[item] === 1`, nor an owned item when `excludeOwned`.
   */
  score(owned: Int32Array, blocked: Uint8Array, excludeOwned: boolean): number;
  readonly items: Int32Array;
  readonly scores: Float64Array;
  readonly ties: Float64Array;
  explain(item: number): Omit<ProductRecommendation, 'rank' | 'sku'>;
}

/** "A", "A and B", "A, B and C". @internal */
export function listItems(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}
