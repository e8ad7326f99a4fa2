import { describe, expect, it } from 'vitest';
import { channelContextFromCustomers, channelPreferences, reachableChannels } from 'relmark/channels';
import { thrownRelmarkError as captureError } from '../../test/helpers/thrownRelmarkError.js';

describe('reachableChannels', () => {
  it.each([
    ['nothing', {}, {}, []],
    ['an unverified email', { email: 'a@example.com' }, {}, []],
    ['an explicitly unverified phone', { phone: '+441234567890', phoneVerified: false }, {}, []],
    ['an unverified email, verification not required', { email: 'a@example.com' }, { requireVerified: false }, ['email']],
    ['a verified phone', { phone: '+441234567890', phoneVerified: true }, {}, ['sms', 'phone']],
    ['an empty push token list', { pushTokens: [] }, {}, []],
    ['a postal address', { postalAddress: { lines: ['1 High St'], locality: 'Leeds', country: 'GB' } }, {}, ['mail']],
    [
      'everything verified',
      { email: 'a@example.com', emailVerified: true, phone: '+441234567890', phoneVerified: true, pushTokens: [{ platform: 'web', token: 'x' }], postalAddress: { lines: ['1'], locality: 'L', country: 'GB' } },
      {},
      ['email', 'sms', 'phone', 'push', 'mail'],
    ],
  ] as const)('%s', (_name, contactPoints, options, expected) => {
    expect(reachableChannels(contactPoints as never, options)).toEqual(expected);
  });
});

describe('channelContextFromCustomers', () => {
  it('feeds channelPreferences: consents, stated preferences and reachability from the records', () => {
    const context = channelContextFromCustomers([
      {
        id: 'c1',
        email: 'a@example.com',
        emailVerified: true,
        phone: '+441234567890',
        phoneVerified: true,
        statedPreferences: ['sms'],
        consents: [
          { channel: 'email', purpose: 'marketing', status: 'granted', at: '2024-01-01' },
          { channel: 'sms', purpose: 'marketing', status: 'granted', at: '2024-01-01' },
        ],
      },
      { id: 'c2', consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', at: '2024-01-01' }] },
    ]);
    const result = channelPreferences([], { asOf: '2024-06-01', ...context });
    expect(result.customers.map((c) => [c.customerId, c.channels.map((s) => [s.channel, s.source])])).toEqual([
      ['c1', [['sms', 'stated'], ['email', 'default']]],
      ['c2', []],
    ]);
    expect(result.customers[0]?.blocked).toEqual([{ channel: 'phone', reason: 'no_consent' }]);
  });

  it('keeps an id that names an Object.prototype key as an ordinary key', () => {
    const context = channelContextFromCustomers([{ id: '__proto__', email: 'a@example.com', emailVerified: true }]);
    expect(Object.keys(context.reachability)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(context.reachability)).toBe(Object.prototype);
  });

  it('reports every bad record, and duplicate ids as duplicate_id', () => {
    const bad = captureError(() => channelContextFromCustomers([{ id: 'a', email: 'nope' }, { id: 'b', timeZone: 'Mars/Base' }]));
    expect([bad.code, bad.issues.map((issue) => issue.path)]).toEqual(['invalid_input', [['rows', 0, 'email'], ['rows', 1, 'timeZone']]]);
    const duplicate = captureError(() => channelContextFromCustomers([{ id: 'a' }, { id: 'a' }]));
    expect(duplicate.code).toBe('duplicate_id');
  });
});

