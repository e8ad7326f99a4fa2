import type { TimeUnit } from '../models/primitives.js';
import { amountOverflowError } from '../internal/amountOverflow.js';
import { msPerDay, msPerUnit } from '../internal/time.js';

/**
 * Transactions as columns with dictionary-encoded customers: row i is customer
 * `customerIds[customer[i]]`, at `at[i]` (epoch ms), for `amount[i]` (≥ 0), a refund when `refund[i]` is 1.
 * @category RFM
 */
export interface RfmTransactionColumns {
  /** The customer of each row, as an index into `customerIds`. */
  readonly customer: Int32Array | Uint32Array;
  /** The dictionary of customer ids; the output keeps its order. */
  readonly customerIds: readonly string[];
  /** The instant of each row in epoch milliseconds. */
  readonly at: Float64Array;
  /** The amount of each row, non-negative. */
  readonly amount: Float64Array;
  /** 1 where the row is a refund, 0 for a purchase; all purchases when absent. */
  readonly refund?: Uint8Array;
}

/** Options of the unchecked summaries ({@link summarizeRfmColumns}, {@link summarizeRfmUnchecked}). @category RFM */
export interface SummarizeRfmColumnsOptions {
  /** The instant the summary is taken at (a `Date` or epoch ms); later rows are excluded and counted. */
  readonly asOf: Date | number;
  /** Unit of recency. @defaultValue 'day' */
  readonly timeUnit?: TimeUnit;
  /** `'total'` net revenue or `'mean'` net revenue per unit of frequency. @defaultValue 'total' */
  readonly monetary?: 'total' | 'mean';
  /** `'purchases'` counts purchase rows, `'days'` counts distinct UTC days with a purchase. @defaultValue 'purchases' */
  readonly frequency?: 'purchases' | 'days';
  /** Rows before this instant (a `Date` or epoch ms) are excluded and counted. @defaultValue no window */
  readonly windowStart?: Date | number;
}

/** How many transactions a summary left out, and why. @category RFM */
export interface RfmExclusions {
  /** Rows after `asOf` (only with `futureTransactions: 'exclude'` in {@link summarizeRfm}). */
  readonly future: number;
  /** Rows before the window's start. */
  readonly beforeWindow: number;
  /** Refunds in range of customers with no purchase in range (they have no recency, so no summary). */
  readonly refundsWithoutPurchase: number;
}

/** Customer summaries as columns, in dictionary order, for customers with a counted purchase. @category RFM */
export interface RfmSummaryColumns {
  readonly customerIds: string[];
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly orders: Uint32Array;
  readonly revenue: Float64Array;
  /** Epoch ms of the first counted purchase. */
  readonly firstPurchaseAt: Float64Array;
  /** Epoch ms of the last counted purchase. */
  readonly lastPurchaseAt: Float64Array;
  readonly timeUnit: TimeUnit;
  readonly excluded: RfmExclusions;
}

const stride = 6;
const firstAt = 2;
const lastAt = 3;
const orderCount = 4;
const refundCount = 5;

const toMs = (instant: Date | number): number => (typeof instant === 'number' ? instant : instant.getTime());

