import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { addUtcMonths, msPerDay } from '../internal/time.js';
import { requireAllValid } from '../models/parse.js';
import { parseTransactions } from '../models/parseTransactions.js';
import { InstantSchema, type InstantInput } from '../models/primitives.js';
import type { TransactionInput } from '../models/transaction.js';
import { parseCohortOptions } from './cohortOptions.js';

/**
 * The window of {@link retentionRates}, ending at `asOf`: the last `months` calendar months (UTC;
 * 2024-03-31 minus 1 month is 2024-02-29) or the last `days` days of 24 h. Give exactly one.
 * @category Cohorts
 */
export interface RetentionWindow {
  readonly months?: number;
  readonly days?: number;
}

/** Options of {@link retentionRates}. @category Cohorts */
export interface RetentionRatesOptions {
  /** The end of the window (a Date, ISO string or epoch ms); required. Later transactions are counted in `excluded.future` and left out. */
  readonly asOf: InstantInput;
  /** The window's length. */
  readonly window: RetentionWindow;
}

/**
 * The rates of {@link retentionRates}, with the counts they are made of. A rate whose denominator is
 * 0 is `null` (never NaN).
 * @category Cohorts
 */
export interface RetentionRates {
  /** The window (start, end], ISO 8601. */
  readonly windowStart: string;
  readonly windowEnd: string;
  /** The start of the previous window of the same length (the window is (previousStart, windowStart]). */
  readonly previousStart: string;
  /** S: customers at the start, the buyers of the previous window. */
  readonly customersAtStart: number;
  /** E: customers at the end, the buyers of the window. */
  readonly customersAtEnd: number;
  /** N: buyers of the window whose first purchase falls in it. */
  readonly newCustomers: number;
  /** Buyers of the window who bought before, but not in the previous window (returning after a gap). */
  readonly reactivatedCustomers: number;
  /** Buyers of both windows: E − N − reactivated. */
  readonly retainedCustomers: number;
  /** CRR = (E − N − reactivated) / S = retained / S; the textbook (E − N) / S when nobody reactivates. */
  readonly customerRetentionRate: number | null;
  /** 1 − CRR: the share of the start's customers who did not buy in the window. */
  readonly churnRate: number | null;
  /** Buyers of the window with at least two orders up to `asOf`, over E. */
  readonly repeatPurchaseRate: number | null;
  readonly excluded: { readonly future: number };
}

const OptionsSchema = z.strictObject({
  asOf: InstantSchema,
  window: z
    .strictObject({ months: z.number().int().positive().max(12_000).optional(), days: z.number().positive().max(4_000_000).optional() })
    .refine((w) => (w.months === undefined) !== (w.days === undefined), { message: 'Give exactly one of window.months and window.days' }),
});

/**
 * The customer retention rate, churn rate and repeat-purchase rate of a window ending at `asOf`, as
 * a business reports them, with the counts behind them.
 *
 * @remarks
 * Definitions (a "buyer" of a window made a purchase in it; refunds never make a buyer):
 * - window W = (asOf − window, asOf], previous window P of the same length just before it;
 * - S = buyers of P (the customers at the start), E = buyers of W, N = buyers of W whose first
 *   purchase ever is in W, reactivated = buyers of W who bought before P but not in P;
 * - customer retention rate CRR = (E − N − reactivated) / S, the share of S who bought again in W. It
 *   is the usual CRR = (E − N) / S of retention reports, except that lapsed customers who return are
 *   not counted as retained (they are reported apart), so it never exceeds 1;
 * - churn rate = 1 − CRR;
 * - repeat-purchase rate = buyers of W with at least two orders up to `asOf` (orders are purchase
 *   transactions; two on one day are two) / E.
 *
 * Edge cases: S = 0 → CRR and churn `null`; E = 0 → repeat-purchase rate `null`. Transactions after
 * `asOf` are counted and left out. O(n).
 *
 * @param transactions - The transaction log (checked as by `parseTransactions`).
 * @param options - `asOf` and `window`.
 * @returns The {@link RetentionRates}.
 * @throws {@link RelmarkError} `empty_input` for an empty log (path `['transactions']`);
 *   `invalid_options` for a missing `asOf` or a window without exactly one of `months` and `days`
 *   (path `['window']`); `invalid_input` for invalid rows, each with its path.
 * @example
 * ```ts
 * import { retentionRates } from 'relmark/cohorts';
 * const rates = retentionRates(
 *   [
 *     { customerId: 'ann', at: '2024-02-03', amount: 40 },
 *     { customerId: 'ann', at: '2024-03-10', amount: 25 },
 *     { customerId: 'bob', at: '2024-02-20', amount: 10 },
 *     { customerId: 'cy', at: '2024-03-02', amount: 30 },
 *   ],
 *   { asOf: '2024-03-31', window: { months: 1 } },
 * );
 * [rates.customersAtStart, rates.customersAtEnd, rates.newCustomers, rates.customerRetentionRate, rates.churnRate];
 * //=> [2, 2, 1, 0.5, 0.5]
 * ```
 * @category Cohorts
 */
export function retentionRates(transactions: readonly TransactionInput[], options: RetentionRatesOptions): RetentionRates {
  const parsed = parseCohortOptions(OptionsSchema, options, 'retentionRates');
  if (Array.isArray(transactions) && transactions.length === 0) {
    throw new RelmarkError('empty_input', 'retentionRates: no transactions', {
      issues: [{ code: 'too_small', path: ['transactions'], message: 'Expected at least one transaction' }],
    });
  }
  const valid = requireAllValid(parseTransactions(transactions, { pathName: 'transactions' }), 'retentionRates');
  const asOf = parsed.asOf.getTime();
  const back = (ms: number) => (parsed.window.months !== undefined ? addUtcMonths(ms, -parsed.window.months) : ms - (parsed.window.days as number) * msPerDay);
  const start = back(asOf);
  const previousStart = back(start);
  interface Customer {
    first: number;
    inPrevious: boolean;
    inWindow: boolean;
    orders: number;
  }
  const customers = new Map<string, Customer>();
  let future = 0;
  for (const t of valid) {
    const at = t.at.getTime();
    if (at > asOf) {
      future++;
      continue;
    }
    if (t.kind === 'refund') continue;
    let c = customers.get(t.customerId);
    if (c === undefined) {
      c = { first: at, inPrevious: false, inWindow: false, orders: 0 };
      customers.set(t.customerId, c);
    }
    c.orders++;
    if (at < c.first) c.first = at;
    if (at > start) c.inWindow = true;
    else if (at > previousStart) c.inPrevious = true;
  }
  let S = 0;
  let E = 0;
  let N = 0;
  let reactivated = 0;
  let retained = 0;
  let repeaters = 0;
  for (const c of customers.values()) {
    if (c.inPrevious) S++;
    if (!c.inWindow) continue;
    E++;
    if (c.orders >= 2) repeaters++;
    if (c.first > start) N++;
    else if (c.inPrevious) retained++;
    else reactivated++;
  }
  const crr = S === 0 ? null : retained / S;
  return {
    windowStart: new Date(start).toISOString(),
    windowEnd: new Date(asOf).toISOString(),
    previousStart: new Date(previousStart).toISOString(),
    customersAtStart: S,
    customersAtEnd: E,
    newCustomers: N,
    reactivatedCustomers: reactivated,
    retainedCustomers: retained,
    customerRetentionRate: crr,
    churnRate: crr === null ? null : 1 - crr,
    repeatPurchaseRate: E === 0 ? null : repeaters / E,
    excluded: { future },
  };
}
