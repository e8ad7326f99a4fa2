import * as z from 'zod';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { compareIds } from '../internal/order.js';
import { elapsed } from '../internal/time.js';
import { IdSchema, InstantSchema, TimeUnitSchema, type InstantInput, type TimeUnit } from '../models/primitives.js';
import { parseRfmOptions, parseRfmRows } from './parseRfmInput.js';
import type { RfmSummary } from './rfmSummary.js';
import type { SummarizeRfmResult } from './summarizeRfm.js';

/**
 * One customer's purchase history already summarised (by a warehouse or a CRM): first and last
 * purchase, number of purchases and net revenue.
 * @example
 * ```ts
 * import { CustomerActivitySchema } from 'relmark/rfm';
 * CustomerActivitySchema.safeParse({ customerId: 1, firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-02-01', orders: 0, revenue: 5 }).success;
 * //=> false
 * ```
 * @category RFM
 */
export const CustomerActivitySchema = z.object({
  customerId: IdSchema,
  firstPurchaseAt: InstantSchema,
  lastPurchaseAt: InstantSchema,
  orders: z.number().int().min(1),
  revenue: z.number(),
});
/** What {@link CustomerActivitySchema} accepts. @category RFM */
export type CustomerActivityInput = z.input<typeof CustomerActivitySchema>;

/** Options for {@link summarizeRfmCustomers}. @category RFM */
export interface SummarizeRfmCustomersOptions {
  /** The instant the summary is taken at; required. */
  readonly asOf: InstantInput;
  /** Unit of recency. @defaultValue 'day' */
  readonly timeUnit?: TimeUnit;
  /** `'total'`: revenue; `'mean'`: revenue / orders. @defaultValue 'total' */
  readonly monetary?: 'total' | 'mean';
}

const OptionsSchema = z.strictObject({
  asOf: InstantSchema,
  timeUnit: TimeUnitSchema.optional(),
  monetary: z.enum(['total', 'mean']).optional(),
});

/**
 * Turns customer-level activity rows (first and last purchase, orders, revenue) into RFM summaries
 * as of `asOf`, the same shape {@link summarizeRfm} gives from transactions.
 *
 * @remarks
 * Recency = (asOf − lastPurchaseAt) in `timeUnit`; frequency = orders; monetary = revenue, or
 * revenue / orders for `'mean'`. Use it when the history is already aggregated; with raw
 * transactions use {@link summarizeRfm}, which also handles refunds, windows and distinct days.
 * Output order: by customer id in code-unit order. O(n log n).
 *
 * @param rows - One activity row per customer; ids must be unique.
 * @param options - `asOf` (required), time unit and monetary definition.
 * @returns The summaries (with nothing excluded and no window).
 * @throws {@link RelmarkError} `invalid_options` for bad options; `future_date` if a last purchase lies
 *   after `asOf` (every such row listed, path `['rows', i, 'lastPurchaseAt']`); `duplicate_id` if an id
 *   repeats; `invalid_input` for malformed rows or a first purchase after the last.
 * @example
 * ```ts
 * import { summarizeRfmCustomers } from 'relmark/rfm';
 * summarizeRfmCustomers(
 *   [{ customerId: 'a', firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-03-17', orders: 4, revenue: 200 }],
 *   { asOf: '2024-03-31', timeUnit: 'week', monetary: 'mean' },
 * ).summaries.map((s) => [s.recency, s.frequency, s.monetary]);
 * //=> [[2, 4, 50]]
 * ```
 * @category RFM
 */
export function summarizeRfmCustomers(rows: readonly CustomerActivityInput[], options: SummarizeRfmCustomersOptions): SummarizeRfmResult {
  const parsed = parseRfmOptions(OptionsSchema, options, 'summarizeRfmCustomers');
  const valid = parseRfmRows(CustomerActivitySchema, rows, 'summarizeRfmCustomers', 'rows', (row) => row.customerId);
  const asOf = parsed.asOf.getTime();
  const issues: RelmarkIssue[] = [];
  rows.forEach((_, i) => {
    const row = valid[i];
    if (row === undefined) return;
    if (row.lastPurchaseAt.getTime() > asOf) {
      issues.push({ code: 'future_date', path: ['rows', i, 'lastPurchaseAt'], message: `Last purchase ${row.lastPurchaseAt.toISOString()} is after asOf ${parsed.asOf.toISOString()}` });
    }
    if (row.firstPurchaseAt.getTime() > row.lastPurchaseAt.getTime()) {
      issues.push({ code: 'first_after_last', path: ['rows', i, 'firstPurchaseAt'], message: 'First purchase is after the last purchase' });
    }
  });
  if (issues.length > 0) {
    const code = issues.every((issue) => issue.code === 'future_date') ? 'future_date' : 'invalid_input';
    throw new RelmarkError(code, 'summarizeRfmCustomers: invalid input', { issues });
  }
  const timeUnit = parsed.timeUnit ?? 'day';
  const mean = parsed.monetary === 'mean';
  const summaries = valid
    .map(
      (row): RfmSummary => ({
        customerId: row.customerId,
        recency: elapsed(row.lastPurchaseAt.getTime(), asOf, timeUnit),
        frequency: row.orders,
        monetary: mean ? row.revenue / row.orders : row.revenue,
        orders: row.orders,
        revenue: row.revenue,
        firstPurchaseAt: row.firstPurchaseAt,
        lastPurchaseAt: row.lastPurchaseAt,
      }),
    )
    .sort((a, b) => compareIds(a.customerId, b.customerId));
  return { summaries, asOf: parsed.asOf, timeUnit, windowStart: null, excluded: { future: 0, beforeWindow: 0, refundsWithoutPurchase: 0 } };
}
