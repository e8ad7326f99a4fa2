import * as z from 'zod';
import { ChannelSchema, PurposeSchema } from '../models/channel.js';
import { IdSchema, InstantSchema, TimeZoneSchema } from '../models/primitives.js';
import { ContactDurationSchema } from './contactDuration.js';

/**
 * A local wall-clock time `'HH:MM'` (24-hour), produced as minutes after midnight.
 * @example
 * ```ts
 * import { ClockTimeSchema } from 'relmark/contact';
 * ClockTimeSchema.parse('21:30');
 * //=> 1290
 * ClockTimeSchema.safeParse('24:00').success;
 * //=> false
 * ```
 * @category Contact
 */
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a 24-hour local time "HH:MM" such as "21:00"')
  .transform((text) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5)));

/**
 * Which contacts a cap counts: every contact, those on some channels, those with some purposes, or
 * those carrying some tags (candidates' and history entries' `tags`).
 * @example
 * ```ts
 * import { CapScopeSchema } from 'relmark/contact';
 * CapScopeSchema.parse({ kind: 'channels', channels: ['email'] }).kind;
 * //=> 'channels'
 * ```
 * @category Contact
 */
export const CapScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('channels'), channels: z.array(ChannelSchema).min(1) }),
  z.object({ kind: z.literal('purposes'), purposes: z.array(PurposeSchema).min(1) }),
  z.object({ kind: z.literal('tags'), tags: z.array(z.string().min(1)).min(1) }),
]);
/** @category Contact */
export type CapScope = z.output<typeof CapScopeSchema>;

/**
 * The window a cap counts over: `rolling` (any span of `length`, e.g. any 7 days) or `calendar`
 * (the customer's local day, week or month).
 * @example
 * ```ts
 * import { CapWindowSchema } from 'relmark/contact';
 * CapWindowSchema.parse({ kind: 'rolling', length: '7d' });
 * //=> { kind: 'rolling', length: 604800000 }
 * ```
 * @category Contact
 */
export const CapWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling'), length: ContactDurationSchema }),
  z.object({ kind: z.literal('calendar'), unit: z.enum(['day', 'week', 'month']) }),
]);
/** @category Contact */
export type CapWindow = z.output<typeof CapWindowSchema>;

/**
 * A frequency cap: at most `max` contacts in `scope` per `window`. All caps apply together (AND).
 * `id` names the rule in plan results (default: its path, `caps[2]`).
 * @example
 * ```ts
 * import { CapRuleSchema } from 'relmark/contact';
 * CapRuleSchema.parse({ scope: { kind: 'all' }, max: 3, window: { kind: 'calendar', unit: 'week' } }).max;
 * //=> 3
 * ```
 * @category Contact
 */
export const CapRuleSchema = z.object({
  id: z.string().min(1).optional(),
  scope: CapScopeSchema,
  max: z.number().int().nonnegative(),
  window: CapWindowSchema,
});
/** @category Contact */
export type CapRule = z.output<typeof CapRuleSchema>;
/** @category Contact */
export type CapRuleInput = z.input<typeof CapRuleSchema>;

/**
 * The least time between two counted contacts on one channel (`{ channel: 'sms', gap: '24h' }`).
 * @example
 * ```ts
 * import { MinGapRuleSchema } from 'relmark/contact';
 * MinGapRuleSchema.parse({ channel: 'sms', gap: '24h' }).gap;
 * //=> 86400000
 * ```
 * @category Contact
 */
export const MinGapRuleSchema = z.object({ channel: ChannelSchema, gap: ContactDurationSchema });
/** @category Contact */
export type MinGapRule = z.output<typeof MinGapRuleSchema>;

