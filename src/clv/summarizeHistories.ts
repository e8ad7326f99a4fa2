import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { compareIds } from '../internal/order.js';
import { msPerDay, msPerUnit, utcDayNumber } from '../internal/time.js';
import { parseTransactions } from '../models/parseTransactions.js';
import { InstantSchema, TimeUnitSchema, type InstantInput, type TimeUnit } from '../models/primitives.js';
import type { Transaction, TransactionInput } from '../models/transaction.js';
import type { PurchaseHistory } from './purchaseHistory.js';

/** How purchases are merged into purchase occasions. @category CLV */
export type PurchasePeriod = 'day' | 'instant';

/** Options of {@link summarizeHistories}. @category CLV */
export interface SummarizeHistoriesOptions {
  /** The end of observation (a Date, ISO string or epoch ms; UTC). Required: there is no implicit "now". */
  readonly asOf: InstantInput;
  /** The unit of tx and T in the result (a month is 30.4375 days). @defaultValue 'week' */
  readonly timeUnit?: TimeUnit;
  /**
   * `'day'`: purchases on the same UTC day merge into one occasion and times are whole days
   * (lifetimes' `freq='D'`); `'instant'`: only purchases at the same instant merge and times are exact.
   * @defaultValue 'day'
   */
  readonly period?: PurchasePeriod;
  /**
   * Also compute each customer's `litt`: the sum of the logs of the x inter-purchase times (gaps
   * between consecutive occasions) in `timeUnit`, 0 when x = 0, as BTYDplus' `elog2cbs` does. Only
   * MBG/CNBD-k ({@link fitMbgCnbdK}) needs it, to choose its regularity k.
   * @defaultValue false
   */
  readonly litt?: boolean;
}

/** @internal */
export const PurchasePeriodSchema = z.enum(['day', 'instant']);

const OptionsSchema = z
  .object({ asOf: InstantSchema, timeUnit: TimeUnitSchema.default('week'), period: PurchasePeriodSchema.default('day'), litt: z.boolean().default(false) })
  .strict();

/** One purchase occasion of a customer: its period key (UTC day number or epoch ms) and net value. @internal */
interface Occasion {
  key: number;
  value: number;
}

/** Purchase occasions per customer, from valid transactions (refunds net against their purchase). @internal */
export function occasionsByCustomer(transactions: readonly Transaction[], period: PurchasePeriod): Map<string, Occasion[]> {
  const keyOf = (t: Transaction) => (period === 'day' ? utcDayNumber(t.at.getTime()) : t.at.getTime());
  const purchaseById = new Map<string, Transaction>();
  for (const t of transactions) if (t.kind === 'purchase' && t.id !== undefined) purchaseById.set(t.id, t);
  const byCustomer = new Map<string, Map<number, Occasion>>();
  const occasion = (customerId: string, key: number) => {
    let map = byCustomer.get(customerId);
    if (!map) byCustomer.set(customerId, (map = new Map()));
    let o = map.get(key);
    if (!o) map.set(key, (o = { key, value: 0 }));
    return o;
  };
  for (const t of transactions) {
    if (t.kind === 'purchase') occasion(t.customerId, keyOf(t)).value += t.amount;
  }
  for (const t of transactions) {
    // A refund lowers the value of the occasion of the purchase it returns (parseTransactions has
    // checked that it exists, belongs to the customer and is not exceeded).
    const purchase = t.kind === 'refund' ? purchaseById.get(t.refundOf ?? '') : undefined;
    if (purchase) occasion(purchase.customerId, keyOf(purchase)).value -= t.amount;
  }
  const out = new Map<string, Occasion[]>();
  for (const [id, map] of byCustomer) out.set(id, [...map.values()].sort((p, q) => p.key - q.key));
  return out;
}

/** The history of one customer from its sorted occasions. @internal */
export function historyFromOccasions(customerId: string, occasions: readonly Occasion[], endKey: number, keyUnits: number): PurchaseHistory {
  const first = occasions[0] as Occasion;
  const last = occasions[occasions.length - 1] as Occasion;
  const x = occasions.length - 1;
  let repeatValue = 0;
  for (let i = 1; i < occasions.length; i++) repeatValue += (occasions[i] as Occasion).value;
  return {
    customerId,
    x,
    tx: (last.key - first.key) / keyUnits,
    T: (endKey - first.key) / keyUnits,
    // A fully refunded occasion may leave −1e-15 of rounding: clamp to 0.
    monetaryMean: x === 0 ? 0 : Math.max(0, repeatValue / x),
  };
}

/**
 * Σ ln((keyᵢ − keyᵢ₋₁)/keyUnits) over consecutive occasions (distinct keys, so every gap is > 0):
 * BTYDplus' `litt`. 0 for a single occasion. @internal
 */
export function logInterPurchaseTimes(occasions: readonly Occasion[], keyUnits: number): number {
  let sum = 0;
  for (let i = 1; i < occasions.length; i++) sum += Math.log(((occasions[i] as Occasion).key - (occasions[i - 1] as Occasion).key) / keyUnits);
  return sum;
}

