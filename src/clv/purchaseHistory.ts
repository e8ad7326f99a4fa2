import * as z from 'zod';
import { IdSchema } from '../models/primitives.js';

/**
 * One customer's purchase history in Fader–Hardie notation: the input of every transaction model.
 *
 * @remarks
 * - `x` (frequency): the number of REPEAT purchases, an integer ≥ 0 (the first purchase is not counted;
 *   purchases in the same period count once).
 * - `tx` (recency): the time from the first to the last purchase; 0 when x = 0.
 * - `T` (age): the time from the first purchase to the end of observation; `tx ≤ T`.
 * - `monetaryMean` (z̄): the mean value of the repeat purchases, 0 when x = 0; optional, as only the
 *   spend model needs it.
 * - `litt`: the sum of the logs of the x inter-purchase times (0 when x = 0); optional, as only
 *   MBG/CNBD-k needs it ({@link summarizeHistories} computes it with `litt: true`).
 * - `covariates`: time-invariant covariates by name, for fits with covariates; optional.
 *
 * Times are in the unit of the fit (`timeUnit`, weeks by default), the unit that
 * {@link summarizeHistories} produced them in.
 *
 * @example
 * ```ts
 * import { PurchaseHistorySchema } from 'relmark/clv';
 * PurchaseHistorySchema.parse({ customerId: 1, x: 2, tx: 30.43, T: 38.86 });
 * //=> { customerId: '1', x: 2, tx: 30.43, T: 38.86 }
 * PurchaseHistorySchema.safeParse({ customerId: 2, x: 1, tx: 40, T: 38.86 }).success;
 * //=> false
 * ```
 * @category CLV
 */
export const PurchaseHistorySchema = z
  .object({
    customerId: IdSchema,
    x: z.number().int().nonnegative(),
    tx: z.number().nonnegative(),
    T: z.number().nonnegative(),
    monetaryMean: z.number().nonnegative().optional(),
    litt: z.number().optional(),
    covariates: z.record(z.string(), z.number()).optional(),
  })
  .superRefine((h, ctx) => {
    if (h.tx > h.T) ctx.addIssue({ code: 'custom', path: ['tx'], message: `Recency tx (${h.tx}) exceeds age T (${h.T})` });
    if (h.x === 0 && h.litt !== undefined && h.litt !== 0) ctx.addIssue({ code: 'custom', path: ['litt'], message: `A customer without repeat purchases (x = 0) must have litt = 0, received ${h.litt}` });
    if (h.x === 0 && h.tx !== 0) ctx.addIssue({ code: 'custom', path: ['tx'], message: `A customer without repeat purchases (x = 0) must have tx = 0, received ${h.tx}` });
  });

/** A purchase history as produced by {@link PurchaseHistorySchema}. @category CLV */
export type PurchaseHistory = z.output<typeof PurchaseHistorySchema>;
/** What {@link PurchaseHistorySchema} accepts. @category CLV */
export type PurchaseHistoryInput = z.input<typeof PurchaseHistorySchema>;

/** The part of a history that the transaction models read: frequency, recency and age. @category CLV */
export interface HistoryPoint {
  /** Repeat purchases (an integer ≥ 0). */
  readonly x: number;
  /** Time from the first to the last purchase. */
  readonly tx: number;
  /** Time from the first purchase to the end of observation. */
  readonly T: number;
  /** The sum of the logs of the x inter-purchase times: read only by MBG/CNBD-k. */
  readonly litt?: number | undefined;
  /**
   * Time-invariant covariates by name (for fits made with the `covariates` option; other fits ignore
   * them). Values must be finite numbers.
   */
  readonly covariates?: Readonly<Record<string, number>> | undefined;
}
