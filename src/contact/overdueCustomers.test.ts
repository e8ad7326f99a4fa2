import { describe, expect, it } from 'vitest';
import { RelmarkError } from '../errors/RelmarkError.js';
import { contactAsOf, pastContact } from '../../test/helpers/contactFixtures.js';
import { overdueCustomers } from './overdueCustomers.js';

const asOf = contactAsOf; // a Saturday
const contact = pastContact;

describe('overdueCustomers', () => {
  it('returns [] without customers or without under-contact rules', () => {
    expect(overdueCustomers([], [], { fallbackTimeZone: 'UTC', underContact: [{ maxSilence: '1d' }] }, asOf)).toEqual([]);
    expect(overdueCustomers([{ id: 'a' }], [], { fallbackTimeZone: 'UTC' }, asOf)).toEqual([]);
  });

  it.each([
    ['an outbound marketing contact', {}, false],
    ['an inbound message', { direction: 'inbound' as const }, true],
    ['a bounced message', { outcome: 'bounced' as const }, true],
    ['a transactional receipt', { purpose: 'transactional' as const }, true],
    ['a service message', { purpose: 'service' as const }, false],
  ])('counts %s as useful: overdue = %s', (_name, extra, overdue) => {
    const result = overdueCustomers([{ id: 'a' }], [contact('h1', 'a', '2024-05-31', extra)], { fallbackTimeZone: 'UTC', underContact: [{ maxSilence: '7d' }] }, asOf);
    expect(result.length > 0).toBe(overdue);
  });

  it('measures silence from createdAt when there is no contact, and treats unknown silence as overdue', () => {
    const policy = { fallbackTimeZone: 'UTC', underContact: [{ maxSilence: '30d' }] };
    const result = overdueCustomers([{ id: 'new', createdAt: '2024-05-25T12:00:00Z' }, { id: 'old', createdAt: '2024-01-01T12:00:00Z' }, { id: 'unknown' }], [], policy, asOf);
    expect(result.map((o) => [o.customerId, o.silentDays, o.lastContactAt])).toEqual([
      ['unknown', null, null],
      ['old', 152, null],
    ]);
  });

  it('applies the first rule matching the segment, and orders by value, then silence, then id', () => {
    const customers = [
      { id: 'b', attributes: { segment: 'vip', value: 10 } },
      { id: 'a', attributes: { segment: 'vip', value: 10 } },
      { id: 'c', attributes: { segment: 'other', value: 99 } },
      { id: 'd', attributes: { segment: 'vip' } },
      { id: 'e', attributes: { segment: 'vip', value: 50 } },
    ];
    const history = [contact('h1', 'a', '2024-05-01'), contact('h2', 'b', '2024-05-01'), contact('h3', 'c', '2024-05-01'), contact('h4', 'e', '2024-04-01')];
    const result = overdueCustomers(customers, history, { fallbackTimeZone: 'UTC', underContact: [{ segment: 'vip', maxSilence: '14d' }, { maxSilence: '90d' }] }, asOf);
    expect(result.map((o) => o.customerId)).toEqual(['e', 'a', 'b', 'd']);
  });

  it('flags too few touches in the current local calendar window', () => {
    const policy = { fallbackTimeZone: 'UTC', weekStartsOn: 1, underContact: [{ minTouches: { count: 2, window: { kind: 'calendar' as const, unit: 'week' as const } } }] };
    const history = [contact('h1', 'a', '2024-05-27T09:00:00Z'), contact('h2', 'a', '2024-05-26T09:00:00Z')]; // Monday, and the Sunday before
    const [only] = overdueCustomers([{ id: 'a' }], history, policy, asOf);
    expect([only?.touches, only?.minTouches, only?.reasons]).toEqual([1, 2, ['min_touches']]);
    expect(overdueCustomers([{ id: 'a' }], history, { ...policy, weekStartsOn: 0 }, asOf)).toEqual([]);
  });

  it('rejects future history with future_date and its path', () => {
    try {
      overdueCustomers([{ id: 'a' }], [contact('h1', 'a', '2024-06-02')], { fallbackTimeZone: 'UTC' }, asOf);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RelmarkError);
      expect([(error as RelmarkError).code, (error as RelmarkError).issues.map((i) => i.path)]).toEqual(['future_date', [['history', 0, 'at']]]);
    }
  });
});
