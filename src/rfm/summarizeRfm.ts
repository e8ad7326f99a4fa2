import * as z from 'zod';
import { addUtcMonths, msPerDay } from '../internal/time.js';
import { compareIds } from '../internal/order.js';
import { requireAllValid, type RejectedRow } from '../models/parse.js';
import { parseTransactions } from '../models/parseTransactions.js';
import { InstantSchema, TimeUnitSchema, type InstantInput, type TimeUnit } from '../models/primitives.js';
import type { Transaction, TransactionInput } from '../models/transaction.js';
import { parseRfmOptions } from './parseRfmInput.js';
import type { RfmSummary } from './rfmSummary.js';
import { summarizeRfmColumns, type RfmExclusions } from './summarizeRfmColumns.js';
import { rethrowOverflowWithPaths } from '../internal/amountOverflow.js';

/**
 * The history a summary looks at, ending at `asOf`: the last `months` calendar months (UTC), the
 * last `days` days, or everything from `start`. Give exactly one.
 * @category RFM
 */
export interface RfmWindow {
  /** Calendar months back from `asOf` (UTC; 2024-03-31 minus 1 month is 2024-02-29). */
  readonly months?: number;
  /** Days of 24 h back from `asOf`. */
  readonly days?: number;
  /** The first instant of the window. */
  readonly start?: InstantInput;
}

/** Options for {@link summarizeRfm}. @category RFM */
export interface SummarizeRfmOptions {
  /** The instant the summary is taken at; required (relmark never assumes "now" or the latest date). */
  readonly asOf: InstantInput;
  /** Unit of recency (`month` = 30.4375 days). @defaultValue 'day' */
  readonly timeUnit?: TimeUnit;
  /** `'total'`: net revenue; `'mean'`: net revenue per unit of frequency. @defaultValue 'total' */
  readonly monetary?: 'total' | 'mean';
  /** `'purchases'`: distinct purchases; `'days'`: distinct UTC days with a purchase. @defaultValue 'purchases' */
  readonly frequency?: 'purchases' | 'days';
  /** `'reject'`: a transaction after `asOf` is an error (`future_date`); `'exclude'`: it is left out and counted. @defaultValue 'reject' */
  readonly futureTransactions?: 'reject' | 'exclude';
  /** Restricts the history to a window ending at `asOf`. @defaultValue the whole history */
  readonly window?: RfmWindow;
}

const SummarizeRfmOptionsSchema = z.strictObject({
  asOf: InstantSchema,
  timeUnit: TimeUnitSchema.optional(),
  monetary: z.enum(['total', 'mean']).optional(),
  frequency: z.enum(['purchases', 'days']).optional(),
  futureTransactions: z.enum(['reject', 'exclude']).optional(),
  window: z
    .strictObject({
      months: z.number().int().positive().max(12_000).optional(),
      days: z.number().positive().max(4_000_000).optional(),
      start: InstantSchema.optional(),
    })
    .refine((w) => [w.months, w.days, w.start].filter((v) => v !== undefined).length === 1, {
      message: 'Give exactly one of window.months, window.days and window.start',
    })
    .optional(),
});

/** The result of {@link summarizeRfm}. @category RFM */
export interface SummarizeRfmResult {
  /** One summary per customer with a counted purchase, by customer id in code-unit order. */
  readonly summaries: RfmSummary[];
  readonly asOf: Date;
  readonly timeUnit: TimeUnit;
  /** The first instant of the window, or `null` for the whole history. */
  readonly windowStart: Date | null;
  /** How many transactions were left out, and why. */
  readonly excluded: RfmExclusions;
}

