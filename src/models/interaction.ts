import * as z from 'zod';
import { ChannelSchema, DirectionSchema, OutcomeSchema, PurposeSchema } from './channel.js';
import { IdSchema, InstantSchema } from './primitives.js';

/**
 * A feedback score given in an interaction: Net Promoter (0–10, Reichheld 2003) or CSAT (1–5).
 * @example
 * ```ts
 * import { FeedbackSchema } from 'relmark/models';
 * FeedbackSchema.safeParse({ kind: 'nps', score: 9 }).success;
 * //=> true
 * FeedbackSchema.safeParse({ kind: 'csat', score: 0 }).success;
 * //=> false
 * ```
 * @category Models
 */
export const FeedbackSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nps'), score: z.number().int().min(0).max(10) }),
  z.object({ kind: z.literal('csat'), score: z.number().int().min(1).max(5) }),
]);
/** @category Models */
export type Feedback = z.output<typeof FeedbackSchema>;

/**
 * One contact between the business and a customer: who started it, on which channel, for what
 * purpose, what came of it, and when.
 *
 * @example
 * ```ts
 * import { InteractionSchema } from 'relmark/models';
 * const i = InteractionSchema.parse({
 *   id: 'i-1', customerId: 'c-1', channel: 'email', direction: 'outbound',
 *   purpose: 'marketing', outcome: 'clicked', at: '2024-05-01T09:30:00Z', campaignId: 'spring',
 * });
 * [i.channel, i.outcome];
 * //=> ['email', 'clicked']
 * ```
 * @category Models
 */
export const InteractionSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  channel: ChannelSchema,
  direction: DirectionSchema,
  purpose: PurposeSchema,
  outcome: OutcomeSchema,
  at: InstantSchema,
  campaignId: IdSchema.optional(),
  feedback: FeedbackSchema.optional(),
});

/** @category Models */
export type Interaction = z.output<typeof InteractionSchema>;
/** @category Models */
export type InteractionInput = z.input<typeof InteractionSchema>;
