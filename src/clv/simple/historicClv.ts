import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { compareIds } from '../../internal/order.js';
import { msPerUnit } from '../../internal/time.js';
import { InstantSchema, type InstantInput } from '../../models/primitives.js';
import type { TransactionInput } from '../../models/transaction.js';
import { parseCalibrationTransactions } from '../summarizeHistories.js';

/** Options of {@link historicClv}. @category CLV */
export interface HistoricClvOptions {
  /** The valuation date; transactions after it are an error. */
  readonly asOf: InstantInput;
  /** The share of net spend that is profit (≥ 0). @defaultValue 1 */
  readonly margin?: number;
  /** Yearly rate at which past cash flows are compounded to `asOf` (≥ 0). @defaultValue 0 */
  readonly annualRate?: number;
}

/** One customer's historic value. @category CLV */
export interface HistoricValue {
  readonly customerId: string;
  /** Σ margin × (purchases − refunds), each compounded to asOf. */
  readonly value: number;
  /** Number of purchase transactions. */
  readonly purchases: number;
}

const OptionsSchema = z
  .object({ asOf: InstantSchema, margin: z.number().nonnegative().default(1), annualRate: z.number().nonnegative().default(0) })
  .strict();

/**
 * The historic (past) value of each customer: the margin on everything they spent, net of refunds,
 * optionally compounded to `asOf`.
 *
 * @remarks
 * value = Σ margin · amountₜ · (1 + annualRate)^(yearsₜ), with yearsₜ the time from the transaction to
 * `asOf` in years of 365.25 days and refunds counted negative at their own date (Kumar 2008,
 * "Customer Lifetime Value", Foundations and Trends in Marketing 1(1), §2, "past customer value").
 * It looks backwards only: use {@link customerLifetimeValue} for the future.
 * Edge cases: `[]` → `[]`; a transaction after `asOf` → `future_date`. Output order: by customer id
 * (code units). Sums are compensated (Neumaier). O(n log n).
 *
 * @param transactions - Purchases and refunds; never mutated.
 * @param options - `asOf` (required), `margin`, `annualRate`.
 * @returns One {@link HistoricValue} per customer.
 * @throws {@link RelmarkError} `invalid_options`; `future_date`; `duplicate_id` / `invalid_input` for
 *   invalid transactions (every issue with its path).
 * @example
 * ```ts
 * import { historicClv } from 'relmark/clv';
 * historicClv(
 *   [
 *     { id: 'p1', customerId: 'a', at: '2024-01-01', amount: 100 },
 *     { id: 'r1', customerId: 'a', at: '2024-01-05', amount: 20, kind: 'refund', refundOf: 'p1' },
 *     { customerId: 'b', at: '2024-02-01', amount: 50 },
 *   ],
 *   { asOf: '2024-03-01', margin: 0.3 },
 * );
 * //=> [{ customerId: 'a', value: 24, purchases: 1 }, { customerId: 'b', value: 15, purchases: 1 }]
 * ```
 * @category CLV
 */
export function historicClv(transactions: readonly TransactionInput[], options: HistoricClvOptions): HistoricValue[] {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'historicClv: invalid options', { code: 'invalid_options' });
  const { asOf, margin, annualRate } = parsed.data;
  const asOfMs = asOf.getTime();
  const valid = parseCalibrationTransactions(transactions, asOfMs, 'historicClv', 'asOf');
  const totals = new Map<string, { sum: number; compensation: number; purchases: number }>();
  const logGrowth = Math.log1p(annualRate);
  for (const t of valid) {
    let acc = totals.get(t.customerId);
    if (!acc) totals.set(t.customerId, (acc = { sum: 0, compensation: 0, purchases: 0 }));
    const years = (asOfMs - t.at.getTime()) / msPerUnit.year;
    const value = (t.kind === 'refund' ? -1 : 1) * t.amount * margin * (annualRate === 0 ? 1 : Math.exp(years * logGrowth));
    const s = acc.sum + value;
    acc.compensation += Math.abs(acc.sum) >= Math.abs(value) ? acc.sum - s + value : value - s + acc.sum;
    acc.sum = s;
    if (t.kind === 'purchase') acc.purchases++;
  }
  return [...totals.entries()]
    .sort(([p], [q]) => compareIds(p, q))
    .map(([customerId, acc]) => ({ customerId, value: acc.sum + acc.compensation, purchases: acc.purchases }));
}