/**
 * Quiet hours in the customer's local time, from `start` (inclusive) to `end` (exclusive); a window
 * with `start` after `end` wraps midnight (`'21:00'` → `'08:00'`). `channels` absent means every
 * channel. A contact requested inside quiet hours is moved to their end (`action: 'defer'`, by at
 * most `maxDeferral`, else it is suppressed) or suppressed (`'drop'`); one that another rule moves
 * into quiet hours always moves on to their end. Quiet hours are judged on the local wall clock, and
 * their end is the first instant whose local time is outside them: across a DST change that may be the
 * second pass of a repeated hour, the moment the clock falls back out of them, or the transition that
 * skips their end.
 * @example
 * ```ts
 * import { QuietHoursRuleSchema } from 'relmark/contact';
 * QuietHoursRuleSchema.parse({ start: '21:00', end: '08:00' });
 * //=> { start: 1260, end: 480, action: 'defer' }
 * ```
 * @category Contact
 */
export const QuietHoursRuleSchema = z
  .object({
    channels: z.array(ChannelSchema).min(1).optional(),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
    action: z.enum(['defer', 'drop']).default('defer'),
    maxDeferral: ContactDurationSchema.optional(),
  })
  .refine((rule) => rule.start !== rule.end, { message: 'Quiet hours need start ≠ end', path: ['end'] });
/** @category Contact */
export type QuietHoursRule = z.output<typeof QuietHoursRuleSchema>;

/**
 * How many contacts a channel can make per day (a call centre's calls), counted on the calendar
 * day of the policy's `capacityTimeZone`, history included.
 * @example
 * ```ts
 * import { CapacityRuleSchema } from 'relmark/contact';
 * CapacityRuleSchema.parse({ channel: 'phone', perDay: 200 }).perDay;
 * //=> 200
 * ```
 * @category Contact
 */
export const CapacityRuleSchema = z.object({ channel: ChannelSchema, perDay: z.number().int().nonnegative() });
/** @category Contact */
export type CapacityRule = z.output<typeof CapacityRuleSchema>;

/**
 * Settings for one customer: caps that REPLACE the policy's caps, a pause (no counted contact from
 * `from` until `to`), and a preferred cadence (the least time between two counted contacts on any
 * channel).
 * @example
 * ```ts
 * import { CustomerOverrideSchema } from 'relmark/contact';
 * CustomerOverrideSchema.parse({ customerId: 7, cadence: '3d' });
 * //=> { customerId: '7', cadence: 259200000 }
 * ```
 * @category Contact
 */
export const CustomerOverrideSchema = z.object({
  customerId: IdSchema,
  caps: z.array(CapRuleSchema).optional(),
  pause: z
    .object({ from: InstantSchema, to: InstantSchema })
    .refine((pause) => pause.from.getTime() < pause.to.getTime(), { message: 'A pause needs from < to', path: ['to'] })
    .optional(),
  cadence: ContactDurationSchema.optional(),
});
/** @category Contact */
export type CustomerOverride = z.output<typeof CustomerOverrideSchema>;

/**
 * Under-contact limits for a segment (customers whose segment attribute equals `segment`; absent
 * means every customer): `maxSilence`, the longest time without a useful contact, and `minTouches`,
 * the fewest useful contacts per window. The first matching rule applies.
 * @example
 * ```ts
 * import { UnderContactRuleSchema } from 'relmark/contact';
 * UnderContactRuleSchema.parse({ segment: 'champions', maxSilence: '30d' }).maxSilence;
 * //=> 2592000000
 * ```
 * @category Contact
 */
export const UnderContactRuleSchema = z
  .object({
    segment: z.string().min(1).optional(),
    maxSilence: ContactDurationSchema.optional(),
    minTouches: z.object({ count: z.number().int().positive(), window: CapWindowSchema }).optional(),
  })
  .refine((rule) => rule.maxSilence !== undefined || rule.minTouches !== undefined, {
    message: 'An under-contact rule needs maxSilence or minTouches',
  });
/** @category Contact */
export type UnderContactRule = z.output<typeof UnderContactRuleSchema>;