/**
 * Summarises transactions into one recency–frequency–monetary row per customer, as of `asOf`.
 *
 * @remarks
 * Recency is the time from the customer's last purchase to `asOf`, in `timeUnit` (exact, not
 * rounded: UTC epoch milliseconds divided by the unit). Frequency counts distinct purchases, or
 * distinct UTC days with a purchase (`frequency: 'days'`, as lifetimes and CDNOW studies count).
 * Monetary is net revenue (purchases − refunds), or that divided by frequency (`'mean'`).
 * A refund counts by its own date: a window keeps the cash flows inside it. A purchase that was
 * later refunded still counts as a purchase (the visit happened); its refund lowers monetary.
 *
 * Transactions are validated with {@link parseTransactions} (schema, unique ids, refunds that name a
 * purchase of the same customer, never exceeding it). A transaction after `asOf` is rejected with
 * `future_date`, or with `futureTransactions: 'exclude'` left out and counted in `excluded.future`.
 * A `window` ({ months: 24 } for the last 24 calendar months, via UTC month arithmetic) counts only
 * transactions at or after its start; the others are counted in `excluded.beforeWindow`.
 *
 * Edge cases: `[]` gives no summaries; a customer whose only transactions in range are refunds gets
 * no summary (no purchase, so no recency) and the refunds are counted in
 * `excluded.refundsWithoutPurchase`. A purchase exactly at `asOf` has recency 0.
 * Output order: by customer id in code-unit order, so the result does not depend on input order.
 * O(n log n) (validation O(n), then the columnar kernel {@link summarizeRfmColumns}).
 *
 * @param transactions - Purchases and refunds (see {@link TransactionSchema}); never mutated.
 * @param options - `asOf` (required), time unit, monetary and frequency definitions, future dates, window.
 * @returns The summaries and what was excluded.
 * @throws {@link RelmarkError} `invalid_options` if an option is invalid (such as a missing `asOf`);
 *   `future_date` if transactions lie after `asOf` and every issue is one; `duplicate_id` if every
 *   issue is a repeated transaction id; `invalid_input` otherwise, with every issue and its path
 *   (`['transactions', 12, 'amount']`). `invalid_input` with an `amount_overflow` issue per customer
 *   (named in the message and in `details.customerIds`) when a customer's amounts total beyond
 *   ±`Number.MAX_VALUE` ≈ 1.8e308, at the row where the running total overflowed: no summary is
 *   ever `Infinity` or `NaN`.
 * @example
 * ```ts
 * import { summarizeRfm } from 'relmark/rfm';
 * const { summaries } = summarizeRfm(
 *   [
 *     { id: 'p1', customerId: 'ann', at: '2024-01-10', amount: 40 },
 *     { id: 'p2', customerId: 'ann', at: '2024-03-01', amount: 60 },
 *     { id: 'r1', customerId: 'ann', at: '2024-03-05', amount: 10, kind: 'refund', refundOf: 'p2' },
 *     { id: 'p3', customerId: 'bob', at: '2023-12-24', amount: 25 },
 *   ],
 *   { asOf: '2024-03-31' },
 * );
 * summaries.map((s) => [s.customerId, s.recency, s.frequency, s.monetary]);
 * //=> [['ann', 30, 2, 90], ['bob', 98, 1, 25]]
 * ```
 * @category RFM
 * @see {@link summarizeRfmUnchecked} and {@link summarizeRfmColumns} for data that is already valid.
 */
export function summarizeRfm(transactions: readonly TransactionInput[], options: SummarizeRfmOptions): SummarizeRfmResult {
  const parsed = parseRfmOptions(SummarizeRfmOptionsSchema, options, 'summarizeRfm');
  const batch = parseTransactions(transactions, { pathName: 'transactions' });
  const asOf = parsed.asOf.getTime();
  const reject = (parsed.futureTransactions ?? 'reject') === 'reject';
  const future: RejectedRow[] = [];
  const valid: Transaction[] = [];
  const validIndices: number[] = [];
  batch.valid.forEach((t, j) => {
    const index = batch.validIndices[j] as number;
    if (reject && t.at.getTime() > asOf) {
      future.push({
        index,
        input: transactions[index],
        issues: [
          {
            code: 'future_date',
            path: ['transactions', index, 'at'],
            message: `Transaction at ${t.at.toISOString()} is after asOf ${parsed.asOf.toISOString()}`,
          },
        ],
      });
    } else {
      valid.push(t);
      validIndices.push(index);
    }
  });
  const rejected = [...batch.rejected, ...future].sort((a, b) => a.index - b.index);
  requireAllValid({ valid, validIndices, rejected }, 'summarizeRfm');

  const window = parsed.window;
  const windowStart =
    window === undefined
      ? undefined
      : window.start !== undefined
        ? window.start.getTime()
        : window.months !== undefined
          ? addUtcMonths(asOf, -window.months)
          : asOf - (window.days as number) * msPerDay;
  try {
    return summarizeRfmUnchecked(valid, {
      asOf,
      ...(parsed.timeUnit ? { timeUnit: parsed.timeUnit } : {}),
      ...(parsed.monetary ? { monetary: parsed.monetary } : {}),
      ...(parsed.frequency ? { frequency: parsed.frequency } : {}),
      ...(windowStart === undefined ? {} : { windowStart }),
    });
  } catch (error) {
    // Name the input row: the j-th valid row is transactions[validIndices[j]].
    rethrowOverflowWithPaths(error, 'summarizeRfm', ([, j]) => ['transactions', validIndices[j as number] as number, 'amount']);
  }
}

