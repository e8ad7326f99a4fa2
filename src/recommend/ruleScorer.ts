/**
 * Scores customers with association rules: each rule is indexed under its smallest antecedent item,
 * so a customer visits only the rules that can apply to them, each once.
 * @internal
 * @module
 */
import { type AssociationRule, compareRules } from './productAffinities.js';
import { type CustomerScorer, listItems } from './scorer.js';

/** @internal */
export function rulesScorer(rules: readonly AssociationRule[], itemIndex: (sku: string) => number, catalogue: readonly string[]): CustomerScorer {
  // Rule preference among rules with the same consequent: their position in this order.
  // Only rules with lift > 1 recommend: at lift ≤ 1 the antecedent does not raise the chance of the consequent.
  const order = rules.flatMap((rule, i) => (rule.lift > 1 ? [i] : [])).sort((a, b) => compareRules(rules[a] as AssociationRule, rules[b] as AssociationRule));
  const sorted = order.map((i) => rules[i] as AssociationRule);
  const antecedentOffsets = new Int32Array(sorted.length + 1);
  const antecedentItems: number[] = [];
  const consequent = new Int32Array(sorted.length);
  const first = new Int32Array(sorted.length);
  for (let r = 0; r < sorted.length; r++) {
    const rule = sorted[r] as AssociationRule;
    let min = Number.POSITIVE_INFINITY;
    for (const sku of rule.antecedent) {
      const index = itemIndex(sku);
      antecedentItems.push(index);
      if (index < min) min = index;
    }
    antecedentOffsets[r + 1] = antecedentItems.length;
    consequent[r] = itemIndex(rule.consequent);
    first[r] = min;
  }
  const itemTotal = catalogue.length;
  // Rules by their smallest antecedent item (CSR), in preference order.
  const byFirstOffsets = new Int32Array(itemTotal + 1);
  for (let r = 0; r < sorted.length; r++) byFirstOffsets[(first[r] as number) + 1]!++;
  for (let i = 0; i < itemTotal; i++) byFirstOffsets[i + 1]! += byFirstOffsets[i] as number;
  const byFirst = new Int32Array(sorted.length);
  const cursor = byFirstOffsets.slice(0, itemTotal);
  for (let r = 0; r < sorted.length; r++) byFirst[cursor[first[r] as number]!++] = r;

  const mark = new Uint8Array(itemTotal);
  const bestRule = new Int32Array(itemTotal).fill(-1);
  const items = new Int32Array(itemTotal);
  const scores = new Float64Array(itemTotal);
  const ties = new Float64Array(itemTotal);
  const chosen = new Int32Array(itemTotal).fill(-1);

  return {
    items,
    scores,
    ties,
    score(owned, allowed) {
      for (const item of owned) mark[item] = 1;
      let n = 0;
      for (const item of owned) {
        const end = byFirstOffsets[item + 1] as number;
        for (let p = byFirstOffsets[item] as number; p < end; p++) {
          const r = byFirst[p] as number;
          const c = consequent[r] as number;
          if (!allowed(c)) continue;
          let applies = true;
          const stop = antecedentOffsets[r + 1] as number;
          for (let a = antecedentOffsets[r] as number; a < stop && applies; a++) applies = mark[antecedentItems[a] as number] === 1;
          if (!applies) continue;
          const best = bestRule[c] as number;
          if (best === -1) {
            bestRule[c] = r;
            items[n++] = c;
          } else if (r < best) bestRule[c] = r;
        }
      }
      for (let i = 0; i < n; i++) {
        const c = items[i] as number;
        const rule = sorted[bestRule[c] as number] as AssociationRule;
        scores[i] = rule.confidence;
        ties[i] = rule.lift;
        chosen[c] = bestRule[c] as number;
        bestRule[c] = -1;
      }
      for (const item of owned) mark[item] = 0;
      return n;
    },
    explain(item) {
      const rule = sorted[chosen[item] as number] as AssociationRule;
      const basis = listItems(rule.antecedent);
      return {
        score: rule.confidence,
        basis: rule.antecedent,
        evidence: `bought ${basis}; ${Math.round(rule.confidence * 100)}% of baskets with ${basis} also have ${rule.consequent}, lift ${Math.round(rule.lift * 10) / 10}`,
        rule,
      };
    },
  };
}
