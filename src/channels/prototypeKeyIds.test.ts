import { describe, expect, it } from 'vitest';
import { channelPreferences, sendTimePreference } from 'relmark/channels';
import type { InteractionInput } from 'relmark/models';

// Ids that are keys of Object.prototype, and "__proto__", which JSON.parse makes an own key.
const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const asOf = '2024-06-30T00:00:00Z';
// Through JSON, as input from a file arrives: JSON.parse makes "__proto__" an own key.
const byId = <T>(entries: readonly (readonly [string, T])[]) => JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, T>;
const click = (customerId: string, i: number): InteractionInput => ({
  id: `i${customerId}${i}`,
  customerId,
  channel: 'email',
  direction: 'outbound',
  purpose: 'marketing',
  outcome: 'clicked',
  at: '2024-06-01T10:00:00Z',
});

describe('channels keep every customer id as a key, __proto__ included', () => {
  it.each(ids)('honours a withdrawal under id %s (consentDefault allow)', (id) => {
    const consents = byId([[id, [{ channel: 'email', purpose: 'marketing', status: 'withdrawn', at: '2024-01-01T00:00:00Z' } as const]]]);
    expect(Object.hasOwn(consents, id)).toBe(true);
    const result = channelPreferences([click(id, 1), click(id, 2)], { asOf, consentDefault: 'allow', prior: { alpha: 1, beta: 1 }, consents, channels: ['email', 'sms'] });
    const customer = result.customers.find((c) => c.customerId === id);
    expect(customer?.channels.map((c) => c.channel)).toEqual(['sms']);
    expect(customer?.blocked).toEqual([{ channel: 'email', reason: 'consent_withdrawn' }]);
  });

  it.each(ids)('keeps the stated preference and the reachability of id %s, and the customer in the output', (id) => {
    const statedPreferences = byId([[id, ['sms']]]);
    const reachability = byId([[id, ['sms', 'push']]]);
    const result = channelPreferences([], { asOf, consentDefault: 'allow', statedPreferences, reachability, channels: ['email', 'sms', 'push'] });
    expect(result.customers.map((c) => [c.customerId, c.channels.map((s) => [s.channel, s.source])])).toEqual([
      [id, [['sms', 'stated'], ['push', 'default']]],
    ]);
  });

  it('uses the time zone given under id __proto__', () => {
    const rows = [click('__proto__', 1), click('other', 1)];
    const timeZone = byId([['__proto__', 'Asia/Tokyo']]);
    const result = sendTimePreference(rows, { asOf, timeZone });
    expect(result.customers.map((c) => [c.customerId, c.timeZone])).toEqual([
      ['__proto__', 'Asia/Tokyo'],
      ['other', 'UTC'],
    ]);
  });
});
