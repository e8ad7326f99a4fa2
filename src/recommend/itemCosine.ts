/**
 * Item-to-item cosine similarity on the customer–product incidence: pair counts in an
 * open-addressing table of typed arrays, then each product's `neighbors` most similar products.
 * @internal
 * @module
 */
import type { BasketColumns } from './basketColumns.js';
import { type CustomerScorer, listItems } from './scorer.js';

/** Pairs bought by fewer customers than this are ignored: one shared customer says nothing. @internal */
export const minCoCustomers = 2;

/** Counts of item pairs (i < j) over the rows of `columns`. @internal */
function countPairs(columns: BasketColumns): { keys: Float64Array; counts: Int32Array; size: number } {
  const itemTotal = columns.items.length;
  let capacity = 1024;
  let keys = new Float64Array(capacity).fill(-1);
  let counts = new Int32Array(capacity);
  let size = 0;
  const slotOf = (key: number, table: Float64Array, mask: number) => {
    let h = Math.imul((key % 4294967296) | 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4294967296) | 0, 0x85ebca6b);
    h &= mask;
    while (table[h] !== -1 && table[h] !== key) h = (h + 1) & mask;
    return h;
  };
  const grow = () => {
    const oldKeys = keys;
    const oldCounts = counts;
    capacity *= 2;
    keys = new Float64Array(capacity).fill(-1);
    counts = new Int32Array(capacity);
    for (let s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] === -1) continue;
      const slot = slotOf(oldKeys[s] as number, keys, capacity - 1);
      keys[slot] = oldKeys[s] as number;
      counts[slot] = oldCounts[s] as number;
    }
  };
  const { basketOffsets, basketItems, basketCount, itemCounts } = columns;
  for (let b = 0; b < basketCount; b++) {
    const start = basketOffsets[b] as number;
    const end = basketOffsets[b + 1] as number;
    for (let p = start; p < end; p++) {
      const i = basketItems[p] as number;
      if ((itemCounts[i] as number) < minCoCustomers) continue;
      for (let q = p + 1; q < end; q++) {
        const j = basketItems[q] as number;
        if ((itemCounts[j] as number) < minCoCustomers) continue;
        const key = i * itemTotal + j;
        let slot = slotOf(key, keys, capacity - 1);
        if (keys[slot] === -1) {
          if ((size + 1) * 2 > capacity) {
            grow();
            slot = slotOf(key, keys, capacity - 1);
          }
          keys[slot] = key;
          size++;
        }
        counts[slot]!++;
      }
    }
  }
  return { keys, counts, size };
}

