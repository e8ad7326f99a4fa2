import * as z from 'zod';

const whole = (max: number) => z.number().int().min(1).max(max);

/**
 * When earned points lapse, for lots whose earn entry gives no `expiresAt` of its own:
 * - `never`: points do not expire;
 * - `after`: `amount` days or calendar months (UTC) after the earn;
 * - `end_of_period`: at the end of the UTC calendar month or year of the earn, or `periodsAfter`
 *   periods later (`{ period: 'year', periodsAfter: 1 }` = the end of the following year);
 * - `inactivity`: every open point lapses when the member has had no earn or redemption for
 *   `amount` days or calendar months.
 *
 * @example
 * ```ts
 * import { ExpiryPolicySchema } from 'relmark/rewards';
 * ExpiryPolicySchema.parse({ kind: 'end_of_period', period: 'year' });
 * //=> { kind: 'end_of_period', period: 'year', periodsAfter: 0 }
 * ```
 * @category Rewards
 */
export const ExpiryPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }),
  z.object({ kind: z.literal('after'), amount: whole(100_000), unit: z.enum(['day', 'month']) }),
  z.object({ kind: z.literal('end_of_period'), period: z.enum(['month', 'year']), periodsAfter: z.number().int().min(0).max(1200).default(0) }),
  z.object({ kind: z.literal('inactivity'), amount: whole(100_000), unit: z.enum(['day', 'month']) }),
]);
/** @category Rewards */
export type ExpiryPolicy = z.output<typeof ExpiryPolicySchema>;
/** @category Rewards */
export type ExpiryPolicyInput = z.input<typeof ExpiryPolicySchema>;

/**
 * How a points ledger is interpreted: expiry, the order in which lots are consumed, and whether a
 * return may take the balance below zero.
 *
 * @remarks
 * - `expiry` (default `{ kind: 'never' }`): see {@link ExpiryPolicySchema}. An earn's own `expiresAt`
 *   always wins. Either the policy or the ledger's `expire` entries should expire points, not both:
 *   an `expire` entry removes points that are still open when it is applied.
 * - `consumption` (default `'soonest_expiring'`): redemptions take points from the lot that expires
 *   first (never-expiring lots last; ties by earn date, then entry id), or from the oldest lot
 *   (`'oldest_earned'`). The two differ when lots have different validity.
 * - `negativeBalance` (default `'never'`): with `'for_returns'`, the part of a reversed earn that was
 *   already spent is taken from the member's other lots (pending ones included), and what is still
 *   missing puts the balance below zero; later credits (and restored points) pay that debt first.
 *   With `'never'` the unspent part is clawed back and the rest is reported.
 *
 * @example
 * ```ts
 * import { PointsPolicySchema } from 'relmark/rewards';
 * PointsPolicySchema.parse({});
 * //=> { expiry: { kind: 'never' }, consumption: 'soonest_expiring', negativeBalance: 'never' }
 * ```
 * @category Rewards
 */
export const PointsPolicySchema = z.object({
  expiry: ExpiryPolicySchema.default({ kind: 'never' }),
  consumption: z.enum(['soonest_expiring', 'oldest_earned']).default('soonest_expiring'),
  negativeBalance: z.enum(['never', 'for_returns']).default('never'),
});
/** A parsed points policy (every field present). @category Rewards */
export type PointsPolicy = z.output<typeof PointsPolicySchema>;
/** What {@link PointsPolicySchema} accepts (every field optional). @category Rewards */
export type PointsPolicyInput = z.input<typeof PointsPolicySchema>;
