import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { compareIds } from '../internal/order.js';
import { msPerDay } from '../internal/time.js';
import type { PurchasePeriod } from '../clv/summarizeHistories.js';
import { periodKey } from '../clv/summarizeHistories.js';
import type { TimeUnit } from '../models/primitives.js';
import type { Transaction } from '../models/transaction.js';

/**
 * The mutable state behind a summary accumulator, and the operations on it: adding rows, merging
 * two states, and checking refunds against their purchases. Everything here is internal; the
 * public shape is {@link createSummaryAccumulator}.
 * @internal
 * @module
 */

/** One customer's state: sorted distinct period keys with the purchase total of each, plus RFM totals. @internal */
export interface CustomerState {
  /** Distinct period keys (UTC day numbers or epoch ms) of counted purchases, strictly increasing. */
  keys: number[];
  /** Purchase total of each key (refunds are applied when a summary is read). */
  values: number[];
  /** Net revenue as a Neumaier pair: purchases − refunds, each refund by its own date. */
  revenue: number;
  revenueCompensation: number;
  orders: number;
  refunds: number;
  /** Epoch ms of the first and last counted purchase (±∞ when there is none). */
  firstAt: number;
  lastAt: number;
}

/** A purchase that carries an id: where a later refund of it lands. @internal */
export interface PurchaseRef {
  readonly customerId: string;
  readonly key: number;
  readonly amount: number;
  readonly at: number;
  readonly currency: string | undefined;
  readonly index: number;
}

/** A counted refund, kept until a summary is read (its purchase may arrive later or in another partition). @internal */
export interface RefundRef {
  readonly id: string | undefined;
  readonly customerId: string;
  readonly refundOf: string;
  readonly amount: number;
  readonly at: number;
  readonly currency: string | undefined;
  readonly index: number;
}

/** The fixed settings of an accumulator. @internal */
export interface AccumulatorSettings {
  readonly asOf: number;
  readonly timeUnit: TimeUnit;
  readonly period: PurchasePeriod;
  readonly futureTransactions: 'reject' | 'exclude';
}

/** @internal */
export interface SummaryState {
  readonly settings: AccumulatorSettings;
  rows: number;
  future: number;
  buyers: number;
  readonly customers: Map<string, CustomerState>;
  readonly purchases: Map<string, PurchaseRef>;
  readonly refunds: RefundRef[];
  readonly refundIds: Set<string>;
  /**
   * An upper bound of |revenue| and of every period total over all customers, or `undefined` when
   * unknown (then computed when needed); see `amountBounds.ts`.
   */
  largest?: number | undefined;
}

/** A new, empty state. @internal */
export function emptySummaryState(settings: AccumulatorSettings): SummaryState {
  return { settings, rows: 0, future: 0, buyers: 0, customers: new Map(), purchases: new Map(), refunds: [], refundIds: new Set(), largest: undefined };
}

/** A new, empty customer. @internal */
export function emptyCustomer(): CustomerState {
  return { keys: [], values: [], revenue: 0, revenueCompensation: 0, orders: 0, refunds: 0, firstAt: Number.POSITIVE_INFINITY, lastAt: Number.NEGATIVE_INFINITY };
}

function customerOf(state: SummaryState, id: string): CustomerState {
  let c = state.customers.get(id);
  if (c === undefined) state.customers.set(id, (c = emptyCustomer()));
  return c;
}

/** Adds `value` to the customer's revenue by Neumaier's compensated summation (Neumaier 1974). */
function addRevenue(c: CustomerState, value: number): void {
  const sum = c.revenue;
  const next = sum + value;
  c.revenueCompensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
  c.revenue = next;
}

