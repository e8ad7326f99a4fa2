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
  // Rules are found three ways, so that a customer touches only rules that apply or nearly apply:
  // one-item antecedents by that item, two-item antecedents by the pair (a hash lookup per pair the
  // customer owns), longer ones by their smallest item with a subset check.
  const single = groupBy(sorted.length, (r) => (antecedentOffsets[r + 1]! - antecedentOffsets[r]! === 1 ? (first[r] as number) : -1), itemTotal);
  const pairGroup = new Map<number, number>();
  const pairKey = (i: number, j: number) => i * itemTotal + j;
  const hasPair = new Uint8Array(itemTotal);
  const pairOf = (r: number) => {
    const a = antecedentOffsets[r] as number;
    if (antecedentOffsets[r + 1]! - a !== 2) return -1;
    const x = antecedentItems[a] as number;
    const y = antecedentItems[a + 1] as number;
    const key = pairKey(Math.min(x, y), Math.max(x, y));
    let g = pairGroup.get(key);
    if (g === undefined) {
      g = pairGroup.size;
      pairGroup.set(key, g);
    }
    hasPair[Math.min(x, y)] = 1;
    return g;
  };
  const pairIds = new Int32Array(sorted.length);
  for (let r = 0; r < sorted.length; r++) pairIds[r] = pairOf(r);
  const pairs = groupBy(sorted.length, (r) => pairIds[r] as number, pairGroup.size);
  const longer = groupBy(sorted.length, (r) => (antecedentOffsets[r + 1]! - antecedentOffsets[r]! > 2 ? (first[r] as number) : -1), itemTotal);

  const mark = new Uint8Array(itemTotal);
  const bestRule = new Int32Array(itemTotal).fill(-1);
  const items = new Int32Array(itemTotal);
  const scores = new Float64Array(itemTotal);
  const ties = new Float64Array(itemTotal);
  const chosen = new Int32Array(itemTotal).fill(-1);
  const evidence: (string | undefined)[] = new Array<string | undefined>(sorted.length);

  return {
    items,
    scores,
    ties,
    score(owned, blocked, excludeOwned) {
      for (const item of owned) mark[item] = 1;
      let n = 0;
      const consider = (r: number) => {
        const c = consequent[r] as number;
        if (blocked[c] === 1 || (excludeOwned && mark[c] === 1)) return;
        const best = bestRule[c] as number;
        if (best === -1) {
          bestRule[c] = r;
          items[n++] = c;
        } else if (r < best) bestRule[c] = r;
      };
      for (let x = 0; x < owned.length; x++) {
        const item = owned[x] as number;
        for (let p = single.offsets[item] as number, end = single.offsets[item + 1] as number; p < end; p++) consider(single.members[p] as number);
        if (hasPair[item] === 1) {
          for (let y = x + 1; y < owned.length; y++) {
            const g = pairGroup.get(pairKey(item, owned[y] as number));
            if (g === undefined) continue;
            for (let p = pairs.offsets[g] as number, end = pairs.offsets[g + 1] as number; p < end; p++) consider(pairs.members[p] as number);
          }
        }
        for (let p = longer.offsets[item] as number, end = longer.offsets[item + 1] as number; p < end; p++) {
          const r = longer.members[p] as number;
          let applies = true;
          const stop = antecedentOffsets[r + 1] as number;
          for (let a = antecedentOffsets[r] as number; a < stop && applies; a++) applies = mark[antecedentItems[a] as number] === 1;
          if (applies) consider(r);
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
      const r = chosen[item] as number;
      // The evidence depends on the rule only: built once per rule, shared by every customer it serves.
      let text = evidence[r];
      if (text === undefined) {
        const rule = sorted[r] as AssociationRule;
        const basis = listItems(rule.antecedent);
        text = `bought ${basis}; ${Math.round(rule.confidence * 100)}% of baskets with ${basis} also have ${rule.consequent}, lift ${Math.round(rule.lift * 10) / 10}`;
        evidence[r] = text;
      }
      const rule = sorted[r] as AssociationRule;
      return { score: rule.confidence, basis: rule.antecedent, evidence: text, rule };
    },
  };
}

/** Members 0…count−1 grouped by `groupOf` (−1: in no group), as compressed sparse rows, members ascending. */
function groupBy(count: number, groupOf: (member: number) => number, groups: number): { offsets: Int32Array; members: Int32Array } {
  const offsets = new Int32Array(groups + 1);
  for (let m = 0; m < count; m++) {
    const g = groupOf(m);
    if (g >= 0) offsets[g + 1]!++;
  }
  for (let g = 0; g < groups; g++) offsets[g + 1]! += offsets[g] as number;
  const members = new Int32Array(offsets[groups] as number);
  const cursor = offsets.slice(0, groups);
  for (let m = 0; m < count; m++) {
    const g = groupOf(m);
    if (g >= 0) members[cursor[g]!++] = m;
  }
  return { offsets, members };
}
