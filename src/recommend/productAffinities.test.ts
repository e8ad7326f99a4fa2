import { describe, expect, it } from 'vitest';
import { RelmarkError } from '../errors/RelmarkError.js';
import { productAffinities, productAffinitiesUnchecked } from './productAffinities.js';

const basket = (transactionId: string, ...skus: string[]) => skus.map((sku) => ({ transactionId, sku }));
// 5 baskets: bread+butter ×2, bread+butter+jam, bread, jam+tea.
const lines = [
  ...basket('t1', 'bread', 'butter'),
  ...basket('t2', 'bread', 'butter'),
  ...basket('t3', 'bread', 'butter', 'jam'),
  ...basket('t4', 'bread'),
  ...basket('t5', 'jam', 'tea'),
];

describe('productAffinities', () => {
  it('computes the measures by hand: butter → bread has support 3/5, confidence 1, lift 5/4, leverage 3/5 − 3/5·4/5, conviction null', () => {
    const { rules, baskets } = productAffinities(lines, { minSupport: 0.4, minConfidence: 0.5 });
    expect(baskets).toBe(5);
    expect(rules.map((r) => `${r.antecedent.join('+')}>${r.consequent}`)).toEqual(['butter>bread', 'bread>butter']);
    const [butterBread, breadButter] = rules;
    expect(butterBread).toEqual({ antecedent: ['butter'], consequent: 'bread', count: 3, support: 0.6, confidence: 1, lift: 1.25, leverage: 0.6 - 0.6 * 0.8, conviction: null });
    // bread → butter: confidence 3/4, lift (3/4)/(3/5) = 1.25, conviction (1 − 3/5)/(1 − 3/4) = 1.6
    expect(breadButter?.confidence).toBe(0.75);
    expect(breadButter?.lift).toBeCloseTo(1.25, 15);
    expect(breadButter?.conviction).toBeCloseTo(1.6, 14);
  });

  it('treats both thresholds as inclusive', () => {
    // jam+tea is in exactly 1 of 5 baskets (support 0.2); jam → tea has confidence exactly 0.5.
    const { rules } = productAffinities(lines, { minSupport: 0.2, minConfidence: 0.5, maxItems: 2 });
    expect(rules.some((r) => r.antecedent.join() === 'jam' && r.consequent === 'tea')).toBe(true);
    const stricter = productAffinities(lines, { minSupport: 0.2000001, minConfidence: 0.5 }).rules;
    expect(stricter.some((r) => r.consequent === 'tea')).toBe(false);
  });

  it('limits rules to maxItems items, antecedent plus consequent', () => {
    const two = productAffinities(lines, { minSupport: 0.2, minConfidence: 0, maxItems: 2 }).rules;
    const three = productAffinities(lines, { minSupport: 0.2, minConfidence: 0, maxItems: 3 }).rules;
    expect(Math.max(...two.map((r) => r.antecedent.length))).toBe(1);
    expect(three.filter((r) => r.antecedent.length === 2).map((r) => `${r.antecedent.join('+')}>${r.consequent}`).sort()).toEqual([
      'bread+butter>jam',
      'bread+jam>butter',
      'butter+jam>bread',
    ]);
  });

  it('counts a product repeated in a basket once, and accepts integer transaction ids', () => {
    const repeated = [{ transactionId: 1, sku: 'a' }, { transactionId: 1, sku: 'a' }, { transactionId: 1, sku: 'b' }, { transactionId: 2, sku: 'a' }];
    const { rules } = productAffinities(repeated, { minSupport: 0, minConfidence: 0 });
    expect(rules.find((r) => r.antecedent[0] === 'a')).toMatchObject({ consequent: 'b', count: 1, confidence: 0.5 });
  });

  it.each([
    ['no lines', [], { baskets: 0, rules: [] }],
    ['one basket of one product', [{ transactionId: 't', sku: 'x' }], { baskets: 1, rules: [] }],
  ])('edge case: %s', (_name, input, expected) => {
    expect(productAffinities(input, { minSupport: 0, minConfidence: 0 })).toMatchObject(expected);
  });

  it('the unchecked twin gives the same result on valid lines', () => {
    const options = { minSupport: 0.2, minConfidence: 0.3, maxItems: 3 };
    expect(productAffinitiesUnchecked(lines, options)).toEqual(productAffinities(lines, options));
  });

  it('rejects bad lines with every path', () => {
    const bad = [{ transactionId: 't1', sku: 'a' }, { transactionId: '', sku: 'b' }, { transactionId: 't2', sku: 3 }, null] as never;
    const error = (() => {
      try {
        productAffinities(bad, { minSupport: 0.1, minConfidence: 0.1 });
      } catch (e) {
        return e as RelmarkError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RelmarkError);
    expect(error?.code).toBe('invalid_input');
    expect(error?.issues.map((i) => i.path)).toEqual([['orderLines', 1, 'transactionId'], ['orderLines', 2, 'sku'], ['orderLines', 3]]);
  });

  it.each([
    [{ minSupport: -0.1, minConfidence: 0.5 }, ['options', 'minSupport']],
    [{ minSupport: 0.1, minConfidence: 1.5 }, ['options', 'minConfidence']],
    [{ minSupport: 0.1, minConfidence: 0.5, maxItems: 1 }, ['options', 'maxItems']],
    [{ minSupport: 0.1, minConfidence: 0.5, maxItems: 2.5 }, ['options', 'maxItems']],
    [{ minSupport: Number.NaN, minConfidence: 0.5 }, ['options', 'minSupport']],
  ])('rejects options %j with invalid_options at %j', (options, path) => {
    expect(() => productAffinities(lines, options)).toThrow(expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ path })] }) as Error);
  });

  it('rejects a missing options object and a non-array input', () => {
    expect(() => productAffinities(lines, undefined as never)).toThrow(expect.objectContaining({ code: 'invalid_options' }) as Error);
    expect(() => productAffinities('lines' as never, { minSupport: 0, minConfidence: 0 })).toThrow(expect.objectContaining({ code: 'invalid_input' }) as Error);
  });

  it('stops with invalid_options instead of mining an exploding number of itemsets', () => {
    // One basket of 25 products at maxItems 10: 2^25-scale subsets (> 1,000,000 itemsets of ≤ 10 items).
    const wide = Array.from({ length: 25 }, (_, i) => ({ transactionId: 't', sku: `p${String(i).padStart(2, '0')}` }));
    expect(() => productAffinities(wide, { minSupport: 0, minConfidence: 0, maxItems: 10 })).toThrow(
      expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ code: 'too_many_itemsets' })] }) as Error,
    );
  });
});
