import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { basketLinesArbitrary } from '../testing/recommend.js';
import { recommendProducts, type RecommendProductsOptions } from './recommendProducts.js';

const lines = basketLinesArbitrary({ maxBaskets: 16, products: 7, maxBasketSize: 4, customers: 5 });
const options = fc.record({
  k: fc.integer({ min: 1, max: 4 }),
  exclude: fc.constantFrom('purchased' as const, 'none' as const),
  method: fc.constantFrom('rules' as const, 'itemCosine' as const),
  notRecommendable: fc.subarray(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']),
});
const asOf = '2024-06-01';

test.prop([lines, options])('recommendations never contain an excluded or not-recommendable product, and hold at most k distinct products ranked 1…k', (rows, o) => {
  const result = recommendProducts(rows, { asOf, ...o });
  for (const entry of result) {
    const owned = new Set(rows.filter((r) => r.customerId === entry.customerId).map((r) => r.sku));
    const skus = entry.recommendations.map((r) => r.sku);
    expect(new Set(skus).size).toBe(skus.length);
    expect(skus.length).toBeLessThanOrEqual(o.k);
    expect(entry.recommendations.map((r) => r.rank)).toEqual(skus.map((_, i) => i + 1));
    for (const sku of skus) {
      expect(o.notRecommendable).not.toContain(sku);
      if (o.exclude === 'purchased') expect(owned.has(sku)).toBe(false);
    }
    for (const r of entry.recommendations) for (const b of r.basis) expect(owned.has(b)).toBe(true);
    const scores = entry.recommendations.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  }
});

test.prop([lines, options, fc.integer()])('permuting the lines changes nothing, and the input is not mutated', (rows, o, seed) => {
  const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
  const before = structuredClone(frozen);
  const shuffled = fc.sample(fc.shuffledSubarray([...frozen], { minLength: frozen.length, maxLength: frozen.length }), { numRuns: 1, seed })[0] ?? [];
  const opts: RecommendProductsOptions = { asOf, ...o };
  expect(recommendProducts(shuffled, opts)).toEqual(recommendProducts(frozen, opts));
  expect(frozen).toEqual(before);
});

test.prop([lines])("every rules recommendation is backed by a rule whose antecedent the customer bought, with lift above 1", (rows) => {
  for (const entry of recommendProducts(rows, { asOf, k: 3 })) {
    const owned = new Set(rows.filter((r) => r.customerId === entry.customerId).map((r) => r.sku));
    for (const r of entry.recommendations) {
      expect(r.rule?.consequent).toBe(r.sku);
      expect(r.rule?.antecedent.every((a) => owned.has(a))).toBe(true);
      expect(r.rule?.lift ?? 0).toBeGreaterThan(1);
      expect(r.score).toBe(r.rule?.confidence);
    }
  }
});
