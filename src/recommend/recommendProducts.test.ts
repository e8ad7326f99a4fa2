import { describe, expect, it } from 'vitest';
import { productAffinities } from './productAffinities.js';
import { recommendProducts, recommendProductsUnchecked } from './recommendProducts.js';

const at = '2024-05-01';
const lines = (
  [
    ['t1', 'ann', 'coffee'], ['t1', 'ann', 'filters'],
    ['t2', 'bob', 'coffee'], ['t2', 'bob', 'filters'], ['t2', 'bob', 'mug'],
    ['t3', 'cy', 'tea'], ['t3', 'cy', 'mug'],
    ['t4', 'dee', 'coffee'],
    ['t5', 'eve', 'tea'], ['t6', 'eve', 'coffee'],
  ] as const
).map(([transactionId, customerId, sku]) => ({ transactionId, customerId, sku, at }));

describe('recommendProducts (rules)', () => {
  it('recommends by the best applicable rule, with evidence, and leaves out purchased products', () => {
    const result = recommendProducts(lines, { asOf: '2024-06-01', k: 5 });
    expect(result.map((r) => r.customerId)).toEqual(['ann', 'bob', 'cy', 'dee', 'eve']);
    const dee = result.find((r) => r.customerId === 'dee');
    // 6 baskets; coffee in 4, filters in 2, coffee+filters in 2: confidence 0.5, lift 0.5 / (2/6) = 1.5.
    expect(dee?.recommendations[0]).toMatchObject({ sku: 'filters', rank: 1, score: 0.5, basis: ['coffee'], evidence: 'bought coffee; 50% of baskets with coffee also have filters, lift 1.5' });
    for (const entry of result) {
      const owned = new Set<string>(lines.filter((l) => l.customerId === entry.customerId).map((l) => l.sku));
      for (const r of entry.recommendations) expect(owned.has(r.sku)).toBe(false);
    }
  });

  it("exclude 'none' may recommend a product already bought; notRecommendable never appears", () => {
    const kept = recommendProducts(lines, { asOf: '2024-06-01', exclude: 'none', customers: ['ann'] })[0];
    expect(kept?.recommendations.map((r) => r.sku)).toContain('filters');
    const blocked = recommendProducts(lines, { asOf: '2024-06-01', exclude: 'none', notRecommendable: ['filters'] });
    expect(blocked.flatMap((c) => c.recommendations.map((r) => r.sku))).not.toContain('filters');
  });

  it('uses supplied affinities, lists requested customers in the given order, and gives an unknown customer an empty list', () => {
    const affinities = productAffinities(lines, { minSupport: 0.3, minConfidence: 0.5 });
    const result = recommendProducts(lines, { asOf: '2024-06-01', affinities, customers: ['zed', 'dee'] });
    expect(result.map((r) => [r.customerId, r.recommendations.map((x) => x.sku)])).toEqual([
      ['zed', []],
      ['dee', ['filters']],
    ]);
    expect(result[1]?.recommendations[0]?.rule).toEqual(affinities.rules.find((r) => r.consequent === 'filters' && r.antecedent.join() === 'coffee'));
  });

  it('keeps at most k products, ranked 1…k', () => {
    const [bob] = recommendProducts(lines, { asOf: '2024-06-01', k: 1, customers: ['eve'], exclude: 'none' });
    expect(bob?.recommendations.map((r) => r.rank)).toEqual([1]);
  });

  it('only counts lines up to asOf and rejects later lines as future_date', () => {
    const later = [...lines, { transactionId: 't7', customerId: 'dee', sku: 'filters', at: '2024-07-01' }];
    expect(() => recommendProducts(later, { asOf: '2024-06-01' })).toThrow(
      expect.objectContaining({ code: 'future_date', issues: [expect.objectContaining({ path: ['orderLines', 10, 'at'] })] }) as Error,
    );
    const unchecked = recommendProductsUnchecked(
      later.map((l) => ({ ...l, at: new Date(l.at), quantity: 1 })),
      { asOf: new Date('2024-06-01') },
    );
    expect(unchecked).toEqual(recommendProducts(lines, { asOf: '2024-06-01' }));
  });

  it.each([
    [{ asOf: 'soon' }, ['options', 'asOf']],
    [{ asOf: at, k: 0 }, ['options', 'k']],
    [{ asOf: at, exclude: 'all' }, ['options', 'exclude']],
    [{ asOf: at, method: 'svd' }, ['options', 'method']],
    [{ asOf: at, customers: ['a', 'a'] }, ['options', 'customers', 1]],
    [{ asOf: at, affinities: { rules: 'x' } }, ['options', 'affinities', 'baskets']],
  ])('rejects options %j at %j', (options, path) => {
    expect(() => recommendProducts(lines, options as never)).toThrow(expect.objectContaining({ code: 'invalid_options', issues: expect.arrayContaining([expect.objectContaining({ path })]) as unknown }) as Error);
  });

  it('rejects bad lines with every path', () => {
    const bad = [{ transactionId: 't', customerId: '', sku: 'x', at }, { transactionId: 't', customerId: 'c', sku: 'x', at: 'never' }];
    expect(() => recommendProducts(bad, { asOf: at })).toThrow(
      expect.objectContaining({ code: 'invalid_input', issues: [expect.objectContaining({ path: ['orderLines', 0, 'customerId'] }), expect.objectContaining({ path: ['orderLines', 1, 'at'] })] }) as Error,
    );
  });

  it('edge case: no lines gives no customers', () => {
    expect(recommendProducts([], { asOf: at })).toEqual([]);
  });
});

describe("recommendProducts (method 'itemCosine')", () => {
  it('scores by cosine on the customer–product incidence with the same output shape', () => {
    // coffee: ann, bob, dee, eve (4); filters: ann, bob (2); both: 2 → cosine 2/√8.
    const [dee] = recommendProducts(lines, { asOf: '2024-06-01', method: 'itemCosine', customers: ['dee'] });
    expect(dee?.method).toBe('itemCosine');
    expect(dee?.recommendations[0]).toMatchObject({ sku: 'filters', rank: 1, basis: ['coffee'], evidence: 'bought coffee; 50% of customers who bought coffee also bought filters, cosine 0.71' });
    expect(dee?.recommendations[0]?.score).toBeCloseTo(2 / Math.sqrt(8), 15);
  });

  it('ignores pairs bought by a single customer', () => {
    const result = recommendProducts(lines, { asOf: '2024-06-01', method: 'itemCosine' });
    // tea and mug share only cy: never recommended on that pair.
    expect(result.find((r) => r.customerId === 'eve')?.recommendations.map((r) => r.sku)).not.toContain('mug');
  });
});
