import * as z from 'zod';
import { ChannelSchema } from './channel.js';
import { ChannelConsentSchema } from './consent.js';
import { ContactPointsSchema } from './contactPoints.js';
import { AttributesSchema, IdSchema, InstantSchema, TimeZoneSchema } from './primitives.js';

/**
 * A customer: id, names, contact points, time zone, birthday, consents, stated channel
 * preferences and free-form attributes.
 *
 * @remarks
 * `birthday` is a calendar date (`'1990-05-17'`), not an instant: it has no time zone. `consents` is
 * the consent history (the latest event per channel and purpose is in force).
 * `statedPreferences` lists the channels the customer asked for, most preferred first, without
 * repeats. Unknown keys are stripped (zod's default), except in `attributes`.
 * Extend it with zod: `CustomerSchema.extend({ loyaltyNumber: z.string() })`.
 *
 * @example
 * ```ts
 * import { CustomerSchema } from 'relmark/models';
 * const customer = CustomerSchema.parse({
 *   id: 17,
 *   givenName: 'Ada',
 *   email: 'ada@example.com',
 *   timeZone: 'Europe/London',
 *   createdAt: '2024-01-15',
 *   statedPreferences: ['email', 'sms'],
 * });
 * customer.id;
 * //=> '17'
 * customer.createdAt?.toISOString();
 * //=> '2024-01-15T00:00:00.000Z'
 * ```
 * @category Models
 */
export const CustomerSchema = z.object({
  id: IdSchema,
  givenName: z.string().min(1).optional(),
  familyName: z.string().min(1).optional(),
  displayName: z.string().min(1).optional(),
  ...ContactPointsSchema.shape,
  timeZone: TimeZoneSchema.optional(),
  birthday: z.iso.date('Expected a birthday as a calendar date YYYY-MM-DD').optional(),
  createdAt: InstantSchema.optional(),
  consents: z.array(ChannelConsentSchema).optional(),
  statedPreferences: z
    .array(ChannelSchema)
    .refine((channels) => new Set(channels).size === channels.length, { message: 'A channel is listed twice' })
    .optional(),
  attributes: AttributesSchema.optional(),
});

/** A customer as produced by {@link CustomerSchema} (dates as `Date`, ids as strings). @category Models */
export type Customer = z.output<typeof CustomerSchema>;
/** What {@link CustomerSchema} accepts (dates also as strings or epoch ms, ids also as integers). @category Models */
export type CustomerInput = z.input<typeof CustomerSchema>;