/**
 * A contact policy: caps, minimum gaps, quiet hours, daily capacity, purpose exemptions, consent,
 * per-customer overrides and under-contact limits. Validated once, used by {@link planContacts},
 * {@link contactPressure} and {@link overdueCustomers}.
 *
 * @remarks
 * - `fallbackTimeZone` is required: it is the zone of customers without one, so local rules (quiet
 *   hours, calendar windows) are never silently unenforced.
 * - `weekStartsOn`: 0 = Sunday … 6 = Saturday; default 1 (Monday, ISO 8601).
 * - Exempt purposes (default transactional and service) are never blocked by caps, minimum gaps,
 *   cadence or pauses; they count toward caps and gaps only if `exemptPurposesCountTowardCaps`. A cap
 *   whose scope names purposes applies to exactly those purposes, exempt or not. Consent, quiet hours
 *   and capacity apply to every purpose.
 * - `consentRequiredFor` purposes need a granted consent in force for the channel and purpose; for the
 *   others, a withdrawn consent still blocks (consent is absolute). `cross_sell`, `replenishment` and `occasion`
 *   without a record of their own follow the customer's marketing consent on the channel. The consent in force is the latest
 *   event at or before `asOf`; a withdrawal wins a tie with a grant, whatever the list order (the
 *   rule of `consentStatus` in `relmark/channels`).
 * - Only outbound history counts as past contacts; useful contacts (for under-contact) are outbound,
 *   not bounced, with a purpose in `usefulPurposes`.
 *
 * @example
 * ```ts
 * import { ContactPolicySchema } from 'relmark/contact';
 * const policy = ContactPolicySchema.parse({
 *   fallbackTimeZone: 'Europe/Paris',
 *   caps: [{ id: 'weekly', scope: { kind: 'all' }, max: 3, window: { kind: 'calendar', unit: 'week' } }],
 *   minGaps: [{ channel: 'email', gap: '16h' }],
 *   quietHours: [{ start: '21:00', end: '08:00' }],
 * });
 * [policy.weekStartsOn, policy.exemptPurposes];
 * //=> [1, ['transactional', 'service']]
 * ```
 * @category Contact
 */
export const ContactPolicySchema = z
  .object({
    fallbackTimeZone: TimeZoneSchema,
    weekStartsOn: z.number().int().min(0).max(6).default(1),
    capacityTimeZone: TimeZoneSchema.optional(),
    caps: z.array(CapRuleSchema).default([]),
    minGaps: z.array(MinGapRuleSchema).default([]),
    quietHours: z.array(QuietHoursRuleSchema).default([]),
    capacity: z.array(CapacityRuleSchema).default([]),
    exemptPurposes: z.array(PurposeSchema).default(['transactional', 'service']),
    exemptPurposesCountTowardCaps: z.boolean().default(false),
    consentRequiredFor: z.array(PurposeSchema).default(['marketing', 'feedback', 'cross_sell', 'replenishment', 'occasion']),
    overrides: z.array(CustomerOverrideSchema).default([]),
    underContact: z.array(UnderContactRuleSchema).default([]),
    usefulPurposes: z.array(PurposeSchema).default(['marketing', 'service', 'feedback', 'cross_sell', 'replenishment', 'occasion']),
    segmentAttribute: z.string().min(1).default('segment'),
    valueAttribute: z.string().min(1).default('value'),
  })
  .superRefine((policy, ctx) => {
    const repeated = (values: readonly (string | undefined)[], path: (i: number) => (string | number)[], what: string) => {
      const seen = new Set<string>();
      values.forEach((value, i) => {
        if (value === undefined) return;
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: path(i), message: `${what} "${value}" appears more than once` });
        seen.add(value);
      });
    };
    repeated(policy.caps.map((cap) => cap.id), (i) => ['caps', i, 'id'], 'Cap id');
    repeated(policy.minGaps.map((rule) => rule.channel), (i) => ['minGaps', i, 'channel'], 'Min-gap channel');
    repeated(policy.capacity.map((rule) => rule.channel), (i) => ['capacity', i, 'channel'], 'Capacity channel');
    repeated(policy.overrides.map((rule) => rule.customerId), (i) => ['overrides', i, 'customerId'], 'Override for customer');
  });

/** A validated policy, as {@link ContactPolicySchema} produces it. @category Contact */
export type ContactPolicy = z.output<typeof ContactPolicySchema>;
/** What {@link ContactPolicySchema} accepts. @category Contact */
export type ContactPolicyInput = z.input<typeof ContactPolicySchema>;
