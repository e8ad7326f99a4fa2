import * as z from 'zod';
import { chunkOverflow, mergeOverflow } from './amountBounds.js';
import { fromZodError } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { msPerUnit } from '../internal/time.js';
import type { PurchaseHistory } from '../clv/purchaseHistory.js';
import { historyFromOccasions, keysPerUnit, periodKey, PurchasePeriodSchema, type PurchasePeriod } from '../clv/summarizeHistories.js';
import { parseBatch } from '../models/parse.js';
import { InstantSchema, TimeUnitSchema, type InstantInput, type TimeUnit } from '../models/primitives.js';
import { TransactionSchema, type Transaction, type TransactionInput } from '../models/transaction.js';
import type { RfmSummary } from '../rfm/rfmSummary.js';
import type { RfmExclusions } from '../rfm/summarizeRfmColumns.js';
import {
  addRows,
  buyerIds,
  distinctDays,
  emptySummaryState,
  mergeState,
  overlappingIds,
  refundsByOccasion,
  type AccumulatorSettings,
  type SummaryState,
} from './summaryState.js';
import { snapshotOf, type SummaryAccumulatorSnapshot } from './summaryAccumulatorSnapshot.js';

/** Options of {@link createSummaryAccumulator}: those of `summarizeHistories`, plus what to do with later rows. @category Summaries */
export interface SummaryAccumulatorOptions {
  /** The end of observation (a Date, ISO string or epoch ms; UTC). Required: there is no implicit "now". */
  readonly asOf: InstantInput;
  /** The unit of tx and T in {@link SummaryAccumulator.histories} (a month is 30.4375 days). @defaultValue 'week' */
  readonly timeUnit?: TimeUnit;
  /** `'day'`: purchases on the same UTC day are one occasion; `'instant'`: only purchases at the same instant. @defaultValue 'day' */
  readonly period?: PurchasePeriod;
  /**
   * `'reject'`: {@link SummaryAccumulator.add} throws `future_date` for a row after `asOf`, as the batch
   * functions do; `'exclude'`: such rows are left out and counted in `excluded.future`.
   * ({@link SummaryAccumulator.addUnchecked} always excludes and counts them.)
   * @defaultValue 'reject'
   */
  readonly futureTransactions?: 'reject' | 'exclude';
}

/** Options of {@link SummaryAccumulator.rfmSummaries}: those of `summarizeRfm` that do not change what is kept. @category Summaries */
export interface AccumulatorRfmOptions {
  /** Unit of recency (`month` = 30.4375 days). @defaultValue 'day' (as `summarizeRfm`) */
  readonly timeUnit?: TimeUnit;
  /** `'total'`: net revenue; `'mean'`: net revenue per unit of frequency. @defaultValue 'total' */
  readonly monetary?: 'total' | 'mean';
  /** `'purchases'`: purchases; `'days'`: distinct UTC days with a purchase. @defaultValue 'purchases' */
  readonly frequency?: 'purchases' | 'days';
}

/**
 * A mergeable summary of a transaction log: add rows in any order and in chunks, merge partitions,
 * read purchase histories and RFM summaries, ship a snapshot. Made by {@link createSummaryAccumulator}.
 * @category Summaries
 */
export interface SummaryAccumulator {
  /** Validates a chunk of transactions (schema, ids unique across every chunk, `asOf`) and adds it; all or nothing. */
  add(transactions: readonly TransactionInput[]): void;
  /** Adds transactions that are already valid (from `readTransactions` or `parseTransactions`), without checks. */
  addUnchecked(transactions: readonly Transaction[]): void;
  /** Adds every row of another accumulator (same options; customers may overlap, transaction ids may not). */
  merge(other: SummaryAccumulator): void;
  /** One purchase history per customer, as `summarizeHistories` of all rows added. */
  histories(): PurchaseHistory[];
  /** One RFM summary per customer, as `summarizeRfm(all rows, { asOf, ...options }).summaries`. */
  rfmSummaries(options?: AccumulatorRfmOptions): RfmSummary[];
  /** The number of customers with at least one purchase on or before `asOf` (the length of `histories()`). */
  readonly customers: number;
  /** The number of rows added, over all chunks and merged partitions. */
  readonly rows: number;
  /** Rows left out: after `asOf`, and refunds of customers without a purchase (as `summarizeRfm` counts them). */
  readonly excluded: RfmExclusions;
  /** A JSON-serialisable snapshot, for {@link restoreSummaryAccumulator} in another process. */
  toJSON(): SummaryAccumulatorSnapshot;
}

