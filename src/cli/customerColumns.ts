import { NeumaierSum } from '../internal/sum.js';
import { defaultRfmSegments } from '../rfm/rfmSegmentPresets.js';
import { segmentOrder } from '../rfm/rfmSegmentMap.js';
import { scoreRfmColumns } from '../rfm/scoreRfmColumns.js';
import { segmentRfmColumns } from '../rfm/segmentRfmColumns.js';
import type { RfmSegmentSummary } from '../rfm/summarizeSegments.js';
import type { CustomerTotalsColumns } from '../summaries/customerTotals.js';

/**
 * The per-customer columns of a run, one row per customer with a purchase, ordered by customer id
 * (code-unit order, as every relmark result): the summaries, then the RFM scores and segments, then
 * (when a model was fitted) the values. No object per customer.
 */
export interface CustomerColumns {
  readonly customerIds: readonly string[];
  readonly totals: CustomerTotalsColumns;
}

/** RFM scores and segments as columns, and the segment table with each segment's suggested action. */
export interface RfmColumnsAnalysis {
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  readonly segment: Uint16Array;
  readonly segmentNames: readonly string[];
  readonly segments: (RfmSegmentSummary & { readonly action: string })[];
}

/**
 * Puts the totals of the customers with a purchase in customer-id order. The ids are sorted by the
 * engine's native string sort (code-unit order) and mapped back to their rows through a Map, which
 * is several times faster than sorting indices with a comparator.
 */
export function orderByCustomerId(totals: CustomerTotalsColumns, dictionary: readonly string[]): CustomerColumns {
  const n = totals.customer.length;
  const ids = new Array<string>(n);
  for (let j = 0; j < n; j++) ids[j] = dictionary[totals.customer[j] as number] as string;
  const rowOf = new Map<string, number>();
  for (let j = 0; j < n; j++) rowOf.set(ids[j] as string, j);
  ids.sort();
  const order = new Int32Array(n);
  let sorted = true;
  for (let j = 0; j < n; j++) {
    const row = rowOf.get(ids[j] as string) as number;
    order[j] = row;
    if (row !== j) sorted = false;
  }
  if (sorted) return { customerIds: ids, totals };
  const permute = <T extends Float64Array | Int32Array | Uint32Array>(column: T): T => {
    if (column.length === 0) return column;
    const out = new (column.constructor as new (n: number) => T)(n);
    for (let j = 0; j < n; j++) out[j] = column[order[j] as number] as number;
    return out;
  };
  return {
    customerIds: ids,
    totals: {
      customer: permute(totals.customer),
      recency: permute(totals.recency),
      frequency: permute(totals.frequency),
      monetary: permute(totals.monetary),
      orders: permute(totals.orders),
      firstPurchaseAt: permute(totals.firstPurchaseAt),
      lastPurchaseAt: permute(totals.lastPurchaseAt),
      x: permute(totals.x),
      tx: permute(totals.tx),
      T: permute(totals.T),
      monetaryMean: permute(totals.monetaryMean),
      ...(totals.litt ? { litt: permute(totals.litt) } : {}),
    },
  };
}

/**
 * Scores and segments customers with relmark's default 5-bin scoring and 11-segment map, on columns
 * (the kernels of `scoreRfm`, `segmentRfm` and `summarizeSegments`, which give the same result on objects).
 */
export function analyzeRfmColumns(customers: CustomerColumns): RfmColumnsAnalysis {
  const { totals, customerIds } = customers;
  const scores = scoreRfmColumns({ customerIds, recency: totals.recency, frequency: totals.frequency, monetary: totals.monetary });
  const { segment, segmentNames } = segmentRfmColumns(scores);
  const count = new Float64Array(segmentNames.length);
  const orders = new Float64Array(segmentNames.length);
  const revenue = segmentNames.map(() => new NeumaierSum());
  const all = new NeumaierSum();
  for (let j = 0; j < segment.length; j++) {
    const s = segment[j] as number;
    count[s] = (count[s] as number) + 1;
    orders[s] = (orders[s] as number) + (totals.orders[j] as number);
    (revenue[s] as NeumaierSum).add(totals.monetary[j] as number);
    all.add(totals.monetary[j] as number);
  }
  const actionOf = new Map(defaultRfmSegments.segments.map((s) => [s.name, s.action]));
  const indexOf = new Map(segmentNames.map((name, i) => [name, i]));
  const seen = segmentNames.filter((_, i) => (count[i] as number) > 0);
  const total = all.value;
  const segments = segmentOrder(seen, defaultRfmSegments)
    .map((name) => {
      const i = indexOf.get(name) ?? -1;
      const customersIn = i < 0 ? 0 : (count[i] as number);
      const ordersIn = i < 0 ? 0 : (orders[i] as number);
      const revenueIn = i < 0 ? 0 : (revenue[i] as NeumaierSum).value + 0;
      return {
        segment: name,
        customers: customersIn,
        customerShare: segment.length === 0 ? null : customersIn / segment.length,
        orders: ordersIn,
        revenue: revenueIn,
        averageOrderValue: ordersIn === 0 ? null : revenueIn / ordersIn,
        revenueShare: total === 0 ? null : revenueIn / total,
        action: actionOf.get(name) ?? '',
      };
    })
    .filter((row) => row.customers > 0);
  return { r: scores.r, f: scores.f, m: scores.m, segment, segmentNames, segments };
}
