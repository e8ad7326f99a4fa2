import { describe, expect, it } from 'vitest';
import { contactAsOf, pastContact } from '../../test/helpers/contactFixtures.js';
import { contactPressure } from './contactPressure.js';

const asOf = contactAsOf; // a Saturday
const contact = pastContact;

describe('contactPressure', () => {
  const policy = {
    fallbackTimeZone: 'UTC',
    caps: [
      { id: 'weekly', scope: { kind: 'all' as const }, max: 3, window: { kind: 'rolling' as const, length: '7d' } },
      { id: 'sms-day', scope: { kind: 'channels' as const, channels: ['sms'] }, max: 1, window: { kind: 'calendar' as const, unit: 'day' as const } },
      { id: 'promo', scope: { kind: 'tags' as const, tags: ['promo'] }, max: 1, window: { kind: 'rolling' as const, length: '7d' } },
    ],
    underContact: [{ maxSilence: '30d' }],
  };

  it('returns [] for no history and no customers', () => {
    expect(contactPressure([], policy, asOf)).toEqual([]);
  });

  it('reports each applicable cap with count and headroom, per customer and channel in code-unit order', () => {
    const history = [contact('h1', 'b', '2024-05-30'), contact('h2', 'b', '2024-06-01T08:00:00Z', { channel: 'sms' }), contact('h3', 'a', '2024-05-20')];
    const rows = contactPressure(history, policy, asOf, { customers: [{ id: 'z' }] });
    expect(rows.map((r) => [r.customerId, r.channel, r.caps.map((c) => `${c.rule}:${c.count}/${c.max}`), r.headroom, r.status])).toEqual([
      ['a', 'email', ['weekly:0/3'], 3, 'on_target'],
      ['a', 'sms', ['weekly:0/3', 'sms-day:0/1'], 1, 'on_target'],
      ['b', 'email', ['weekly:2/3'], 1, 'on_target'],
      ['b', 'sms', ['weekly:2/3', 'sms-day:1/1'], 0, 'saturated'],
      ['z', 'email', ['weekly:0/3'], 3, 'undersaturated'],
      ['z', 'sms', ['weekly:0/3', 'sms-day:0/1'], 1, 'undersaturated'],
    ]);
  });

  it('uses the customer zone for calendar windows', () => {
    // 2024-06-01T02:00Z is still 31 May in New York: not in New York's current local day.
    const history = [contact('h1', 'a', '2024-06-01T02:00:00Z', { channel: 'sms' })];
    const inZone = contactPressure(history, policy, asOf, { customers: [{ id: 'a', timeZone: 'America/New_York' }] });
    const inUtc = contactPressure(history, policy, asOf);
    expect(inZone.find((r) => r.channel === 'sms')?.caps[1]?.count).toBe(0);
    expect(inUtc.find((r) => r.channel === 'sms')?.caps[1]?.count).toBe(1);
  });
});
