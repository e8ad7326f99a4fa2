import { requireArray, wrongType } from '../internal/guards.js';
import type { Channel, Purpose } from '../models/channel.js';
import type { ChannelConsent } from '../models/consent.js';

/**
 * The consent in force for a channel and purpose: the status of the latest event, or `'none'`.
 *
 * @remarks
 * Among the events for `(channel, purpose)` the one with the latest `at` wins; when two share the
 * latest instant, `withdrawn` wins (the safe reading of a conflict). Events for other channels or
 * purposes are ignored. Runs in O(n); the input is not mutated.
 *
 * @param consents - One customer's consent history (validated: `at` is a `Date`), in any order.
 * @param channel - The channel.
 * @param purpose - The purpose.
 * @returns `'granted'`, `'withdrawn'` or `'none'` when there is no event.
 * @throws {@link RelmarkError} `invalid_input` when `consents` is not an array or an event is not a
 *   validated consent (path `['consents', i]`; parse raw events with `ChannelConsentSchema` first).
 * @example
 * ```ts
 * import { consentStatus } from 'relmark/channels';
 * consentStatus(
 *   [
 *     { channel: 'sms', purpose: 'marketing', status: 'granted', at: new Date('2024-01-01') },
 *     { channel: 'sms', purpose: 'marketing', status: 'withdrawn', at: new Date('2024-03-01') },
 *   ],
 *   'sms',
 *   'marketing',
 * );
 * //=> 'withdrawn'
 * ```
 * @category Channels
 */
export function consentStatus(consents: readonly ChannelConsent[], channel: Channel, purpose: Purpose): 'granted' | 'withdrawn' | 'none' {
  requireArray('consentStatus', ['consents'], consents);
  let latest = Number.NEGATIVE_INFINITY;
  let status: 'granted' | 'withdrawn' | 'none' = 'none';
  for (let i = 0; i < consents.length; i++) {
    const event = consents[i] as ChannelConsent | undefined;
    // The cheap structural check of a validated event: this runs per customer and channel.
    if (typeof event !== 'object' || event === null || !(event.at instanceof Date) || (event.status !== 'granted' && event.status !== 'withdrawn')) {
      throw wrongType('consentStatus', ['consents', i], 'a validated consent event (status granted or withdrawn, at a Date)', event);
    }
    if (event.channel !== channel || event.purpose !== purpose) continue;
    const at = event.at.getTime();
    if (Number.isNaN(at)) throw wrongType('consentStatus', ['consents', i, 'at'], 'a valid Date', event.at);
    if (at > latest || (at === latest && event.status === 'withdrawn')) {
      latest = at;
      status = event.status;
    }
  }
  return status;
}
