import * as z from 'zod';

/**
 * The channels relmark names. Any other lower-case identifier (`'line'`, `'in_app'`) is accepted
 * by {@link ChannelSchema} too.
 * @example
 * ```ts
 * import { knownChannels } from 'relmark/models';
 * knownChannels.includes('whatsapp');
 * //=> true
 * ```
 * @category Models
 */
export const knownChannels = [
  'email',
  'sms',
  'phone',
  'push',
  'mail',
  'in_person',
  'web',
  'social',
  'chat',
  'whatsapp',
] as const;

/** One of {@link knownChannels}. @category Models */
export type KnownChannel = (typeof knownChannels)[number];

/**
 * A contact channel: one of {@link knownChannels} or any lower-case identifier
 * (`[a-z][a-z0-9_]*`, at most 64 characters).
 *
 * @example
 * ```ts
 * import { ChannelSchema } from 'relmark/models';
 * ChannelSchema.parse('whatsapp');
 * //=> 'whatsapp'
 * ChannelSchema.parse('in_app');
 * //=> 'in_app'
 * ChannelSchema.safeParse('E-Mail').success;
 * //=> false
 * ```
 * @category Models
 */
export const ChannelSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'Expected a channel: a lower-case identifier such as "email" or "in_app"')
  .transform((channel) => channel as Channel);

/** A channel: a known one, or another lower-case identifier. @category Models */
// `string & {}` keeps editor completion for the known names while accepting any identifier.
export type Channel = KnownChannel | (string & {});

/**
 * Who started an interaction: the customer (`inbound`) or the business (`outbound`).
 * @example
 * ```ts
 * import { DirectionSchema } from 'relmark/models';
 * DirectionSchema.options;
 * //=> ['inbound', 'outbound']
 * ```
 * @category Models
 */
export const DirectionSchema = z.enum(['inbound', 'outbound']);
/** @category Models */
export type Direction = z.output<typeof DirectionSchema>;

/**
 * Why a message or contact happens. Transactional and service messages are usually exempt from
 * marketing caps; consent is given per channel and purpose. `replenishment` and `occasion` are kinds
 * of marketing: without their own consent record, a customer's marketing consent applies to them.
 * @example
 * ```ts
 * import { PurposeSchema } from 'relmark/models';
 * PurposeSchema.options;
 * //=> ['marketing', 'transactional', 'service', 'feedback', 'cross_sell', 'replenishment', 'occasion']
 * ```
 * @category Models
 */
export const PurposeSchema = z.enum([
  'marketing',
  'transactional',
  'service',
  'feedback',
  'cross_sell', // another product the customer may need (recommendationCandidates)
  'replenishment', // a customer due to buy again (dueCandidates)
  'occasion', // a birthday or anniversary (occasionCandidates)
]);
/** @category Models */
export type Purpose = z.output<typeof PurposeSchema>;

/**
 * What came of an interaction, from delivery to conversion, and the negative outcomes.
 * @example
 * ```ts
 * import { OutcomeSchema } from 'relmark/models';
 * OutcomeSchema.safeParse('clicked').success;
 * //=> true
 * ```
 * @category Models
 */
export const OutcomeSchema = z.enum([
  'sent',
  'delivered',
  'opened',
  'clicked',
  'responded',
  'converted',
  'bounced',
  'complained',
  'unsubscribed',
]);
/** @category Models */
export type Outcome = z.output<typeof OutcomeSchema>;
