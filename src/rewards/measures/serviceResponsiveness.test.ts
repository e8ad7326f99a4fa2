import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as errorOf } from '../../../test/helpers/thrownRelmarkError.js';
import type { InteractionInput } from '../../models/interaction.js';
import { serviceResponsiveness } from './serviceResponsiveness.js';

const inbound = (id: string, at: string, extra: Partial<InteractionInput> = {}): InteractionInput =>
  ({ id, customerId: 'a', channel: 'email', direction: 'inbound', purpose: 'service', outcome: 'delivered', at, ...extra }) as InteractionInput;
const reply = (id: string, at: string, extra: Partial<InteractionInput> = {}): InteractionInput =>
  ({ id, customerId: 'a', channel: 'email', direction: 'outbound', purpose: 'service', outcome: 'delivered', at, ...extra }) as InteractionInput;

describe('serviceResponsiveness', () => {
  it.each([
    ['a reply after the query', [inbound('q', '2024-01-01T00:00:00Z'), reply('r', '2024-01-01T05:00:00Z')], { answered: 1, medianResponseHours: 5, withinTarget: 1 }],
    ['a reply before the query', [reply('r', '2023-12-31T00:00:00Z'), inbound('q', '2024-01-01T00:00:00Z')], { answered: 0, overdue: 1, shareWithinTarget: 0 }],
    ['a reply to another customer', [inbound('q', '2024-01-01T00:00:00Z'), reply('r', '2024-01-01T01:00:00Z', { customerId: 'b' })], { answered: 0 }],
    ['a marketing message, not a reply', [inbound('q', '2024-01-01T00:00:00Z'), reply('r', '2024-01-01T01:00:00Z', { purpose: 'marketing' })], { answered: 0 }],
    ['a reply after asOf', [inbound('q', '2024-01-01T00:00:00Z'), reply('r', '2024-01-09T00:00:00Z')], { answered: 0, overdue: 1 }],
    ['a late reply', [inbound('q', '2024-01-01T00:00:00Z'), reply('r', '2024-01-03T00:00:00Z')], { answered: 1, withinTarget: 0, shareWithinTarget: 0 }],
    ['an inbound purchase message, not a query', [inbound('q', '2024-01-01T00:00:00Z', { purpose: 'transactional' })], { queries: 0, shareWithinTarget: null, medianResponseHours: null }],
    ['a query still inside the target', [inbound('q', '2024-01-07T12:00:00Z')], { queries: 1, overdue: 0, shareWithinTarget: null }],
  ])('handles %s', (_name, interactions, expected) => {
    expect(serviceResponsiveness(interactions, { asOf: '2024-01-08T00:00:00Z' })).toMatchObject(expected);
  });

  it('lets one reply answer every query waiting before it, and takes the median of an even count', () => {
    const report = serviceResponsiveness([inbound('q1', '2024-01-01T00:00:00Z'), inbound('q2', '2024-01-01T02:00:00Z'), reply('r', '2024-01-01T04:00:00Z')], {
      asOf: '2024-01-02T00:00:00Z',
    });
    expect(report.items.map((q) => q.responseHours)).toEqual([4, 2]);
    expect(report).toMatchObject({ medianResponseHours: 3, meanResponseHours: 3 });
  });

  it('lists open complaints oldest first, with their waiting time', () => {
    const report = serviceResponsiveness(
      [inbound('c2', '2024-01-02T00:00:00Z', { outcome: 'complained' }), inbound('c1', '2024-01-01T00:00:00Z', { outcome: 'complained', customerId: 'b' }), reply('r', '2024-01-03T00:00:00Z')],
      { asOf: '2024-01-04T00:00:00Z', targetHours: 12 },
    );
    expect(report.complaints).toBe(2);
    expect(report.openComplaints.map((q) => [q.interactionId, q.waitingHours])).toEqual([['c1', 72]]);
  });

  it('rejects bad interactions and options with their paths', () => {
    const error = errorOf(() => serviceResponsiveness([{ ...inbound('q', '2024-01-01'), direction: 'sideways' as 'inbound' }], { asOf: '2024-01-02' }));
    expect(error.issues.map((issue) => issue.path)).toEqual([['interactions', 0, 'direction']]);
    expect(errorOf(() => serviceResponsiveness([], { asOf: '2024-01-02', targetHours: 0 })).code).toBe('invalid_options');
  });
});