/**
 * Summarises transaction columns per customer without validation: the columnar fast path of
 * {@link summarizeRfm}, and the kernel that {@link summarizeRfm} itself runs.
 *
 * @remarks
 * A row counts when `windowStart ≤ at ≤ asOf`. Recency = (asOf − last counted purchase) in
 * `timeUnit`; frequency = counted purchases (or distinct UTC days with one); revenue = counted
 * purchases − counted refunds (so monetary may be negative); monetary = revenue, or revenue /
 * frequency for `'mean'`. A refund counts by its own date, like any cash flow in the window.
 * Customers without a counted purchase get no row. Output order is dictionary order.
 * Preconditions: equal column lengths, indices within the dictionary, finite values; otherwise the
 * result is unspecified. O(n) for `'purchases'`; O(n log n) for `'days'` (a typed-array sort). Per
 * customer revenue is a compensated (Neumaier) sum, so that it barely depends on row order;
 * floating-point addition is not associative, so a permutation may still move it by an ulp.
 *
 * @param columns - Dictionary-encoded transaction columns; never mutated.
 * @param options - `asOf` (required), time unit, monetary and frequency definitions, window start.
 * @returns Summary columns and the counts of excluded rows.
 * @throws {@link RelmarkError} `invalid_input` with one `amount_overflow` issue per customer whose
 *   running total of counted amounts goes beyond ±`Number.MAX_VALUE` (≈ 1.8e308), at path
 *   `['amount', row]` of the row where it did, and `details.customerIds`; totals up to
 *   `Number.MAX_VALUE` are summed as usual, so no summary is ever `Infinity` or `NaN`.
 * @example
 * ```ts
 * import { summarizeRfmColumns } from 'relmark/rfm';
 * const day = 86_400_000;
 * const summary = summarizeRfmColumns(
 *   {
 *     customerIds: ['a', 'b'],
 *     customer: Int32Array.from([0, 0, 1, 1]),
 *     at: Float64Array.from([0, 10 * day, 5 * day, 40 * day]),
 *     amount: Float64Array.from([20, 30, 15, 99]),
 *   },
 *   { asOf: 30 * day },
 * );
 * [Array.from(summary.recency), Array.from(summary.monetary), summary.excluded.future];
 * //=> [[20, 25], [50, 15], 1]
 * ```
 * @category RFM
 */
export function summarizeRfmColumns(columns: RfmTransactionColumns, options: SummarizeRfmColumnsOptions): RfmSummaryColumns {
  const asOf = toMs(options.asOf);
  const windowStart = options.windowStart === undefined ? Number.NEGATIVE_INFINITY : toMs(options.windowStart);
  const timeUnit = options.timeUnit ?? 'day';
  const k = columns.customerIds.length;
  const { customer, at, amount, refund } = columns;
  // Per-customer state interleaved in one array (stride 6: revenue, its compensation, first and last
  // purchase, orders, refunds), so that a row touches one cache line instead of six: with a million
  // customers the state is far larger than the cache and each row hits a random customer.
  const state = new Float64Array(k * stride);
  for (let c = 0; c < k; c++) {
    state[c * stride + firstAt] = Number.POSITIVE_INFINITY;
    state[c * stride + lastAt] = Number.NEGATIVE_INFINITY;
  }
  const noRefunds = new Uint8Array(0);
  const isRefund = refund ?? noRefunds;
  const hasRefunds = refund !== undefined;
  let future = 0;
  let beforeWindow = 0;
  for (let i = 0; i < at.length; i++) {
    const t = at[i] as number;
    if (t > asOf) {
      future++;
      continue;
    }
    if (t < windowStart) {
      beforeWindow++;
      continue;
    }
    const base = (customer[i] as number) * stride;
    const returned = hasRefunds && isRefund[i] === 1;
    const value = returned ? -(amount[i] as number) : (amount[i] as number);
    // Neumaier's compensated sum (Neumaier 1974), inlined: totals hardly depend on row order.
    const sum = state[base] as number;
    const next = sum + value;
    state[base + 1] = (state[base + 1] as number) + (Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum);
    state[base] = next;
    if (returned) {
      state[base + refundCount] = (state[base + refundCount] as number) + 1;
      continue;
    }
    state[base + orderCount] = (state[base + orderCount] as number) + 1;
    if (t < (state[base + firstAt] as number)) state[base + firstAt] = t;
    if (t > (state[base + lastAt] as number)) state[base + lastAt] = t;
  }
  const orders = new Uint32Array(k);
  const refunds = new Uint32Array(k);
  const revenue = new Float64Array(k);
  const first = new Float64Array(k);
  const last = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const base = c * stride;
    revenue[c] = (state[base] as number) + (state[base + 1] as number);
    first[c] = state[base + firstAt] as number;
    last[c] = state[base + lastAt] as number;
    orders[c] = state[base + orderCount] as number;
    refunds[c] = state[base + refundCount] as number;
  }
  // A running total that left the doubles stays non-finite (∞ + x = ∞, ∞ − ∞ = NaN), so one check
  // per customer after the loop finds every overflow without a test in the hot loop.
  for (let c = 0; c < k; c++) {
    if ((orders[c] as number) > 0 && !Number.isFinite(revenue[c] as number)) throw overflowError(columns, revenue, orders, asOf, windowStart);
  }
  const frequencyOf = options.frequency === 'days' ? distinctPurchaseDays(columns, k, asOf, windowStart) : orders;

  let kept = 0;
  let refundsWithoutPurchase = 0;
  for (let c = 0; c < k; c++) {
    if ((orders[c] as number) > 0) kept++;
    else refundsWithoutPurchase += refunds[c] as number;
  }
  const out = {
    customerIds: new Array<string>(kept),
    recency: new Float64Array(kept),
    frequency: new Float64Array(kept),
    monetary: new Float64Array(kept),
    orders: new Uint32Array(kept),
    revenue: new Float64Array(kept),
    firstPurchaseAt: new Float64Array(kept),
    lastPurchaseAt: new Float64Array(kept),
  };
  const unit = msPerUnit[timeUnit];
  const mean = options.monetary === 'mean';
  for (let c = 0, j = 0; c < k; c++) {
    if ((orders[c] as number) === 0) continue;
    const frequency = frequencyOf[c] as number;
    out.customerIds[j] = columns.customerIds[c] as string;
    out.recency[j] = (asOf - (last[c] as number)) / unit;
    out.frequency[j] = frequency;
    out.monetary[j] = mean ? (revenue[c] as number) / frequency : (revenue[c] as number);
    out.orders[j] = orders[c] as number;
    out.revenue[j] = revenue[c] as number;
    out.firstPurchaseAt[j] = first[c] as number;
    out.lastPurchaseAt[j] = last[c] as number;
    j++;
  }
  return { ...out, timeUnit, excluded: { future, beforeWindow, refundsWithoutPurchase } };
}

