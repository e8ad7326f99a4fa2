import { requireArray, requireOptions, wrongType } from '../internal/guards.js';
import type { Channel, Purpose } from '../models/channel.js';
import type { ChannelConsent } from '../models/consent.js';

/** Options of {@link consentStatus}. @category Channels */
export interface ConsentStatusOptions {
  /**
   * Only events at or before this instant count (the consent in force at `asOf`); absent, every
   * event counts.
   */
  readonly asOf?: Date | number;
}

/**
 * The consent in force for a channel and purpose: the status of the latest event, or `'none'`. The
 * one rule of relmark for consent: `channelPreferences`, `chooseChannel` and `planContacts` all decide
 * through it.
 *
 * @remarks
 * Among the events for `(channel, purpose)` (at or before `options.asOf` when given) the one with the
 * latest `at` wins; when a grant and a withdrawal share the latest instant, `withdrawn` wins (the safe
 * reading of a conflict), whatever their order in the list, so any permutation of the events gives
 * the same answer. Events for other channels or purposes are ignored. Runs in O(n); the input is not
 * mutated.
 *
 * Edge cases: no matching event (or none at or before `asOf`) → `'none'`; several events at the same
 * latest instant with the same status → that status.
 *
 * @param consents - One customer's consent history (validated: `at` is a `Date`), in any order.
 * @param channel - The channel.
 * @param purpose - The purpose.
 * @param options - `asOf` (a `Date` or epoch milliseconds) to ignore later events.
 * @returns `'granted'`, `'withdrawn'` or `'none'` when there is no event.
 * @throws {@link RelmarkError} `invalid_input` when `consents` is not an array or an event is not a
 *   validated consent (path `['consents', i]`; parse raw events with `ChannelConsentSchema` first);
 *   `invalid_options` when `options.asOf` is neither a `Date` nor a number.
 * @example
 * ```ts
 * import { consentStatus } from 'relmark/channels';
 * const consents = [
 *   { channel: 'sms', purpose: 'marketing', status: 'granted', at: new Date('2024-01-01') },
 *   { channel: 'sms', purpose: 'marketing', status: 'withdrawn', at: new Date('2024-03-01') },
 *   { channel: 'sms', purpose: 'marketing', status: 'granted', at: new Date('2024-03-01') },
 * ] as const;
 * consentStatus(consents, 'sms', 'marketing');
 * //=> 'withdrawn'
 * consentStatus(consents, 'sms', 'marketing', { asOf: new Date('2024-02-01') });
 * //=> 'granted'
 * consentStatus(consents, 'email', 'marketing');
 * //=> 'none'
 * ```
 * @category Channels
 */
export function consentStatus(
  consents: readonly ChannelConsent[],
  channel: Channel,
  purpose: Purpose,
  options: ConsentStatusOptions = {},
): 'granted' | 'withdrawn' | 'none' {
  requireArray('consentStatus', ['consents'], consents);
  requireOptions('consentStatus', options);
  const asOfValue: unknown = options.asOf;
  const asOf = asOfValue === undefined ? Number.POSITIVE_INFINITY : typeof asOfValue === 'number' ? asOfValue : asOfValue instanceof Date ? asOfValue.getTime() : Number.NaN;
  if (Number.isNaN(asOf)) throw wrongType('consentStatus', ['options', 'asOf'], 'a Date or epoch milliseconds', asOfValue, 'invalid_options');
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
    if (at > asOf) continue;
    if (at > latest || (at === latest && event.status === 'withdrawn')) {
      latest = at;
      status = event.status;
    }
  }
  return status;
}
