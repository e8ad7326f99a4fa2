import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productAffinities } from 'relmark/recommend';
import { expectClose } from '../helpers/expectClose.js';
import { missingDataReason, sharedDataFile } from '../helpers/sharedData.js';

// ref: arules `Groceries` (9,835 baskets, 169 items; Hahsler, Hornik & Reutterer 2006), as
// ../shared/data/groceries_baskets.csv (README there). Published results of arules `apriori`:
// - supp 0.001, conf 0.5 → "set of 5668 rules", by length 2: 11, 3: 1461, 4: 3211, 5: 939, 6: 46; of them
//   371 with confidence > 0.8; top 3 by lift 18.99565, 16.69779, 16.40807 (arulesViz vignette output,
//   mhahsler/arulesViz@de1672f docs/articles/arulesViz.tex lines 288–338 and 563–567; the same
//   `inspect(head(sort(rules, by = "lift")))` table is printed in many tutorials).
// - supp 0.001, conf 0.8 → 410 rules, 32 with lift > 5 (arulesViz docs/reference/plot.html lines 310–337).
// - supp 0.005, conf 0.5 → 120 rules (arulesViz README.md@ee52864 lines 89–112).
// - supp 0.006, conf 0.25, minlen 2 → 463 rules, by length 2: 150, 3: 297, 4: 16 (Lantz, Machine Learning with R, ch. 8).
// - supp 0.001, conf 0.6 → 2918 rules (printed by apriori's "writing ... [2918 rule(s)]" in public course notes).
// arules' maxlen defaults to 10, so those runs use maxItems: 10; with maxItems: 3 the count is the sum of lengths 2 and 3.
const file = sharedDataFile('groceries_baskets.csv');

function readBaskets(path: string): { transactionId: string; sku: string }[] {
  const rows = readFileSync(path, 'utf8').split('\n').slice(1).filter((row) => row.length > 0);
  return rows.map((row) => {
    const comma = row.indexOf(',');
    const cell = row.slice(comma + 1).replace(/\r$/, '');
    return { transactionId: row.slice(0, comma), sku: cell.startsWith('"') ? cell.slice(1, -1) : cell };
  });
}

function byLength(rules: readonly { antecedent: readonly string[] }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const rule of rules) counts[rule.antecedent.length + 1] = (counts[rule.antecedent.length + 1] ?? 0) + 1;
  return counts;
}

describe.skipIf(file === undefined)(`productAffinities on the arules Groceries data ${file === undefined ? missingDataReason('groceries_baskets.csv') : ''}`, () => {
  const lines = file === undefined ? [] : readBaskets(file);

  it('reads 9,835 baskets of 169 items', () => {
    const result = productAffinities(lines, { minSupport: 1, minConfidence: 1 });
    expect(result.baskets).toBe(9835);
    expect(new Set(lines.map((l) => l.sku)).size).toBe(169);
  });

  it('support 0.001, confidence 0.5, maxItems 10: 5,668 rules with the published lengths, 371 above confidence 0.8', () => {
    const { rules } = productAffinities(lines, { minSupport: 0.001, minConfidence: 0.5, maxItems: 10 });
    expect(rules).toHaveLength(5668);
    expect(byLength(rules)).toEqual({ 2: 11, 3: 1461, 4: 3211, 5: 939, 6: 46 });
    expect(rules.filter((r) => r.confidence > 0.8)).toHaveLength(371);
  });

  it('support 0.001, confidence 0.5, maxItems 3: the 1,472 rules of lengths 2 and 3, and the published top three by lift', () => {
    const { rules } = productAffinities(lines, { minSupport: 0.001, minConfidence: 0.5, maxItems: 3 });
    expect(rules).toHaveLength(11 + 1461);
    const top = rules.slice(0, 4).map((r) => ({ antecedent: r.antecedent, consequent: r.consequent, count: r.count }));
    expect(top).toEqual([
      { antecedent: ['Instant food products', 'soda'], consequent: 'hamburger meat', count: 12 },
      { antecedent: ['popcorn', 'soda'], consequent: 'salty snack', count: 12 },
      { antecedent: ['baking powder', 'flour'], consequent: 'sugar', count: 10 },
      { antecedent: ['ham', 'processed cheese'], consequent: 'white bread', count: 19 },
    ]);
    // arules prints 7 significant digits: support 0.001220132 0.001220132 0.001016777 0.001931876,
    // confidence 0.6315789 0.6315789 0.5555556 0.6333333, lift 18.99565 16.69779 16.40807 15.04549.
    const published = [
      [0.001220132, 0.6315789, 18.99565],
      [0.001220132, 0.6315789, 16.69779],
      [0.001016777, 0.5555556, 16.40807],
      [0.001931876, 0.6333333, 15.04549],
    ] as const;
    published.forEach(([support, confidence, lift], i) => {
      const rule = rules[i];
      expectClose(rule?.support ?? Number.NaN, support, { rtol: 5e-7 });
      expectClose(rule?.confidence ?? Number.NaN, confidence, { rtol: 5e-7 });
      expectClose(rule?.lift ?? Number.NaN, lift, { rtol: 5e-7 });
    });
  });

  it.each([
    [0.001, 0.8, 410, { 3: 29, 4: 229, 5: 140, 6: 12 }],
    [0.005, 0.5, 120, undefined],
    [0.006, 0.25, 463, { 2: 150, 3: 297, 4: 16 }],
    [0.001, 0.6, 2918, undefined],
  ] as const)('support %d, confidence %d, maxItems 10: %d rules as published', (minSupport, minConfidence, count, lengths) => {
    const { rules } = productAffinities(lines, { minSupport, minConfidence, maxItems: 10 });
    expect(rules).toHaveLength(count);
    if (lengths !== undefined) expect(byLength(rules)).toEqual(lengths);
    if (minSupport === 0.001 && minConfidence === 0.8) expect(rules.filter((r) => r.lift > 5)).toHaveLength(32);
  });
});
