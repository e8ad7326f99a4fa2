import * as z from 'zod';
import { ChannelSchema, PurposeSchema } from '../models/channel.js';
import { InteractionSchema } from '../models/interaction.js';
import { IdSchema, InstantSchema } from '../models/primitives.js';

const TagsSchema = z.array(z.string().min(1)).optional();

/**
 * A proposed message: to whom, on which channel, for what purpose, how important, and when it may
 * be sent (`earliest` … `latest`, both optional: from `asOf`, until the plan's horizon).
 *
 * @remarks `priority` (default 0) ranks first, then `expectedValue` (default 0, e.g. a CLV uplift);
 * `tags` are matched by cap rules with a `tags` scope. `latest` before `earliest` is rejected.
 * @example
 * ```ts
 * import { ContactCandidateSchema } from 'relmark/contact';
 * const c = ContactCandidateSchema.parse({ id: 1, customerId: 'c-1', channel: 'email', earliest: '2024-05-02T09:00:00Z' });
 * [c.id, c.purpose, c.priority];
 * //=> ['1', 'marketing', 0]
 * ```
 * @category Contact
 */
export const ContactCandidateSchema = z
  .object({
    id: IdSchema,
    customerId: IdSchema,
    channel: ChannelSchema,
    purpose: PurposeSchema.default('marketing'),
    priority: z.number().default(0),
    expectedValue: z.number().default(0),
    earliest: InstantSchema.optional(),
    latest: InstantSchema.optional(),
    campaignId: IdSchema.optional(),
    tags: TagsSchema,
    /** Why this message, in words (from recommendationCandidates, dueCandidates, occasionCandidates, …); carried, never judged. */
    explanation: z.string().optional(),
  })
  .refine((c) => c.earliest === undefined || c.latest === undefined || c.earliest.getTime() <= c.latest.getTime(), {
    message: 'latest must not be before earliest',
    path: ['latest'],
  });
/** A validated candidate. @category Contact */
export type ContactCandidate = z.output<typeof ContactCandidateSchema>;
/** What {@link ContactCandidateSchema} accepts. @category Contact */
export type ContactCandidateInput = z.input<typeof ContactCandidateSchema>;

/**
 * One entry of the contact history: an {@link InteractionSchema} interaction, optionally with tags
 * (for `tags`-scoped caps). Only outbound entries count as past contacts.
 * @example
 * ```ts
 * import { ContactHistoryEntrySchema } from 'relmark/contact';
 * ContactHistoryEntrySchema.parse({
 *   id: 'h1', customerId: 'c-1', channel: 'sms', direction: 'outbound', purpose: 'marketing',
 *   outcome: 'delivered', at: '2024-05-01T10:00:00Z', tags: ['promo'],
 * }).tags;
 * //=> ['promo']
 * ```
 * @category Contact
 */
export const ContactHistoryEntrySchema = InteractionSchema.extend({ tags: TagsSchema });
/** A validated history entry. @category Contact */
export type ContactHistoryEntry = z.output<typeof ContactHistoryEntrySchema>;
/** What {@link ContactHistoryEntrySchema} accepts. @category Contact */
export type ContactHistoryEntryInput = z.input<typeof ContactHistoryEntrySchema>;
