/**
 * Order lines as columns: baskets in compressed sparse rows of item indices. The one pass over the
 * lines that every recommend function shares; no object is built per line.
 * @internal
 * @module
 */
import { compareIds } from '../internal/order.js';

/** Baskets (one per transaction) as sorted, duplicate-free rows of item indices. @internal */
export interface BasketColumns {
  /** Distinct skus in code-unit order; an item index points here. */
  readonly items: readonly string[];
  /** Number of baskets. */
  readonly basketCount: number;
  /** The key (transaction or customer id) of each basket, in first-seen order. */
  readonly basketKeys: readonly string[];
  /** Basket b holds `basketItems[basketOffsets[b] … basketOffsets[b + 1])`, ascending, no repeats. */
  readonly basketOffsets: Int32Array;
  readonly basketItems: Int32Array;
  /** How many baskets hold each item. */
  readonly itemCounts: Int32Array;
}

/** The two fields of an order line that the basket builder reads: its transaction (the basket) and its product. @category Recommend */
export interface BasketKeyLine {
  readonly transactionId: string | number;
  readonly sku: string;
}

/** A line that also names its customer, for grouping by customer. @internal */
export interface CustomerKeyLine extends BasketKeyLine {
  readonly customerId: string | number;
}

/**
 * Groups lines into baskets by `transactionId` (a repeated sku in a basket counts once). Item indices
 * follow the skus' code-unit order and basket contents are sorted, so any permutation of the lines
 * gives the same baskets (up to basket order, which no result depends on). O(n log n). @internal
 */
export function toBasketColumns(
  lines: readonly BasketKeyLine[],
  include?: (index: number) => boolean,
  by: 'transactionId' | 'customerId' = 'transactionId',
): BasketColumns {
  const n = lines.length;
  const basketOf = new Map<string, number>();
  const skuOf = new Map<string, number>();
  const lineBasket = new Int32Array(n);
  const lineSku = new Int32Array(n);
  const skus: string[] = [];
  const basketKeys: string[] = [];
  let basketCount = 0;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (include !== undefined && !include(i)) {
      lineBasket[i] = -1;
      continue;
    }
    const line = lines[i] as BasketKeyLine;
    const key = String(by === 'transactionId' ? line.transactionId : (line as CustomerKeyLine).customerId);
    let b = basketOf.get(key);
    if (b === undefined) {
      b = basketCount++;
      basketOf.set(key, b);
      basketKeys.push(key);
    }
    let s = skuOf.get(line.sku);
    if (s === undefined) {
      s = skus.length;
      skus.push(line.sku);
      skuOf.set(line.sku, s);
    }
    lineBasket[i] = b;
    lineSku[i] = s;
    kept++;
  }
  // Re-index skus in code-unit order.
  const order = skus.map((_, i) => i).sort((a, b) => compareIds(skus[a] as string, skus[b] as string));
  const rank = new Int32Array(skus.length);
  for (let r = 0; r < order.length; r++) rank[order[r] as number] = r;
  const items = order.map((i) => skus[i] as string);

  const offsets = new Int32Array(basketCount + 1);
  for (let i = 0; i < n; i++) if ((lineBasket[i] as number) >= 0) offsets[(lineBasket[i] as number) + 1]!++;
  for (let b = 0; b < basketCount; b++) offsets[b + 1]! += offsets[b] as number;
  const raw = new Int32Array(kept);
  const cursor = offsets.slice(0, basketCount);
  for (let i = 0; i < n; i++) {
    const b = lineBasket[i] as number;
    if (b < 0) continue;
    raw[cursor[b]!++] = rank[lineSku[i] as number] as number;
  }
  // Sort each basket and drop repeats, compacting in place.
  const basketOffsets = new Int32Array(basketCount + 1);
  const itemCounts = new Int32Array(items.length);
  let w = 0;
  for (let b = 0; b < basketCount; b++) {
    const start = offsets[b] as number;
    const end = offsets[b + 1] as number;
    raw.subarray(start, end).sort();
    basketOffsets[b] = w;
    let previous = -1;
    for (let p = start; p < end; p++) {
      const item = raw[p] as number;
      if (item === previous) continue;
      raw[w++] = item;
      itemCounts[item]!++;
      previous = item;
    }
  }
  basketOffsets[basketCount] = w;
  return { items, basketCount, basketKeys, basketOffsets, basketItems: raw.slice(0, w), itemCounts };
}
