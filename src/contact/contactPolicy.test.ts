import { describe, expect, it } from 'vitest';
import { ContactDurationSchema } from './contactDuration.js';
import { ContactPolicySchema } from './contactPolicy.js';

describe('ContactDurationSchema', () => {
  it.each([
    ['30m', 1_800_000],
    ['16h', 57_600_000],
    ['1.5d', 129_600_000],
    ['2w', 1_209_600_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(ContactDurationSchema.parse(text)).toBe(ms);
  });

  it.each(['0h', '-1d', '7', '7 days', '1y', '', '3651w'])('rejects %j', (text) => {
    expect(ContactDurationSchema.safeParse(text).success).toBe(false);
  });
});

describe('ContactPolicySchema', () => {
  it('fills documented defaults', () => {
    const policy = ContactPolicySchema.parse({ fallbackTimeZone: 'UTC' });
    expect(policy).toEqual({
      fallbackTimeZone: 'UTC',
      weekStartsOn: 1,
      caps: [],
      minGaps: [],
      quietHours: [],
      capacity: [],
      exemptPurposes: ['transactional', 'service'],
      exemptPurposesCountTowardCaps: false,
      consentRequiredFor: ['marketing', 'feedback', 'cross_sell', 'replenishment', 'occasion'],
      overrides: [],
      underContact: [],
      usefulPurposes: ['marketing', 'service', 'feedback', 'cross_sell', 'replenishment', 'occasion'],
      segmentAttribute: 'segment',
      valueAttribute: 'value',
    });
  });

  it('requires an explicit fallback zone, so local rules are never silently unenforced', () => {
    const result = ContactPolicySchema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['fallbackTimeZone']]);
  });

  it('lists every problem with its path', () => {
    const result = ContactPolicySchema.safeParse({
      fallbackTimeZone: 'Mars/Olympus',
      weekStartsOn: 7,
      caps: [
        { id: 'x', scope: { kind: 'channels', channels: [] }, max: 1.5, window: { kind: 'calendar', unit: 'year' } },
        { id: 'x', scope: { kind: 'all' }, max: 1, window: { kind: 'rolling', length: '7d' } },
      ],
      minGaps: [{ channel: 'sms', gap: '1d' }, { channel: 'sms', gap: '2d' }],
      quietHours: [{ start: '08:00', end: '08:00' }],
      overrides: [{ customerId: 'a', pause: { from: '2024-02-01', to: '2024-01-01' } }],
      underContact: [{ segment: 'vip' }],
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toMatchInlineSnapshot(`
      [
        "fallbackTimeZone",
        "weekStartsOn",
        "caps.0.scope.channels",
        "caps.0.max",
        "caps.0.window.unit",
        "quietHours.0.end",
        "overrides.0.pause.to",
        "underContact.0",
      ]
    `);
  });

  it('reports repeated cap ids, gap channels, capacity channels and override customers', () => {
    const cap = { id: 'x', scope: { kind: 'all' }, max: 1, window: { kind: 'rolling', length: '7d' } } as const;
    const result = ContactPolicySchema.safeParse({
      fallbackTimeZone: 'UTC',
      caps: [cap, { ...cap, id: undefined }, cap],
      minGaps: [{ channel: 'sms', gap: '1d' }, { channel: 'sms', gap: '2d' }],
      capacity: [{ channel: 'phone', perDay: 1 }, { channel: 'phone', perDay: 2 }],
      overrides: [{ customerId: 1 }, { customerId: '1' }],
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['caps.2.id', 'minGaps.1.channel', 'capacity.1.channel', 'overrides.1.customerId']);
  });
});