const OptionsSchema = z.strictObject({
  asOf: InstantSchema,
  timeUnit: TimeUnitSchema.default('week'),
  period: PurchasePeriodSchema.default('day'),
  futureTransactions: z.enum(['reject', 'exclude']).default('reject'),
});

const RfmOptionsSchema = z.strictObject({
  timeUnit: TimeUnitSchema.default('day'),
  monetary: z.enum(['total', 'mean']).default('total'),
  frequency: z.enum(['purchases', 'days']).default('purchases'),
});

/** The key under which an accumulator holds its state (not enumerable, so not in JSON or spreads). */
const stateKey = Symbol('relmark.summaryAccumulator');

/** Parses accumulator options; throws `invalid_options`. @internal */
export function parseAccumulatorOptions(options: SummaryAccumulatorOptions, where: string): AccumulatorSettings {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: invalid options`, { code: 'invalid_options' });
  return { ...parsed.data, asOf: parsed.data.asOf.getTime() };
}

/** The state behind an accumulator, or `undefined` for anything else. @internal */
export function stateOf(value: unknown): SummaryState | undefined {
  return typeof value === 'object' && value !== null ? ((value as Record<symbol, SummaryState | undefined>)[stateKey] ?? undefined) : undefined;
}

/** Shifts `['transactions', i, …]` paths by `offset` rows. */
function shifted(issue: RelmarkIssue, offset: number): RelmarkIssue {
  const [head, index, ...rest] = issue.path;
  return head === 'transactions' && typeof index === 'number' ? { ...issue, path: [head, index + offset, ...rest] } : issue;
}

function validChunk(state: SummaryState, transactions: readonly TransactionInput[]): Transaction[] {
  if (!Array.isArray(transactions)) {
    throw new RelmarkError('invalid_input', 'SummaryAccumulator.add: expected an array of transactions', {
      issues: [{ code: 'invalid_type', path: ['transactions'], message: `Expected an array, received ${transactions === null ? 'null' : typeof transactions}` }],
    });
  }
  const offset = state.rows;
  const batch = parseBatch(TransactionSchema, transactions, { pathName: 'transactions', uniqueKey: (t) => t.id });
  const issues: RelmarkIssue[] = batch.rejected.flatMap((row) => row.issues.map((issue) => shifted(issue, offset)));
  const { asOf, futureTransactions } = state.settings;
  batch.valid.forEach((t, j) => {
    const index = (batch.validIndices[j] as number) + offset;
    if (t.id !== undefined && (state.purchases.has(t.id) || state.refundIds.has(t.id))) {
      issues.push({ code: 'duplicate_id', path: ['transactions', index, 'id'], message: `Id "${t.id}" was already added` });
    }
    if (futureTransactions === 'reject' && t.at.getTime() > asOf) {
      issues.push({ code: 'future_date', path: ['transactions', index, 'at'], message: `Transaction at ${t.at.toISOString()} is after asOf ${new Date(asOf).toISOString()}` });
    }
  });
  if (issues.length > 0) {
    const only = (code: string) => issues.every((issue) => issue.code === code);
    const code = only('future_date') ? 'future_date' : only('duplicate_id') ? 'duplicate_id' : 'invalid_input';
    throw new RelmarkError(code, 'SummaryAccumulator.add: invalid transactions', { issues: issues.sort((p, q) => (p.path[1] as number) - (q.path[1] as number)) });
  }
  return batch.valid;
}

function historiesOf(state: SummaryState): PurchaseHistory[] {
  const refunds = refundsByOccasion(state, 'SummaryAccumulator.histories');
  const { asOf, period, timeUnit } = state.settings;
  const endKey = periodKey(asOf, period);
  const units = keysPerUnit(period, timeUnit);
  return buyerIds(state).map((id) => {
    const c = state.customers.get(id) as NonNullable<ReturnType<typeof state.customers.get>>;
    const returned = refunds.get(id);
    const occasions = c.keys.map((key, i) => {
      let value = c.values[i] as number;
      for (const amount of returned?.get(key) ?? []) value -= amount;
      return { key, value };
    });
    return historyFromOccasions(id, occasions, endKey, units);
  });
}

function rfmOf(state: SummaryState, options: AccumulatorRfmOptions): RfmSummary[] {
  const parsed = RfmOptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'SummaryAccumulator.rfmSummaries: invalid options', { code: 'invalid_options' });
  refundsByOccasion(state, 'SummaryAccumulator.rfmSummaries');
  const { timeUnit, monetary, frequency: frequencyOption } = parsed.data;
  const { asOf, period } = state.settings;
  const unit = msPerUnit[timeUnit];
  return buyerIds(state).map((customerId) => {
    const c = state.customers.get(customerId) as NonNullable<ReturnType<typeof state.customers.get>>;
    const revenue = c.revenue + c.revenueCompensation;
    const frequency = frequencyOption === 'days' ? distinctDays(c.keys, period) : c.orders;
    return {
      customerId,
      recency: (asOf - c.lastAt) / unit,
      frequency,
      monetary: monetary === 'mean' ? revenue / frequency : revenue,
      orders: c.orders,
      revenue,
      firstPurchaseAt: new Date(c.firstAt),
      lastPurchaseAt: new Date(c.lastAt),
    };
  });
}

/** Wraps a state in the accumulator object. @internal */
export function accumulatorOf(state: SummaryState): SummaryAccumulator {
  const accumulator: SummaryAccumulator = {
    add(transactions) {
      const valid = validChunk(state, transactions);
      const overflow = chunkOverflow(state, valid, state.rows, 'SummaryAccumulator.add');
      if (overflow) throw overflow;
      addRows(state, valid, state.rows);
    },
    addUnchecked(transactions) {
      const overflow = chunkOverflow(state, transactions, state.rows, 'SummaryAccumulator.addUnchecked');
      if (overflow) throw overflow;
      addRows(state, transactions, state.rows);
    },
    merge(other) {
      const source = stateOf(other);
      if (source === undefined) {
        throw new RelmarkError('invalid_input', 'SummaryAccumulator.merge: not a summary accumulator', {
          issues: [{ code: 'invalid_type', path: ['other'], message: 'Expected an accumulator from createSummaryAccumulator or restoreSummaryAccumulator' }],
        });
      }
      if (source === state) {
        throw new RelmarkError('invalid_input', 'SummaryAccumulator.merge: cannot merge an accumulator into itself', {
          issues: [{ code: 'same_accumulator', path: ['other'], message: 'Merging an accumulator into itself would count every row twice' }],
        });
      }
      const mismatched = (Object.keys(state.settings) as (keyof AccumulatorSettings)[]).filter((name) => state.settings[name] !== source.settings[name]);
      if (mismatched.length > 0) {
        throw new RelmarkError('invalid_options', 'SummaryAccumulator.merge: the accumulators have different options', {
          issues: mismatched.map((name) => ({ code: 'options_mismatch', path: ['other', name], message: `Expected ${name} ${String(state.settings[name])}, received ${String(source.settings[name])}` })),
        });
      }
      const duplicates = overlappingIds(state, source, state.rows);
      if (duplicates.length > 0) throw new RelmarkError('duplicate_id', 'SummaryAccumulator.merge: transaction ids repeat across partitions', { issues: duplicates });
      const overflow = mergeOverflow(state, source, 'SummaryAccumulator.merge');
      if (overflow) throw overflow;
      mergeState(state, source);
    },
    histories: () => historiesOf(state),
    rfmSummaries: (options = {}) => rfmOf(state, options),
    get customers() {
      return state.buyers;
    },
    get rows() {
      return state.rows;
    },
    get excluded() {
      let refundsWithoutPurchase = 0;
      for (const c of state.customers.values()) if (c.orders === 0) refundsWithoutPurchase += c.refunds;
      return { future: state.future, beforeWindow: 0, refundsWithoutPurchase };
    },
    toJSON: () => snapshotOf(state),
  };
  Object.defineProperty(accumulator, stateKey, { value: state, enumerable: false });
  return accumulator;
}

/**
 * Creates a mergeable accumulator of purchase histories and RFM summaries: the map-reduce shape of
 * `summarizeHistories` and `summarizeRfm`, for logs that come in chunks, in any order, or from
 * several partitions (processes, machines, warehouse shards).
 *
 * @remarks
 * Law: for any split of a log into chunks and partitions, in any order, adding each chunk to its
 * partition's accumulator and merging the partitions gives `histories()` equal to
 * `summarizeHistories(log, options)` and `rfmSummaries(o)` equal to
 * `summarizeRfm(log, { asOf, ...o }).summaries` — including purchases of one period split across
 * partitions. Counts and times are exact; money is summed in a different order than the batch
 * functions when rows arrive in another order, so it agrees to rounding (exactly for amounts in
 * whole cents that are multiples of 1/4, or integers; otherwise within a few ulps — RFM revenue is
 * a Neumaier-compensated sum, Neumaier 1974).
 *
 * State per customer: the sorted distinct period keys of its purchases with the purchase total of
 * each (two arrays of doubles), plus RFM totals — measured at 60 MB of heap for 100,000 customers
 * with 980,000 day-occasions (about 600 bytes per customer); purchases that carry an `id` are indexed
 * (id → customer, period, amount: about 100 bytes each) so that a refund in any chunk or partition
 * lands on its purchase's occasion; refunds are kept until a summary is read. Memory is therefore
 * O(customers + occasions + purchases with ids + refunds), independent of how many rows share an
 * occasion; a log without ids (CDNOW) costs nothing per row. Drop the id column when it has no
 * refunds to link.
 *
 * Refunds lower the value of the occasion of the purchase they return (histories) and revenue by
 * their own date (RFM), exactly as the batch functions do; their links (the purchase exists, is the
 * same customer's and currency, comes first, is not exceeded) are checked when a summary is read,
 * because the purchase may arrive later. Issue paths are `['transactions', i, field]` with i
 * counting rows in the order they were added (a merged partition's rows follow the target's).
 *
 * Edge cases: no rows → `[]` from both readers and `customers` = 0; a customer with one occasion →
 * x = 0; a row after `asOf` → `future_date` from `add` (or left out and counted with
 * `futureTransactions: 'exclude'`, and always by `addUnchecked`); a chunk with any invalid row adds
 * nothing. `add` never mutates its input; `merge` mutates only the accumulator it is called on.
 * Totals are bounded: `add`, `addUnchecked` and `merge` throw `invalid_input` with an
 * `amount_overflow` issue per customer (named in the message and in `details.customerIds`, at the
 * row where it happens) when a customer's revenue or a period's purchase total would go beyond
 * ±`Number.MAX_VALUE` ≈ 1.8e308, and then change nothing; so no summary is ever `Infinity` or `NaN`.
 * Output order: by customer id in code-unit order. `add` is O(rows · log occasions per customer);
 * reading a summary is O(customers log customers + occasions + refunds log refunds).
 *
 * @param options - `asOf` (required), `timeUnit`, `period`, `futureTransactions`.
 * @returns An empty {@link SummaryAccumulator}.
 * @throws {@link RelmarkError} `invalid_options` for a missing or invalid option. The accumulator's
 *   `add` throws `invalid_input` (every issue with its path), `duplicate_id` or `future_date`; its
 *   readers throw `invalid_input` for refunds whose purchase is missing, another customer's, later
 *   or exceeded; `merge` throws `invalid_options` for different options and `duplicate_id` for a
 *   transaction id in both partitions.
 * @example
 * ```ts
 * import { createSummaryAccumulator } from 'relmark';
 * const north = createSummaryAccumulator({ asOf: '1997-01-29' });
 * north.add([{ customerId: 'a', at: '1997-01-01', amount: 10 }, { customerId: 'b', at: '1997-01-08', amount: 7 }]);
 * const south = createSummaryAccumulator({ asOf: '1997-01-29' });
 * south.add([{ customerId: 'a', at: '1997-01-01T18:00:00Z', amount: 5 }, { customerId: 'a', at: '1997-01-15', amount: 20 }]);
 * north.merge(south);
 * north.histories();
 * //=> [{ customerId: 'a', x: 1, tx: 2, T: 4, monetaryMean: 20 },
 * //    { customerId: 'b', x: 0, tx: 0, T: 3, monetaryMean: 0 }]
 * north.rfmSummaries().map((s) => [s.customerId, s.recency, s.frequency, s.monetary]);
 * //=> [['a', 14, 3, 35], ['b', 21, 1, 7]]
 * ```
 * @category Summaries
 * @see {@link restoreSummaryAccumulator} to rebuild one from {@link SummaryAccumulator.toJSON}.
 */
export function createSummaryAccumulator(options: SummaryAccumulatorOptions): SummaryAccumulator {
  return accumulatorOf(emptySummaryState(parseAccumulatorOptions(options, 'createSummaryAccumulator')));
}
