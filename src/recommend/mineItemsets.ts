/**
 * Exact frequent-itemset mining by depth-first occurrence delivery (the projection step of Uno et
 * al.'s LCM, the same search space as Eclat and FP-growth): every itemset of at most `maxItems`
 * items held by at least `minCount` baskets, with its exact count. Typed arrays throughout.
 * @internal
 * @module
 */
import { RelmarkError } from '../errors/RelmarkError.js';
import type { BasketColumns } from './basketColumns.js';

/** The frequent itemsets: `size[s]` items of set s at `items[start[s]] …`, ascending item indices. @internal */
export interface FrequentItemsets {
  readonly count: number;
  readonly start: Int32Array;
  readonly size: Uint8Array;
  readonly items: Int32Array;
  readonly support: Int32Array;
  /** Support count of an itemset given as ascending item indices, or 0 when it is not frequent. */
  readonly lookup: (items: readonly number[]) => number;
}

/** The most frequent itemsets a call may produce before it stops with `invalid_options`. @internal */
export const maxFrequentItemsets = 1_000_000;

class Growable {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Every itemset of 1 … `maxItems` items contained in at least `minCount` baskets. The search only
 * extends an itemset with items of higher index, so each itemset is reached once; counts are exact.
 * @throws {@link RelmarkError} `invalid_options` when more than {@link maxFrequentItemsets} itemsets qualify.
 * @internal
 */
export function mineItemsets(where: string, baskets: BasketColumns, minCount: number, maxItems: number): FrequentItemsets {
  const itemTotal = baskets.items.length;
  const { basketOffsets, basketItems, basketCount, itemCounts } = baskets;
  const setStart = new Growable(1024);
  const setSize = new Growable(1024);
  const setSupport = new Growable(1024);
  const setItems = new Growable(4096);
  const record = (prefix: readonly number[], support: number) => {
    if (setSupport.length >= maxFrequentItemsets) {
      throw new RelmarkError('invalid_options', `${where}: more than ${maxFrequentItemsets} frequent itemsets; raise minSupport or lower maxItems`, {
        issues: [{ code: 'too_many_itemsets', path: ['options', 'minSupport'], message: `More than ${maxFrequentItemsets} itemsets reach the support threshold (${minCount} baskets)` }],
        details: { minCount, maxItems },
      });
    }
    setStart.push(setItems.length);
    setSize.push(prefix.length);
    setSupport.push(support);
    for (const item of prefix) setItems.push(item);
  };

  // Occurrences of each frequent item: (basket, position of the item in basketItems).
  const counts = new Int32Array(itemTotal);
  const cursor = new Int32Array(itemTotal);
  const frequentItems: number[] = [];
  for (let i = 0; i < itemTotal; i++) if ((itemCounts[i] as number) >= minCount) frequentItems.push(i);
  const isFrequent = new Uint8Array(itemTotal);
  for (const i of frequentItems) isFrequent[i] = 1;

  let total = 0;
  for (const i of frequentItems) {
    cursor[i] = total;
    total += itemCounts[i] as number;
  }
  const rootPos = new Int32Array(total);
  const rootEnd = new Int32Array(total);
  for (let b = 0; b < basketCount; b++) {
    const end = basketOffsets[b + 1] as number;
    for (let p = basketOffsets[b] as number; p < end; p++) {
      const item = basketItems[p] as number;
      if (isFrequent[item] === 0) continue;
      const slot = cursor[item]!++;
      rootPos[slot] = p;
      rootEnd[slot] = end;
    }
  }

  const prefix: number[] = [];
  // Extends `prefix` by every frequent item after position pos[o] in each occurrence o.
  const extend = (pos: Int32Array, ends: Int32Array, from: number, to: number) => {
    const touched: number[] = [];
    for (let o = from; o < to; o++) {
      const end = ends[o] as number;
      for (let p = (pos[o] as number) + 1; p < end; p++) {
        const item = basketItems[p] as number;
        if (isFrequent[item] === 0) continue;
        if (counts[item] === 0) touched.push(item);
        counts[item]!++;
      }
    }
    touched.sort((a, b) => a - b);
    const next: number[] = [];
    let size = 0;
    for (const item of touched) {
      const c = counts[item] as number;
      if (c >= minCount) {
        next.push(item);
        cursor[item] = size;
        size += c;
      }
    }
    const deeper = prefix.length + 1 < maxItems;
    if (!deeper) {
      for (const item of next) {
        prefix.push(item);
        record(prefix, counts[item] as number);
        prefix.pop();
      }
      for (const item of touched) counts[item] = 0;
      return;
    }
    const childPos = new Int32Array(size);
    const childEnd = new Int32Array(size);
    for (let o = from; o < to; o++) {
      const end = ends[o] as number;
      for (let p = (pos[o] as number) + 1; p < end; p++) {
        const item = basketItems[p] as number;
        if (isFrequent[item] === 0 || (counts[item] as number) < minCount) continue;
        const slot = cursor[item]!++;
        childPos[slot] = p;
        childEnd[slot] = end;
      }
    }
    const bounds = next.map((item) => [cursor[item] as number, counts[item] as number] as const);
    for (const item of touched) counts[item] = 0;
    for (let k = 0; k < next.length; k++) {
      const [stop, c] = bounds[k] as readonly [number, number];
      prefix.push(next[k] as number);
      record(prefix, c);
      extend(childPos, childEnd, stop - c, stop);
      prefix.pop();
    }
  };

  let rootFrom = 0;
  for (const item of frequentItems) {
    const c = itemCounts[item] as number;
    prefix.push(item);
    record(prefix, c);
    if (maxItems > 1) extend(rootPos, rootEnd, rootFrom, rootFrom + c);
    prefix.pop();
    rootFrom += c;
  }

  const count = setSupport.length;
  const start = setStart.data.slice(0, count);
  const size = Uint8Array.from(setSize.data.subarray(0, count));
  const items = setItems.data.slice(0, setItems.length);
  const support = setSupport.data.slice(0, count);
  const base = itemTotal + 1;
  const numeric = Math.pow(base, maxItems) < Number.MAX_SAFE_INTEGER;
  const keyOf = (list: ArrayLike<number>, from: number, length: number): number | string => {
    if (numeric) {
      let key = 0;
      for (let i = 0; i < length; i++) key = key * base + (list[from + i] as number) + 1;
      return key;
    }
    let key = '';
    for (let i = 0; i < length; i++) key += `${list[from + i] as number},`;
    return key;
  };
  const index = new Map<number | string, number>();
  for (let s = 0; s < count; s++) index.set(keyOf(items, start[s] as number, size[s] as number), support[s] as number);
  return { count, start, size, items, support, lookup: (list) => index.get(keyOf(list, 0, list.length)) ?? 0 };
}
