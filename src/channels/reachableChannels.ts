import { requireOptions, wrongType } from '../internal/guards.js';
import type { Channel } from '../models/channel.js';
import type { ContactPoints } from '../models/contactPoints.js';

/** Options for {@link reachableChannels}. @category Channels */
export interface ReachableChannelsOptions {
  /** Count an email address or phone number only when it is verified. @defaultValue true */
  readonly requireVerified?: boolean;
}

/**
 * The channels on which a customer can be reached, from their contact points.
 *
 * @remarks
 * A (verified) email address → `email`; a (verified) phone number → `sms` and `phone`; at least one
 * push token → `push`; a postal address → `mail`. With `requireVerified` (the default) an unverified
 * or unconfirmed (`emailVerified` absent) address or number does not count: sending to it risks
 * bounces and complaints. Output order: `email`, `sms`, `phone`, `push`, `mail`. Runs in O(1);
 * takes validated contact points (for example a `Customer`) and does not check them.
 *
 * @param contactPoints - A customer's contact points.
 * @param options - Whether verification is required.
 * @returns The reachable channels.
 * @throws {@link RelmarkError} `invalid_input` when `contactPoints` is not an object;
 *   `invalid_options` when `options` is not an object or `requireVerified` not a boolean.
 * @example
 * ```ts
 * import { reachableChannels } from 'relmark/channels';
 * reachableChannels({ email: 'ada@example.com', emailVerified: true, phone: '+441234567890', pushTokens: [{ platform: 'ios', token: 't' }] });
 * //=> ['email', 'push']
 * reachableChannels({ phone: '+441234567890' }, { requireVerified: false });
 * //=> ['sms', 'phone']
 * ```
 * @category Channels
 */
export function reachableChannels(contactPoints: Readonly<ContactPoints>, options: ReachableChannelsOptions = {}): Channel[] {
  if (typeof contactPoints !== 'object' || contactPoints === null) throw wrongType('reachableChannels', ['contactPoints'], 'an object of contact points', contactPoints);
  requireOptions('reachableChannels', options);
  if (options.requireVerified !== undefined && typeof options.requireVerified !== 'boolean') {
    throw wrongType('reachableChannels', ['options', 'requireVerified'], 'a boolean', options.requireVerified, 'invalid_options');
  }
  const requireVerified = options.requireVerified ?? true;
  const channels: Channel[] = [];
  if (contactPoints.email !== undefined && (!requireVerified || contactPoints.emailVerified === true)) channels.push('email');
  if (contactPoints.phone !== undefined && (!requireVerified || contactPoints.phoneVerified === true)) channels.push('sms', 'phone');
  if (Array.isArray(contactPoints.pushTokens) && contactPoints.pushTokens.length > 0) channels.push('push');
  if (contactPoints.postalAddress !== undefined) channels.push('mail');
  return channels;
}