/** Period keys per time unit: days per unit for `'day'`, ms per unit for `'instant'`. @internal */
export function keysPerUnit(period: PurchasePeriod, timeUnit: TimeUnit): number {
  return period === 'day' ? msPerUnit[timeUnit] / msPerDay : msPerUnit[timeUnit];
}

/** The period key of an instant. @internal */
export function periodKey(ms: number, period: PurchasePeriod): number {
  return period === 'day' ? utcDayNumber(ms) : ms;
}

/** Parses transactions for a CLV summary, and lists every one after `endMs` as `future_date`. @internal */
export function parseCalibrationTransactions(transactions: readonly TransactionInput[], endMs: number, where: string, endName: string): Transaction[] {
  const batch = parseTransactions(transactions as readonly unknown[], { pathName: 'transactions' });
  const issues: RelmarkIssue[] = batch.rejected.flatMap((row) => row.issues);
  batch.valid.forEach((t, i) => {
    if (t.at.getTime() > endMs) {
      const index = batch.validIndices[i] as number;
      issues.push({
        code: 'future_date',
        path: ['transactions', index, 'at'],
        message: `Transaction at ${t.at.toISOString()} is after ${endName} ${new Date(endMs).toISOString()}`,
      });
    }
  });
  if (issues.length > 0) {
    const onlyFuture = issues.every((issue) => issue.code === 'future_date');
    const onlyDuplicates = issues.every((issue) => issue.code === 'duplicate_id');
    const code = onlyFuture ? 'future_date' : onlyDuplicates ? 'duplicate_id' : 'invalid_input';
    throw new RelmarkError(code, `${where}: invalid transactions`, { issues });
  }
  return batch.valid;
}

/**
 * Summarises a transaction log into one purchase history per customer, in Fader–Hardie notation.
 *
 * @remarks
 * For each customer: purchases in the same period (UTC day by default) merge into one occasion; the
 * first occasion is the start, x = the number of later occasions (repeat purchases), tx = time from
 * the first to the last occasion, T = time from the first occasion to `asOf`, and monetaryMean = the
 * mean net value of the repeat occasions (0 when x = 0). With `period: 'day'` times are whole days
 * (UTC day numbers, `asOf` included) divided by the unit's length, as lifetimes'
 * `summary_data_from_transaction_data(freq='D', freq_multiplier=7)`; this reproduces the CDNOW summary
 * of Fader, Hardie & Lee (2005).
 * Refunds lower the value of the purchase they return (`refundOf`), not the count of occasions.
 * With `litt: true` each history also carries `litt`, the sum of the logs of its x inter-purchase
 * times in `timeUnit` (BTYDplus' `elog2cbs`; needed by {@link fitMbgCnbdK}); without it the output
 * has no `litt` field.
 * Edge cases: `[]` → `[]`; a customer with one occasion → x = 0, tx = 0; a transaction after `asOf`
 * → `future_date` (split first with {@link splitCalibrationHoldout}); duplicate transaction ids →
 * `duplicate_id`. Output order: by customer id in code-unit order. O(n log n).
 *
 * @param transactions - Purchases and refunds (see `TransactionSchema`); never mutated.
 * @param options - `asOf` (required), `timeUnit`, `period`, `litt`.
 * @returns One {@link PurchaseHistory} per customer.
 * @throws {@link RelmarkError} `invalid_options` for a missing or invalid option; `future_date` if
 *   transactions lie after `asOf`; `duplicate_id` for repeated transaction ids; `invalid_input` for
 *   any other invalid transaction (every issue with its path, `['transactions', i, 'amount']`).
 * @example
 * ```ts
 * import { summarizeHistories } from 'relmark/clv';
 * summarizeHistories(
 *   [
 *     { customerId: 'a', at: '1997-01-01', amount: 10 },
 *     { customerId: 'a', at: '1997-01-01T18:00:00Z', amount: 5 },
 *     { customerId: 'a', at: '1997-01-15', amount: 20 },
 *     { customerId: 'b', at: '1997-01-08', amount: 7 },
 *   ],
 *   { asOf: '1997-01-29' },
 * );
 * //=> [{ customerId: 'a', x: 1, tx: 2, T: 4, monetaryMean: 20 },
 * //    { customerId: 'b', x: 0, tx: 0, T: 3, monetaryMean: 0 }]
 * ```
 * @category CLV
 */
export function summarizeHistories(transactions: readonly TransactionInput[], options: SummarizeHistoriesOptions): PurchaseHistory[] {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'summarizeHistories: invalid options', { code: 'invalid_options' });
  const { asOf, timeUnit, period, litt } = parsed.data;
  const valid = parseCalibrationTransactions(transactions, asOf.getTime(), 'summarizeHistories', 'asOf');
  const endKey = periodKey(asOf.getTime(), period);
  const units = keysPerUnit(period, timeUnit);
  const out: PurchaseHistory[] = [];
  for (const [customerId, occasions] of occasionsByCustomer(valid, period)) {
    const history = historyFromOccasions(customerId, occasions, endKey, units);
    out.push(litt ? { ...history, litt: logInterPurchaseTimes(occasions, units) } : history);
  }
  return out.sort((p, q) => compareIds(p.customerId, q.customerId));
}