/**
 * {@link summarizeRfm} without validation, for transactions that passed {@link parseTransactions}.
 *
 * @remarks
 * Encodes the customers as a dictionary in code-unit order (one hash lookup per row) and runs
 * {@link summarizeRfmColumns}.
 * Transactions after `asOf` are excluded and counted (there is no rejection here); the window is
 * given by its start. Never mutates its input. O(n + k log k) for k customers.
 *
 * @param transactions - Valid transactions (`at` as `Date`).
 * @param options - As for {@link summarizeRfmColumns}.
 * @returns As {@link summarizeRfm}.
 * @throws {@link RelmarkError} `invalid_input` (`amount_overflow`, path `['transactions', i, 'amount']`)
 *   as {@link summarizeRfm} when a customer's amounts total beyond ±`Number.MAX_VALUE`.
 * @example
 * ```ts
 * import { summarizeRfmUnchecked } from 'relmark/rfm';
 * const result = summarizeRfmUnchecked(
 *   [{ customerId: 'a', at: new Date('2024-01-01T00:00:00Z'), amount: 10, kind: 'purchase' }],
 *   { asOf: new Date('2024-01-08T00:00:00Z'), timeUnit: 'week' },
 * );
 * result.summaries[0]?.recency;
 * //=> 1
 * ```
 * @category RFM
 */
export function summarizeRfmUnchecked(
  transactions: readonly Pick<Transaction, 'customerId' | 'at' | 'amount' | 'kind'>[],
  options: Parameters<typeof summarizeRfmColumns>[1],
): SummarizeRfmResult {
  const n = transactions.length;
  // One hash lookup per row: number customers in order of appearance, then renumber them in id
  // order (the output order) through a small permutation.
  const firstSeen = new Map<string, number>();
  const seenIds: string[] = [];
  const customer = new Int32Array(n);
  const at = new Float64Array(n);
  const amount = new Float64Array(n);
  const refund = new Uint8Array(n);
  // Logs are often grouped by customer (CDNOW is): a repeat of the previous row's id skips the hash.
  let previousId: string | undefined;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const t = transactions[i] as (typeof transactions)[number];
    let c = t.customerId === previousId ? previous : firstSeen.get(t.customerId);
    if (c === undefined) {
      c = seenIds.length;
      firstSeen.set(t.customerId, c);
      seenIds.push(t.customerId);
    }
    previousId = t.customerId;
    previous = c;
    customer[i] = c;
    at[i] = t.at.getTime();
    amount[i] = t.amount;
    refund[i] = t.kind === 'refund' ? 1 : 0;
  }
  const byId = seenIds.map((_, c) => c).sort((a, b) => compareIds(seenIds[a] as string, seenIds[b] as string));
  const rank = new Int32Array(byId.length);
  byId.forEach((c, position) => (rank[c] = position));
  for (let i = 0; i < n; i++) customer[i] = rank[customer[i] as number] as number;
  const customerIds = byId.map((c) => seenIds[c] as string);
  let columns: ReturnType<typeof summarizeRfmColumns>;
  try {
    columns = summarizeRfmColumns({ customer, customerIds, at, amount, refund }, options);
  } catch (error) {
    rethrowOverflowWithPaths(error, 'summarizeRfmUnchecked', ([, row]) => ['transactions', row as number, 'amount']);
  }
  const summaries = columns.customerIds.map(
    (customerId, j): RfmSummary => ({
      customerId,
      recency: columns.recency[j] as number,
      frequency: columns.frequency[j] as number,
      monetary: columns.monetary[j] as number,
      orders: columns.orders[j] as number,
      revenue: columns.revenue[j] as number,
      firstPurchaseAt: new Date(columns.firstPurchaseAt[j] as number),
      lastPurchaseAt: new Date(columns.lastPurchaseAt[j] as number),
    }),
  );
  const asOf = typeof options.asOf === 'number' ? options.asOf : options.asOf.getTime();
  return {
    summaries,
    asOf: new Date(asOf),
    timeUnit: columns.timeUnit,
    windowStart: options.windowStart === undefined ? null : new Date(typeof options.windowStart === 'number' ? options.windowStart : options.windowStart.getTime()),
    excluded: columns.excluded,
  };
}
