import * as z from 'zod';
import { IdSchema, InstantSchema } from '../../models/primitives.js';

/**
 * A referral: a customer (`referrerId`) recommended the business to someone (`referredId`, when
 * known) at an instant. relmark's models have no referral record, so the rewards area defines it.
 * @example
 * ```ts
 * import { ReferralSchema } from 'relmark/rewards';
 * ReferralSchema.parse({ referrerId: 12, at: '2024-04-01' }).referrerId;
 * //=> '12'
 * ```
 * @category Relationship measures
 */
export const ReferralSchema = z.object({
  referrerId: IdSchema,
  referredId: IdSchema.optional(),
  at: InstantSchema,
});
/** @category Relationship measures */
export type Referral = z.output<typeof ReferralSchema>;
/** @category Relationship measures */
export type ReferralInput = z.input<typeof ReferralSchema>;
