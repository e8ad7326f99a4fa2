import { describe, expect, it } from 'vitest';
import { channelMix, channelPreferences } from 'relmark/channels';

describe('channelMix', () => {
  it('counts first channels and permitted channels; shares and unreachable add up to 1', () => {
    const at = '2024-01-01';
    const preferences = channelPreferences(
      [
        { id: 1, customerId: 'a', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'clicked', at },
        { id: 2, customerId: 'b', channel: 'sms', direction: 'outbound', purpose: 'marketing', outcome: 'clicked', at },
      ],
      { asOf: at, consentDefault: 'allow', statedPreferences: { b: ['sms'] }, reachability: { a: ['email', 'sms'], b: ['sms'], c: [] } },
    );
    const mix = channelMix(preferences);
    expect(mix).toEqual({
      customers: 3,
      unreachable: 1,
      channels: [
        { channel: 'email', first: 1, share: 1 / 3, permitted: 1 },
        { channel: 'sms', first: 1, share: 1 / 3, permitted: 2 },
      ],
    });
    expect(mix.channels.reduce((sum, entry) => sum + entry.share, 0) + mix.unreachable / mix.customers).toBeCloseTo(1, 15);
  });

  it('returns an empty mix for no customers', () => {
    expect(channelMix([])).toEqual({ customers: 0, unreachable: 0, channels: [] });
  });
});
