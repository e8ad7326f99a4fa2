import type { Channel } from '../models/channel.js';
import type { ChannelConsent } from '../models/consent.js';
import { type CustomerInput, CustomerSchema } from '../models/customer.js';
import { parseBatch, requireAllValid } from '../models/parse.js';
import { reachableChannels, type ReachableChannelsOptions } from './reachableChannels.js';

/** Per-customer inputs of the channel functions, gathered from customer records. @category Channels */
export interface ChannelContext {
  /** Consent histories by customer id (customers without consents are left out). */
  readonly consents: Readonly<Record<string, readonly ChannelConsent[]>>;
  /** Stated preferences by customer id (customers without any are left out). */
  readonly statedPreferences: Readonly<Record<string, readonly Channel[]>>;
  /** Reachable channels of every customer (see {@link reachableChannels}). */
  readonly reachability: Readonly<Record<string, readonly Channel[]>>;
  /** IANA time zones by customer id (customers without one are left out). */
  readonly timeZones: Readonly<Record<string, string>>;
}

/**
 * Gathers the consents, stated preferences, reachability and time zones of customer records, ready
 * to spread into the options of `channelPreferences` (and `timeZone` of `sendTimePreference`).
 *
 * @remarks
 * Every customer gets a `reachability` entry (possibly empty), so that a customer without a
 * verified contact point is never contacted. The records are plain objects built with
 * `Object.fromEntries`, so an id such as `"__proto__"` stays an ordinary key. Runs in O(n).
 *
 * @param customers - Customer records (validated with `CustomerSchema`; ids must be unique).
 * @param options - Passed to {@link reachableChannels}.
 * @returns The context, keyed by customer id.
 * @throws {@link RelmarkError} `invalid_input` listing every bad field with its path
 *   (`['rows', 3, 'email']`); `duplicate_id` if the only problem is a repeated id.
 * @example
 * ```ts
 * import { channelContextFromCustomers } from 'relmark/channels';
 * const context = channelContextFromCustomers([
 *   { id: 'c1', email: 'ada@example.com', emailVerified: true, statedPreferences: ['email'], timeZone: 'Europe/London' },
 *   { id: 'c2', phone: '+441234567890', phoneVerified: true },
 * ]);
 * [context.reachability, context.statedPreferences, context.timeZones];
 * //=> [{ c1: ['email'], c2: ['sms', 'phone'] }, { c1: ['email'] }, { c1: 'Europe/London' }]
 * ```
 * @category Channels
 */
export function channelContextFromCustomers(customers: readonly CustomerInput[], options: ReachableChannelsOptions = {}): ChannelContext {
  const valid = requireAllValid(parseBatch(CustomerSchema, customers, { uniqueKey: (customer) => customer.id }), 'channelContextFromCustomers');
  return {
    consents: Object.fromEntries(valid.filter((c) => c.consents !== undefined).map((c) => [c.id, c.consents as ChannelConsent[]])),
    statedPreferences: Object.fromEntries(valid.filter((c) => c.statedPreferences !== undefined).map((c) => [c.id, c.statedPreferences as Channel[]])),
    reachability: Object.fromEntries(valid.map((c) => [c.id, reachableChannels(c, options)])),
    timeZones: Object.fromEntries(valid.filter((c) => c.timeZone !== undefined).map((c) => [c.id, c.timeZone as string])),
  };
}
