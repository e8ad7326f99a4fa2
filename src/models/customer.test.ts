import { describe, expect, it } from 'vitest';
import { CustomerSchema } from './customer.js';

describe('CustomerSchema', () => {
  it('parses a full customer, coercing ids and dates', () => {
    const customer = CustomerSchema.parse({
      id: 7,
      givenName: 'Ada',
      email: 'ada@example.com',
      emailVerified: true,
      phone: '+441234567890',
      pushTokens: [{ platform: 'android', token: 't' }],
      timeZone: 'Europe/London',
      birthday: '1990-05-17',
      createdAt: 1_700_000_000_000,
      consents: [{ channel: 'sms', purpose: 'marketing', status: 'granted', at: '2024-01-01T08:00:00Z' }],
      statedPreferences: ['email', 'in_app'],
      attributes: { source: 'web' },
      unknownField: 'stripped',
    });
    expect(customer.id).toBe('7');
    expect(customer.createdAt).toEqual(new Date(1_700_000_000_000));
    expect(customer.consents?.[0]?.at).toEqual(new Date('2024-01-01T08:00:00Z'));
    expect('unknownField' in customer).toBe(false);
  });

  it('reports every bad field with its path', () => {
    const result = CustomerSchema.safeParse({
      id: '',
      email: 'not-an-email',
      phone: '0123',
      timeZone: 'Nowhere/Land',
      birthday: '1990-02-31',
      statedPreferences: ['email', 'email'],
      consents: [{ channel: 'SMS', purpose: 'spam', status: 'granted', at: 'x' }],
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['id'],
      ['email'],
      ['phone'],
      ['timeZone'],
      ['birthday'],
      ['consents', 0, 'channel'],
      ['consents', 0, 'purpose'],
      ['consents', 0, 'at'],
      ['statedPreferences'],
    ]);
  });

  it('can be extended by users, as public API', () => {
    const Extended = CustomerSchema.extend({ loyaltyNumber: CustomerSchema.shape.id });
    expect(Extended.parse({ id: 'a', loyaltyNumber: 12 }).loyaltyNumber).toBe('12');
  });
});
