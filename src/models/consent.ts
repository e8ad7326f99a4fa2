import * as z from 'zod';
import { ChannelSchema, PurposeSchema } from './channel.js';
import { InstantSchema } from './primitives.js';

/**
 * One consent event: a customer granted or withdrew permission to be contacted on a channel for a
 * purpose, at a time. A customer's consent history is a list of these; for each (channel, purpose)
 * the latest event is the one in force.
 *
 * @example
 * ```ts
 * import { ChannelConsentSchema } from 'relmark/models';
 * const consent = ChannelConsentSchema.parse({ channel: 'sms', purpose: 'marketing', status: 'withdrawn', at: '2024-03-01' });
 * consent.at.toISOString();
 * //=> '2024-03-01T00:00:00.000Z'
 * ```
 * @category Models
 */
export const ChannelConsentSchema = z.object({
  channel: ChannelSchema,
  purpose: PurposeSchema,
  status: z.enum(['granted', 'withdrawn']),
  at: InstantSchema,
  /** Where the consent was captured (a form, a call, an import). */
  source: z.string().min(1).optional(),
});

/** @category Models */
export type ChannelConsent = z.output<typeof ChannelConsentSchema>;
/** @category Models */
export type ChannelConsentInput = z.input<typeof ChannelConsentSchema>;