/** Adds `amount` at period `key`, keeping keys sorted; O(1) when keys arrive in time order. */
function addAtKey(c: CustomerState, key: number, amount: number): void {
  const { keys, values } = c;
  const n = keys.length;
  if (n === 0 || key > (keys[n - 1] as number)) {
    keys.push(key);
    values.push(amount);
    return;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  if (keys[lo] === key) values[lo] = (values[lo] as number) + amount;
  else {
    keys.splice(lo, 0, key);
    values.splice(lo, 0, amount);
  }
}

/**
 * Adds valid transactions to the state, the i-th with row index `firstIndex + i`. Rows after
 * `asOf` are counted in `future` and left out. Never mutates the rows. O(rows · log occasions).
 * @internal
 */
export function addRows(state: SummaryState, rows: readonly Pick<Transaction, 'customerId' | 'at' | 'amount' | 'kind' | 'id' | 'refundOf' | 'currency'>[], firstIndex: number): void {
  const { asOf, period } = state.settings;
  // Logs are often grouped by customer (CDNOW is): a repeat of the previous row's id skips the hash.
  let previousId: string | undefined;
  let previous: CustomerState | undefined;
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i] as (typeof rows)[number];
    const at = t.at.getTime();
    if (at > asOf) {
      state.future++;
      continue;
    }
    const c = t.customerId === previousId && previous !== undefined ? previous : customerOf(state, t.customerId);
    previousId = t.customerId;
    previous = c;
    if (t.kind === 'refund') {
      addRevenue(c, -t.amount);
      c.refunds++;
      state.refunds.push({ id: t.id, customerId: t.customerId, refundOf: t.refundOf ?? '', amount: t.amount, at, currency: t.currency, index: firstIndex + i });
      if (t.id !== undefined) state.refundIds.add(t.id);
      continue;
    }
    const key = periodKey(at, period);
    addAtKey(c, key, t.amount);
    addRevenue(c, t.amount);
    if (c.orders === 0) state.buyers++;
    c.orders++;
    if (at < c.firstAt) c.firstAt = at;
    if (at > c.lastAt) c.lastAt = at;
    if (t.id !== undefined && !state.purchases.has(t.id)) {
      state.purchases.set(t.id, { customerId: t.customerId, key, amount: t.amount, at, currency: t.currency, index: firstIndex + i });
    }
  }
  state.rows += rows.length;
}

/** The union of two sorted key lists with their totals (equal keys add). O(m + n). */
function mergeKeys(a: CustomerState, b: CustomerState): { keys: number[]; values: number[] } {
  const keys: number[] = [];
  const values: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.keys.length || j < b.keys.length) {
    const ka = i < a.keys.length ? (a.keys[i] as number) : Number.POSITIVE_INFINITY;
    const kb = j < b.keys.length ? (b.keys[j] as number) : Number.POSITIVE_INFINITY;
    if (ka < kb) {
      keys.push(ka);
      values.push(a.values[i++] as number);
    } else if (kb < ka) {
      keys.push(kb);
      values.push(b.values[j++] as number);
    } else {
      keys.push(ka);
      values.push((a.values[i++] as number) + (b.values[j++] as number));
    }
  }
  return { keys, values };
}

/**
 * Every transaction id that both states hold, as `duplicate_id` issues at the row of `other`
 * (shifted by `offset`, the rows of `target`). @internal
 */
export function overlappingIds(target: SummaryState, other: SummaryState, offset: number): RelmarkIssue[] {
  const issues: RelmarkIssue[] = [];
  const has = (id: string) => target.purchases.has(id) || target.refundIds.has(id);
  for (const [id, p] of other.purchases) {
    if (has(id)) issues.push({ code: 'duplicate_id', path: ['transactions', p.index + offset, 'id'], message: `Transaction id "${id}" is in both partitions` });
  }
  for (const r of other.refunds) {
    if (r.id !== undefined && has(r.id)) issues.push({ code: 'duplicate_id', path: ['transactions', r.index + offset, 'id'], message: `Transaction id "${r.id}" is in both partitions` });
  }
  return issues;
}

/** Merges `other` into `target` (which it mutates; `other` is only read). Rows of `other` follow those of `target`. @internal */
export function mergeState(target: SummaryState, other: SummaryState): void {
  const offset = target.rows;
  for (const [id, b] of other.customers) {
    const a = target.customers.get(id);
    if (a === undefined) {
      target.customers.set(id, { ...b, keys: [...b.keys], values: [...b.values] });
      if (b.orders > 0) target.buyers++;
      continue;
    }
    if (a.orders === 0 && b.orders > 0) target.buyers++;
    const merged = mergeKeys(a, b);
    a.keys = merged.keys;
    a.values = merged.values;
    addRevenue(a, b.revenue);
    a.revenueCompensation += b.revenueCompensation;
    a.orders += b.orders;
    a.refunds += b.refunds;
    a.firstAt = Math.min(a.firstAt, b.firstAt);
    a.lastAt = Math.max(a.lastAt, b.lastAt);
  }
  for (const [id, p] of other.purchases) if (!target.purchases.has(id)) target.purchases.set(id, { ...p, index: p.index + offset });
  for (const r of other.refunds) {
    target.refunds.push({ ...r, index: r.index + offset });
    if (r.id !== undefined) target.refundIds.add(r.id);
  }
  target.rows += other.rows;
  target.future += other.future;
}