/** @internal */
export function itemCosineScorer(columns: BasketColumns, neighbors: number): CustomerScorer {
  const itemTotal = columns.items.length;
  const { itemCounts } = columns;
  const pairs = countPairs(columns);
  // Every qualifying pair in both directions (CSR by item), then each item's `neighbors` best.
  const degree = new Int32Array(itemTotal + 1);
  for (let s = 0; s < pairs.keys.length; s++) {
    const key = pairs.keys[s] as number;
    if (key === -1 || (pairs.counts[s] as number) < minCoCustomers) continue;
    const i = Math.floor(key / itemTotal);
    const j = key - i * itemTotal;
    degree[i + 1]!++;
    degree[j + 1]!++;
  }
  for (let i = 0; i < itemTotal; i++) degree[i + 1]! += degree[i] as number;
  const allOther = new Int32Array(degree[itemTotal] as number);
  const allCo = new Int32Array(degree[itemTotal] as number);
  const allCos = new Float64Array(degree[itemTotal] as number);
  const cursor = degree.slice(0, itemTotal);
  for (let s = 0; s < pairs.keys.length; s++) {
    const key = pairs.keys[s] as number;
    const co = pairs.counts[s] as number;
    if (key === -1 || co < minCoCustomers) continue;
    const i = Math.floor(key / itemTotal);
    const j = key - i * itemTotal;
    const cos = co / Math.sqrt((itemCounts[i] as number) * (itemCounts[j] as number));
    for (const [from, to] of [[i, j], [j, i]] as const) {
      const slot = cursor[from]!++;
      allOther[slot] = to;
      allCo[slot] = co;
      allCos[slot] = cos;
    }
  }
  const nbOffsets = new Int32Array(itemTotal + 1);
  let kept = 0;
  for (let i = 0; i < itemTotal; i++) kept += Math.min(neighbors, (degree[i + 1] as number) - (degree[i] as number));
  const nbOther = new Int32Array(kept);
  const nbCo = new Int32Array(kept);
  const nbCos = new Float64Array(kept);
  let w = 0;
  const slots = new Int32Array(neighbors);
  const closer = (a: number, b: number) => (allCos[a] as number) > (allCos[b] as number) || ((allCos[a] as number) === (allCos[b] as number) && (allOther[a] as number) < (allOther[b] as number));
  for (let i = 0; i < itemTotal; i++) {
    const start = degree[i] as number;
    const end = degree[i + 1] as number;
    // The `neighbors` best slots by insertion (most similar first; equal similarity: lower index,
    // which is code-unit order), without sorting the whole row.
    let size = 0;
    for (let s = start; s < end; s++) {
      if (size === neighbors && !closer(s, slots[size - 1] as number)) continue;
      let at = size === neighbors ? size - 1 : size++;
      while (at > 0 && closer(s, slots[at - 1] as number)) {
        slots[at] = slots[at - 1] as number;
        at--;
      }
      slots[at] = s;
    }
    for (let t = 0; t < size; t++) {
      const s = slots[t] as number;
      nbOther[w] = allOther[s] as number;
      nbCo[w] = allCo[s] as number;
      nbCos[w++] = allCos[s] as number;
    }
    nbOffsets[i + 1] = w;
  }

  const mark = new Uint8Array(itemTotal);
  const items = new Int32Array(itemTotal);
  const scores = new Float64Array(itemTotal);
  const ties = new Float64Array(itemTotal);
  const total = new Float64Array(itemTotal);
  const bestFrom = new Int32Array(itemTotal).fill(-1);
  const bestCos = new Float64Array(itemTotal);
  const bestCo = new Int32Array(itemTotal);
  const contributors = new Int32Array(itemTotal);
  const explained = { from: new Int32Array(itemTotal), cos: new Float64Array(itemTotal), co: new Int32Array(itemTotal), more: new Int32Array(itemTotal), total: new Float64Array(itemTotal) };

  return {
    items,
    scores,
    ties,
    score(owned, blocked, excludeOwned) {
      for (const i of owned) mark[i] = 1;
      let n = 0;
      for (const i of owned) {
        const end = nbOffsets[i + 1] as number;
        for (let p = nbOffsets[i] as number; p < end; p++) {
          const j = nbOther[p] as number;
          if (blocked[j] === 1 || (excludeOwned && mark[j] === 1)) continue;
          const cos = nbCos[p] as number;
          if (bestFrom[j] === -1) {
            items[n++] = j;
            total[j] = 0;
            contributors[j] = 0;
          }
          total[j] = (total[j] as number) + cos;
          contributors[j]!++;
          // Owned items are visited in ascending index (code-unit) order, so `>` keeps the first on ties.
          if (bestFrom[j] === -1 || cos > (bestCos[j] as number)) {
            bestFrom[j] = i;
            bestCos[j] = cos;
            bestCo[j] = nbCo[p] as number;
          }
        }
      }
      for (let c = 0; c < n; c++) {
        const j = items[c] as number;
        scores[c] = total[j] as number;
        ties[c] = bestCos[j] as number;
        explained.from[j] = bestFrom[j] as number;
        explained.cos[j] = bestCos[j] as number;
        explained.co[j] = bestCo[j] as number;
        explained.more[j] = (contributors[j] as number) - 1;
        explained.total[j] = total[j] as number;
        bestFrom[j] = -1;
      }
      for (const i of owned) mark[i] = 0;
      return n;
    },
    explain(item) {
      const from = explained.from[item] as number;
      const fromSku = columns.items[from] as string;
      const share = Math.round(((explained.co[item] as number) / (itemCounts[from] as number)) * 100);
      const more = explained.more[item] as number;
      return {
        score: explained.total[item] as number,
        basis: [fromSku],
        evidence:
          `bought ${listItems([fromSku])}; ${share}% of customers who bought ${fromSku} also bought ${columns.items[item] as string}, ` +
          `cosine ${(explained.cos[item] as number).toFixed(2)}${more > 0 ? ` (and ${more} more of their products point to it)` : ''}`,
      };
    },
  };
}