/** The error for customers whose total overflowed, each with the row at which its running total did. */
function overflowError(columns: RfmTransactionColumns, revenue: Float64Array, orders: Uint32Array, asOf: number, windowStart: number): Error {
  const { customer, amount, refund, at } = columns;
  const bad = new Set<number>();
  for (let c = 0; c < revenue.length; c++) if ((orders[c] as number) > 0 && !Number.isFinite(revenue[c] as number)) bad.add(c);
  // Replay the main sum (the compensation never changes it) to find the row where it overflowed.
  const running = new Map<number, number>();
  const rowOf = new Map<number, number>();
  for (let i = 0; i < amount.length && rowOf.size < bad.size; i++) {
    const c = customer[i] as number;
    const t = at[i] as number;
    if (!bad.has(c) || rowOf.has(c) || t > asOf || t < windowStart) continue;
    const value = refund !== undefined && refund[i] === 1 ? -(amount[i] as number) : (amount[i] as number);
    const sum = (running.get(c) ?? 0) + value;
    running.set(c, sum);
    if (!Number.isFinite(sum)) rowOf.set(c, i);
  }
  return amountOverflowError(
    'summarizeRfmColumns',
    [...bad].map((c) => ({ owner: columns.customerIds[c] as string, path: ['amount', rowOf.get(c) ?? 0] })),
  );
}

/** Distinct UTC days with a counted purchase, per customer: sort (customer, day) keys, count changes. */
function distinctPurchaseDays(columns: RfmTransactionColumns, k: number, asOf: number, windowStart: number): Uint32Array {
  const { customer, at, refund } = columns;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  let counted = 0;
  const isCounted = (i: number) => {
    const t = at[i] as number;
    return t <= asOf && t >= windowStart && (refund === undefined || refund[i] !== 1);
  };
  for (let i = 0; i < at.length; i++) {
    if (!isCounted(i)) continue;
    const day = Math.floor((at[i] as number) / msPerDay);
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
    counted++;
  }
  const span = maxDay - minDay + 1;
  const keys = new Float64Array(counted);
  for (let i = 0, j = 0; i < at.length; i++) {
    if (!isCounted(i)) continue;
    // Exact while k · span < 2^53: a million customers over 24,000 years of days.
    keys[j++] = (customer[i] as number) * span + (Math.floor((at[i] as number) / msPerDay) - minDay);
  }
  keys.sort();
  const days = new Uint32Array(k);
  for (let j = 0; j < keys.length; j++) {
    if (j === 0 || keys[j] !== keys[j - 1]) {
      const c = Math.floor((keys[j] as number) / span);
      days[c] = (days[c] as number) + 1;
    }
  }
  return days;
}
