import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { type Channel, ChannelSchema } from '../models/channel.js';
import { compareIds } from '../internal/order.js';
import type { ChannelPreferences, CustomerChannelPreference } from './types.js';

// Only what the mix reads; other fields of a preference pass through unchecked.
const PreferencesSchema = z.array(z.looseObject({ channels: z.array(z.looseObject({ channel: ChannelSchema })) }));

/** One channel's line in a {@link ChannelMix}. @category Channels */
export interface ChannelMixEntry {
  readonly channel: Channel;
  /** Customers for whom the channel ranks first. */
  readonly first: number;
  /** `first` as a share of all customers (0 when there are none). */
  readonly share: number;
  /** Customers for whom the channel is permitted at all (consent and reachability). */
  readonly permitted: number;
}

/** The result of {@link channelMix}. @category Channels */
export interface ChannelMix {
  /** Customers counted. */
  readonly customers: number;
  /** Customers with no permitted channel. */
  readonly unreachable: number;
  /** One entry per channel permitted for anyone: by `first` descending, then channel in code-unit order. */
  readonly channels: readonly ChannelMixEntry[];
}

/**
 * How many customers each channel reaches first, and how many it may reach at all: the numbers to
 * size a campaign per channel.
 *
 * @remarks
 * Counts each customer's first-ranked channel (`first`) and every permitted channel (`permitted`).
 * `share` is `first / customers`, so the shares and `unreachable / customers` add up to 1.
 * Edge cases: no customers → `{ customers: 0, unreachable: 0, channels: [] }`. Order: by `first`
 * descending, then channel in code-unit order. Runs in O(C·K).
 *
 * @param preferences - The result of `channelPreferences`, or its `customers` list.
 * @returns The mix.
 * @throws {@link RelmarkError} `invalid_input` with every issue (paths such as
 *   `['customers', 3, 'channels', 0, 'channel']`) when the input is not such a result.
 * @example
 * ```ts
 * import { channelMix } from 'relmark/channels';
 * const score = { score: 0.5, lower: 0.1, upper: 0.9, evidence: 0, alpha: 1, beta: 1, lastEngagedAt: null, reason: '' };
 * channelMix([
 *   { customerId: 'a', channels: [{ channel: 'sms', source: 'stated', ...score }, { channel: 'email', source: 'default', ...score }], blocked: [] },
 *   { customerId: 'b', channels: [{ channel: 'email', source: 'default', ...score }], blocked: [] },
 *   { customerId: 'c', channels: [], blocked: [{ channel: 'email', reason: 'no_consent' }] },
 * ]);
 * //=> { customers: 3, unreachable: 1, channels: [
 * //     { channel: 'email', first: 1, share: 0.3333, permitted: 2 },
 * //     { channel: 'sms', first: 1, share: 0.3333, permitted: 1 }] }
 * ```
 * @category Channels
 */
export function channelMix(preferences: ChannelPreferences | readonly CustomerChannelPreference[]): ChannelMix {
  const parsed = PreferencesSchema.safeParse(Array.isArray(preferences) ? preferences : (preferences as { customers?: unknown } | null)?.customers);
  if (!parsed.success) {
    throw fromZodError(parsed.error, 'channelMix: expected the result of channelPreferences, or its customers', { pathPrefix: ['customers'] });
  }
  const customers = parsed.data;
  const first = new Map<Channel, number>();
  const permitted = new Map<Channel, number>();
  let unreachable = 0;
  for (const customer of customers) {
    const top = customer.channels[0];
    if (top === undefined) unreachable++;
    else first.set(top.channel, (first.get(top.channel) ?? 0) + 1);
    for (const entry of customer.channels) permitted.set(entry.channel, (permitted.get(entry.channel) ?? 0) + 1);
  }
  const total = customers.length;
  const channels = [...permitted.keys()]
    .map((channel) => {
      const count = first.get(channel) ?? 0;
      return { channel, first: count, share: total === 0 ? 0 : count / total, permitted: permitted.get(channel) ?? 0 };
    })
    .sort((x, y) => y.first - x.first || compareIds(x.channel, y.channel));
  return { customers: total, unreachable, channels };
}
