import * as z from 'zod';
import { IdSchema, InstantSchema } from '../models/primitives.js';

/**
 * One customer-level RFM row, as it comes from a warehouse or another tool: id, recency, frequency
 * and monetary value, with optional order count, net revenue and purchase dates.
 *
 * @remarks
 * This is the "already summarised" input of {@link scoreRfm} and {@link summarizeSegments}; rows from
 * {@link summarizeRfm} satisfy it too. `recency` (in the caller's time unit) and `frequency` are
 * finite and non-negative; `monetary` is any finite number (net of refunds it may be negative).
 * When `orders` is absent it defaults to `frequency`, and when `revenue` is absent it defaults to
 * `monetary` (read as total spend): only {@link summarizeSegments} uses them.
 *
 * @example
 * ```ts
 * import { RfmSummarySchema } from 'relmark/rfm';
 * RfmSummarySchema.parse({ customerId: 7, recency: 3, frequency: 2, monetary: 40 });
 * //=> { customerId: '7', recency: 3, frequency: 2, monetary: 40, orders: 2, revenue: 40 }
 * ```
 * @category RFM
 */
export const RfmSummarySchema = z
  .object({
    customerId: IdSchema,
    recency: z.number().nonnegative(),
    frequency: z.number().nonnegative(),
    monetary: z.number(),
    orders: z.number().int().nonnegative().optional(),
    revenue: z.number().optional(),
    firstPurchaseAt: InstantSchema.optional(),
    lastPurchaseAt: InstantSchema.optional(),
  })
  .transform((row) => ({ ...row, orders: row.orders ?? row.frequency, revenue: row.revenue ?? row.monetary }));

/** What {@link RfmSummarySchema} accepts: a customer-level RFM row. @category RFM */
export type RfmSummaryInput = z.input<typeof RfmSummarySchema>;
/** A customer-level RFM row after {@link RfmSummarySchema} (orders and revenue filled in). @category RFM */
export type RfmSummaryRow = z.output<typeof RfmSummarySchema>;

/** The fields {@link scoreRfmUnchecked} reads from each row. @category RFM */
export interface RfmScorable {
  readonly customerId: string;
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
}

/**
 * The RFM summary of one customer, as {@link summarizeRfm} computes it from transactions.
 * @category RFM
 */
export interface RfmSummary extends RfmScorable {
  /** Time from the last counted purchase to `asOf`, in the result's `timeUnit`. */
  readonly recency: number;
  /** Number of counted purchases, or of distinct UTC days with a purchase (option `frequency: 'days'`). */
  readonly frequency: number;
  /** Net revenue (`'total'`) or net revenue divided by `frequency` (`'mean'`). */
  readonly monetary: number;
  /** Number of counted purchases (whatever the `frequency` option). */
  readonly orders: number;
  /** Net revenue: counted purchases minus counted refunds. */
  readonly revenue: number;
  readonly firstPurchaseAt: Date;
  readonly lastPurchaseAt: Date;
}
