import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { BasketLine } from '../models/basketLine.js';
import { basketLinesArbitrary } from '../testing/recommend.js';
import { type AssociationRule, productAffinities } from './productAffinities.js';

const lines = basketLinesArbitrary({ maxBaskets: 14, products: 6, maxBasketSize: 5 });
const thresholds = fc.record({
  minSupport: fc.constantFrom(0, 0.05, 0.1, 0.2, 0.25, 1 / 3),
  minConfidence: fc.constantFrom(0, 0.3, 0.5, 2 / 3, 1),
  maxItems: fc.integer({ min: 2, max: 4 }),
});

/** Every rule by brute force: all subsets of the catalogue, counted basket by basket. */
function bruteForce(rows: readonly BasketLine[], minSupport: number, minConfidence: number, maxItems: number): Map<string, AssociationRule> {
  const baskets = new Map<string, Set<string>>();
  for (const row of rows) {
    const basket = baskets.get(row.transactionId) ?? new Set<string>();
    basket.add(row.sku);
    baskets.set(row.transactionId, basket);
  }
  const n = baskets.size;
  const items = [...new Set(rows.map((r) => r.sku))].sort();
  const countOf = (set: readonly string[]) => [...baskets.values()].filter((b) => set.every((i) => b.has(i))).length;
  const out = new Map<string, AssociationRule>();
  for (let mask = 1; mask < 1 << items.length; mask++) {
    const set = items.filter((_, i) => (mask & (1 << i)) !== 0);
    if (set.length < 2 || set.length > maxItems) continue;
    const count = countOf(set);
    if (count === 0 || count / n < minSupport) continue;
    for (const consequent of set) {
      const antecedent = set.filter((i) => i !== consequent);
      const countA = countOf(antecedent);
      const confidence = count / countA;
      if (confidence < minConfidence) continue;
      const supportC = countOf([consequent]) / n;
      out.set(`${antecedent.join('+')}>${consequent}`, {
        antecedent,
        consequent,
        count,
        support: count / n,
        confidence,
        lift: confidence / supportC,
        leverage: count / n - (countA / n) * supportC,
        conviction: confidence === 1 ? null : (1 - supportC) / (1 - confidence),
      });
    }
  }
  return out;
}

test.prop([lines, thresholds])('the rules and their support, confidence, lift, leverage and conviction equal a brute-force count', (rows, { minSupport, minConfidence, maxItems }) => {
  const { rules, baskets } = productAffinities(rows, { minSupport, minConfidence, maxItems });
  const expected = bruteForce(rows, minSupport, minConfidence, maxItems);
  expect(baskets).toBe(new Set(rows.map((r) => r.transactionId)).size);
  expect(rules.length).toBe(expected.size);
  for (const rule of rules) {
    const want = expected.get(`${rule.antecedent.join('+')}>${rule.consequent}`);
    expect(want, `${rule.antecedent.join('+')} -> ${rule.consequent}`).toBeDefined();
    if (want === undefined) continue;
    expect(rule.count).toBe(want.count);
    for (const key of ['support', 'confidence', 'lift', 'leverage'] as const) expect(rule[key]).toBeCloseTo(want[key], 12);
    if (want.conviction === null) expect(rule.conviction).toBeNull();
    else expect(rule.conviction).toBeCloseTo(want.conviction, 10);
    expect(rule.antecedent.length).toBeGreaterThanOrEqual(1);
    expect(rule.antecedent.length + 1).toBeLessThanOrEqual(maxItems);
  }
});

test.prop([lines, fc.integer({ min: 0, max: 5 })])('adding a basket that holds a rule\'s items never lowers that rule\'s support count', (rows, pick) => {
  const options = { minSupport: 0, minConfidence: 0, maxItems: 3 };
  const { rules } = productAffinities(rows, options);
  const rule = rules[pick % Math.max(1, rules.length)];
  if (rule === undefined) return;
  const items = [...rule.antecedent, rule.consequent, 'p-extra'];
  const extra = items.map((sku, i) => ({ id: `x${i}`, transactionId: 'extra-basket', customerId: 'c0', at: new Date(0), sku, quantity: 1 }));
  const after = productAffinities([...rows, ...extra], options).rules;
  const same = after.find((r) => r.consequent === rule.consequent && r.antecedent.join('+') === rule.antecedent.join('+'));
  expect(same?.count).toBe(rule.count + 1);
});

test.prop([lines, thresholds, fc.integer()])('permuting the lines changes nothing, and the input is not mutated', (rows, options, seed) => {
  const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
  const before = structuredClone(frozen);
  const shuffled = fc.sample(fc.shuffledSubarray([...frozen], { minLength: frozen.length, maxLength: frozen.length }), { numRuns: 1, seed })[0] ?? [];
  expect(productAffinities(shuffled, options)).toEqual(productAffinities(frozen, options));
  expect(frozen).toEqual(before);
});
