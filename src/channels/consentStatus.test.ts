import { describe, expect, it } from 'vitest';
import type { ChannelConsent } from '../models/consent.js';
import { consentStatus } from './consentStatus.js';

const event = (status: ChannelConsent['status'], at: string, channel = 'sms', purpose: ChannelConsent['purpose'] = 'marketing'): ChannelConsent => ({
  channel,
  purpose,
  status,
  at: new Date(at),
});

describe('consentStatus', () => {
  it.each([
    ['no events', [], 'none'],
    ['events for other channels and purposes only', [event('granted', '2024-01-01', 'email'), event('granted', '2024-01-01', 'sms', 'service')], 'none'],
    ['the latest event wins', [event('withdrawn', '2024-01-01'), event('granted', '2024-02-01')], 'granted'],
    ['the latest event wins when listed first', [event('granted', '2024-02-01'), event('withdrawn', '2024-01-01')], 'granted'],
    ['a withdrawal wins a tie, listed last', [event('granted', '2024-02-01'), event('withdrawn', '2024-02-01')], 'withdrawn'],
    ['a withdrawal wins a tie, listed first', [event('withdrawn', '2024-02-01'), event('granted', '2024-02-01')], 'withdrawn'],
    ['an earlier withdrawal does not beat a later grant tie', [event('withdrawn', '2024-01-01'), event('granted', '2024-02-01'), event('granted', '2024-02-01')], 'granted'],
  ] as const)('%s', (_name, events, expected) => {
    expect(consentStatus(events, 'sms', 'marketing')).toBe(expected);
  });

  it('ignores events after asOf (a Date or epoch ms), and counts one exactly at asOf', () => {
    const events = [event('granted', '2024-01-01'), event('withdrawn', '2024-03-01')];
    expect(consentStatus(events, 'sms', 'marketing', { asOf: new Date('2024-02-01') })).toBe('granted');
    expect(consentStatus(events, 'sms', 'marketing', { asOf: Date.parse('2024-03-01') })).toBe('withdrawn');
    expect(consentStatus(events, 'sms', 'marketing', { asOf: Date.parse('2023-12-31') })).toBe('none');
  });
});
