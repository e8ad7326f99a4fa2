import { type AmountOverflow, amountOverflowError } from '../internal/amountOverflow.js';
import type { RelmarkError } from '../errors/RelmarkError.js';
import { periodKey } from '../clv/summarizeHistories.js';
import type { Transaction } from '../models/transaction.js';
import type { CustomerState, SummaryState } from './summaryState.js';

/**
 * The accumulator's guard against totals that leave the doubles: before a chunk or a partition is
 * added, it checks that no customer's revenue (a running sum) and no purchase total of a period
 * would go beyond ±`Number.MAX_VALUE`, and throws `amount_overflow` naming the customer and the row
 * otherwise, so that the state is never changed by a failing call and no summary is ever
 * non-finite. The usual case costs one pass over the chunk's amounts: an upper bound of every total
 * in the state (`state.largest`) plus the chunk's gross amount stays below the bound. Only when it
 * does not are the rows replayed per customer.
 * @internal
 * @module
 */

type Row = Pick<Transaction, 'customerId' | 'at' | 'amount' | 'kind'>;

/** An upper bound of |revenue| and of every period total over all customers, computed once when unknown. */
function largestTotal(state: SummaryState): number {
  if (state.largest === undefined) {
    let largest = 0;
    for (const c of state.customers.values()) largest = Math.max(largest, largestOf(c));
    state.largest = largest;
  }
  return state.largest;
}

function largestOf(c: CustomerState): number {
  let largest = Math.abs(c.revenue);
  for (const value of c.values) if (Math.abs(value) > largest) largest = Math.abs(value);
  return largest;
}

/**
 * The error for rows (the i-th with row index `firstIndex + i`) whose addition would make a total
 * overflow, or `undefined` when they can be added; keeps `state.largest` an upper bound. @internal
 */
export function chunkOverflow(state: SummaryState, rows: readonly Row[], firstIndex: number, where: string): RelmarkError | undefined {
  const { asOf } = state.settings;
  let gross = 0;
  for (const t of rows) if (t.at.getTime() <= asOf) gross += Math.abs(t.amount);
  const bound = largestTotal(state) + gross;
  if (bound <= Number.MAX_VALUE) {
    state.largest = bound;
    return undefined;
  }
  // Replay the rows per customer from the state's totals, as addRows will add them.
  const running = new Map<string, { revenue: number; byKey: Map<number, number> }>();
  const overflows: AmountOverflow[] = [];
  const failed = new Set<string>();
  rows.forEach((t, i) => {
    const at = t.at.getTime();
    if (at > asOf || failed.has(t.customerId)) return;
    let r = running.get(t.customerId);
    if (r === undefined) running.set(t.customerId, (r = { revenue: state.customers.get(t.customerId)?.revenue ?? 0, byKey: new Map() }));
    let ok: boolean;
    if (t.kind === 'refund') {
      r.revenue -= t.amount;
      ok = Number.isFinite(r.revenue);
    } else {
      r.revenue += t.amount;
      const key = periodKey(at, state.settings.period);
      const total = (r.byKey.get(key) ?? valueAt(state.customers.get(t.customerId), key)) + t.amount;
      r.byKey.set(key, total);
      ok = Number.isFinite(r.revenue) && Number.isFinite(total);
    }
    if (!ok) {
      failed.add(t.customerId);
      overflows.push({ owner: t.customerId, path: ['transactions', firstIndex + i, 'amount'] });
    }
  });
  state.largest = undefined; // recomputed when next needed: the bound is no use here
  return overflows.length === 0 ? undefined : amountOverflowError(where, overflows);
}

/** The error when merging `other` into `target` would make a total overflow, or `undefined`. @internal */
export function mergeOverflow(target: SummaryState, other: SummaryState, where: string): RelmarkError | undefined {
  const bound = largestTotal(target) + largestTotal(other);
  if (bound <= Number.MAX_VALUE) {
    target.largest = bound;
    return undefined;
  }
  const overflows: AmountOverflow[] = [];
  for (const [id, b] of other.customers) {
    const a = target.customers.get(id);
    if (a === undefined) continue;
    const finite = Number.isFinite(a.revenue + b.revenue) && b.keys.every((key, i) => Number.isFinite(valueAt(a, key) + (b.values[i] as number)));
    if (!finite) overflows.push({ owner: id, path: ['other'] });
  }
  target.largest = undefined;
  return overflows.length === 0 ? undefined : amountOverflowError(where, overflows);
}

/** The purchase total of `key` in a customer's state (0 when absent), by binary search. */
function valueAt(c: CustomerState | undefined, key: number): number {
  if (c === undefined) return 0;
  let lo = 0;
  let hi = c.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c.keys[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return c.keys[lo] === key ? (c.values[lo] as number) : 0;
}