/**
 * Checks every counted refund against its purchase, as `parseTransactions` does for one batch
 * (refunds in time order, then row order): the purchase exists, is the same customer's and
 * currency, does not come later, and its refunds do not exceed it. Throws `invalid_input` listing
 * every issue; otherwise returns the refund amounts (in row order) per customer and period key.
 * @internal
 */
export function refundsByOccasion(state: SummaryState, where: string): Map<string, Map<number, number[]>> {
  const issues: RelmarkIssue[] = [];
  const reject = (index: number, field: string, code: string, message: string) => issues.push({ code, path: ['transactions', index, field], message });
  const refunded = new Map<string, number>();
  const ordered = state.refunds.toSorted((x, y) => x.at - y.at || x.index - y.index);
  for (const refund of ordered) {
    const purchase = state.purchases.get(refund.refundOf);
    if (purchase === undefined) {
      reject(refund.index, 'refundOf', 'unknown_purchase', `Refund names purchase "${refund.refundOf}", which was not added (on or before asOf)`);
      continue;
    }
    if (purchase.customerId !== refund.customerId) {
      reject(refund.index, 'customerId', 'refund_customer_mismatch', `Refund is for customer "${refund.customerId}" but purchase "${refund.refundOf}" is customer "${purchase.customerId}"'s`);
      continue;
    }
    if (purchase.currency !== refund.currency) {
      reject(refund.index, 'currency', 'refund_currency_mismatch', `Refund currency ${refund.currency ?? '(none)'} differs from purchase currency ${purchase.currency ?? '(none)'}`);
      continue;
    }
    if (refund.at < purchase.at) {
      reject(refund.index, 'at', 'refund_before_purchase', `Refund at ${new Date(refund.at).toISOString()} precedes purchase "${refund.refundOf}" at ${new Date(purchase.at).toISOString()}`);
      continue;
    }
    const after = (refunded.get(refund.refundOf) ?? 0) + refund.amount;
    if (after > purchase.amount * (1 + 1e-12) + 1e-9) {
      reject(refund.index, 'amount', 'refund_exceeds_purchase', `Refunds of purchase "${refund.refundOf}" would total ${after} but it was ${purchase.amount}`);
      continue;
    }
    refunded.set(refund.refundOf, after);
  }
  if (issues.length > 0) {
    throw new RelmarkError('invalid_input', `${where}: invalid refunds`, { issues: issues.sort((p, q) => (p.path[1] as number) - (q.path[1] as number)) });
  }
  // Subtract in row order, as the batch functions do in input order.
  const out = new Map<string, Map<number, number[]>>();
  for (const refund of state.refunds) {
    const purchase = state.purchases.get(refund.refundOf) as PurchaseRef;
    let byKey = out.get(purchase.customerId);
    if (byKey === undefined) out.set(purchase.customerId, (byKey = new Map()));
    const amounts = byKey.get(purchase.key);
    if (amounts === undefined) byKey.set(purchase.key, [refund.amount]);
    else amounts.push(refund.amount);
  }
  return out;
}

/** Customer ids with a counted purchase, in code-unit order. @internal */
export function buyerIds(state: SummaryState): string[] {
  const ids: string[] = [];
  for (const [id, c] of state.customers) if (c.orders > 0) ids.push(id);
  return ids.sort(compareIds);
}

/** Distinct UTC days among a customer's sorted period keys. @internal */
export function distinctDays(keys: readonly number[], period: PurchasePeriod): number {
  if (period === 'day') return keys.length;
  let days = 0;
  let previous = Number.NaN;
  for (const key of keys) {
    const day = Math.floor(key / msPerDay);
    if (day !== previous) days++;
    previous = day;
  }
  return days;
}
