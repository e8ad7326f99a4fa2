import { bench, describe } from 'vitest';
import { productAffinitiesUnchecked, recommendProductsUnchecked } from 'relmark/recommend';
import { recommendWorkload } from './recommendData.js';

// Issue 21 targets: 1,000,000 order lines / 100,000 baskets / 5,000 products: productAffinities at
// support 0.001 with maxItems 3 under 3 s; recommendProducts for 100,000 customers under 2 s.
// One-shot times with CPU seconds and the load average: `npx tsx bench/recommendData.ts`.
const once = { iterations: 2, warmupIterations: 0, time: 0 } as const;

describe('relmark/recommend on 1,000,000 lines, 100,000 baskets, 5,000 products', () => {
  const lines = recommendWorkload();
  const affinities = productAffinitiesUnchecked(lines, { minSupport: 0.001, minConfidence: 0.1, maxItems: 3 });
  const asOf = Date.parse('2024-07-01T00:00:00Z');

  bench('productAffinitiesUnchecked, support 0.001, confidence 0.1, maxItems 3 (target < 3 s)', () => {
    productAffinitiesUnchecked(lines, { minSupport: 0.001, minConfidence: 0.1, maxItems: 3 });
  }, once);

  bench('recommendProductsUnchecked, rules given, 100,000 customers, k 5 (target < 2 s)', () => {
    recommendProductsUnchecked(lines, { asOf, k: 5, affinities });
  }, once);

  bench("recommendProductsUnchecked, method 'itemCosine', 100,000 customers, k 5", () => {
    recommendProductsUnchecked(lines, { asOf, k: 5, method: 'itemCosine' });
  }, once);
});
